package io.marketdesk.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether a server binary the tests start (Dovecot, Postfix, openssl) is installed. Missing on a
 * developer's machine: the test is skipped, saying what to install. Missing in CI ({@code CI=true},
 * where {@code .ci/run} installs them): the test fails, so that a broken install line cannot turn
 * the real-server tests into silent skips.
 */
public final class Installed {
  private Installed() {}

  /** Skips (or, in CI, fails) the calling test when {@code binary} is not an executable file. */
  public static void require(Path binary, String debianPackage) {
    if (!Files.isExecutable(binary)) {
      missing(binary + " is missing: install Debian's " + debianPackage + " (.ci/run does) to run the tests against it");
    }
  }

  /** Skips (or, in CI, fails) the calling test when {@code present} is false; {@code why} says what to install. */
  public static void require(boolean present, String why) {
    if (!present) {
      missing(why);
    }
  }

  /** Skips (or, in CI, fails) the calling test unless it runs as root. */
  public static void requireRoot(String why) {
    if (!"root".equals(System.getProperty("user.name"))) {
      missing("root is needed: " + why);
    }
  }

  private static void missing(String why) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException(why + " (CI=true: a missing server fails the test)");
    }
    Assumptions.assumeTrue(false, why);
  }
}
