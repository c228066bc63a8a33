package io.marketdesk.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless chromium, run as a process: {@code --dump-dom} gives the DOM after the page (and
 * any redirects) loaded, {@code --screenshot} a PNG. Each run has its own fresh profile.
 */
public final class Chromium {
  private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
  private final String binary;
  private final List<String> flags;

  private Chromium(String binary, List<String> flags) {
    this.binary = binary;
    this.flags = List.copyOf(flags);
  }

  /** The same browser run with more flags ({@code --force-dark-mode} for the dark colour scheme). */
  public Chromium with(String... more) {
    List<String> all = new ArrayList<>(flags);
    all.addAll(List.of(more));
    return new Chromium(binary, all);
  }

  /** The browser on the PATH, if there is one. */
  public static Optional<Chromium> find() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : NAMES) {
      for (String dir : path.split(File.pathSeparator)) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return Optional.of(new Chromium(p.toString(), List.of()));
        }
      }
    }
    return Optional.empty();
  }

  /** The DOM of a page after it loaded. */
  public String dumpDom(String url) {
    return run(List.of("--dump-dom", url), null);
  }

  /** Saves a screenshot of a page at this window size. */
  public Path screenshot(String url, Path file, int width, int height) {
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    run(List.of("--screenshot=" + file.toAbsolutePath(), "--window-size=" + width + "," + height,
        "--hide-scrollbars", url), file);
    if (!Files.isRegularFile(file)) {
      throw new AssertionError("chromium made no screenshot " + file);
    }
    return file;
  }

  private String run(List<String> args, Path expected) {
    Path profile = null;
    Path out = null;
    try {
      profile = Files.createTempDirectory("chromium-profile");
      out = Files.createTempFile("chromium-out", ".txt");
      List<String> cmd = new ArrayList<>(List.of(binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
          "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--lang=zh-CN", "--user-data-dir=" + profile));
      cmd.addAll(flags);
      cmd.addAll(args);
      Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(90, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("chromium did not finish in 90 s: " + cmd);
      }
      if (p.exitValue() != 0 && (expected == null || !Files.exists(expected))) {
        throw new AssertionError("chromium exited with " + p.exitValue() + ": " + cmd);
      }
      return Files.readString(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      delete(profile);
      delete(out);
    }
  }

  private static void delete(Path p) {
    if (p == null) {
      return;
    }
    try (var walk = Files.walk(p)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
    } catch (IOException e) {
      // a temp file left behind is harmless
    }
  }
}
