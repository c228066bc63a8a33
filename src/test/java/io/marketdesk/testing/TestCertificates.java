package io.marketdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private CA and the certificates it signs, made with {@code openssl} (a dependency of Debian's
 * Dovecot) into a folder of the test's: {@code ca.pem}, a server certificate for {@code 127.0.0.1}
 * and {@code localhost} ({@code server.pem}, {@code server.key}), and one signed by the same CA for
 * another host ({@code elsewhere.pem}, {@code elsewhere.key}), which a client checking host names
 * must refuse. Keys are readable by the servers' own users (the folder is the test's).
 */
public final class TestCertificates {
  private final Path dir;

  private TestCertificates(Path dir) {
    this.dir = dir;
  }

  /** Makes the CA and both server certificates in {@code dir} (created if missing). */
  public static TestCertificates make(Path dir) {
    Installed.require(Path.of("/usr/bin/openssl"), "openssl");
    try {
      Files.createDirectories(dir);
      TestCertificates c = new TestCertificates(dir);
      c.openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=marketdesk test CA",
          "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
          "-keyout", "ca.key", "-out", "ca.pem");
      c.server("server", "subjectAltName=IP:127.0.0.1,DNS:localhost");
      c.server("elsewhere", "subjectAltName=DNS:elsewhere.marketdesk.test");
      for (String key : List.of("server.key", "elsewhere.key")) {
        Files.setPosixFilePermissions(dir.resolve(key), PosixFilePermissions.fromString("rw-r--r--"));
      }
      return c;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void server(String name, String san) throws IOException {
    Files.writeString(dir.resolve(name + ".ext"), san + "\nextendedKeyUsage=serverAuth\n", StandardCharsets.US_ASCII);
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + name, "-keyout", name + ".key", "-out", name + ".csr");
    openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2",
        "-extfile", name + ".ext", "-out", name + ".pem");
  }

  private void openssl(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add("openssl");
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The CA certificate (PEM): what {@code mail.trust-store} names. */
  public Path ca() {
    return dir.resolve("ca.pem");
  }

  /** The certificate for 127.0.0.1 and localhost. */
  public Path serverCert() {
    return dir.resolve("server.pem");
  }

  public Path serverKey() {
    return dir.resolve("server.key");
  }

  /** A certificate of the same CA for another host. */
  public Path elsewhereCert() {
    return dir.resolve("elsewhere.pem");
  }

  public Path elsewhereKey() {
    return dir.resolve("elsewhere.key");
  }
}
