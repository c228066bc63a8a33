package io.marketdesk.testing;

import io.marketdesk.app.App;
import io.marketdesk.app.Features;
import io.marketdesk.config.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole app for a test: embedded GreenMail on free ports, a fresh SQLite file (or the database of
 * {@code MARKETDESK_TEST_DB_URL}), the web on a free port, the demo people, and a clock the test moves.
 */
public final class TestApp implements AutoCloseable {
  public final App app;
  public final FakeClock clock;
  public final MailClient mail;
  public final Path dir;

  private TestApp(App app, FakeClock clock, Path dir) {
    this.app = app;
    this.clock = clock;
    this.dir = dir;
    this.mail = new MailClient(app.embedded().smtpPort(), app.embedded().imapPort());
  }

  public static TestApp start() {
    return start(Map.of());
  }

  public static TestApp start(Map<String, String> overrides) {
    return start(overrides, FakeClock.now());
  }

  public static TestApp start(Map<String, String> overrides, FakeClock clock) {
    Path dir;
    try {
      dir = Files.createTempDirectory("marketdesk-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> keys = new HashMap<>(baseConfig(dir));
    keys.putAll(overrides);
    App app = new App(Config.of(keys), clock, Features.all());
    try {
      app.start();
    } catch (RuntimeException e) {
      app.close();
      throw e;
    }
    return new TestApp(app, clock, dir);
  }

  /** The configuration every test app starts from. */
  public static Map<String, String> baseConfig(Path dir) {
    Map<String, String> keys = new HashMap<>();
    keys.put("embedded.mail", "true");
    keys.put("embedded.smtp-port", "0");
    keys.put("embedded.imap-port", "0");
    keys.put("web.port", "0");
    keys.put("demo.data", "true");
    keys.put("mail.poll-interval", "PT5S");
    keys.put("outbox.retry-initial", "PT1S");
    keys.put("outbox.retry-max", "PT2S");
    String db = System.getenv("MARKETDESK_TEST_DB_URL");
    keys.put("db.url", db != null && !db.isBlank() ? db : "jdbc:sqlite:" + dir.resolve("test.db"));
    return keys;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + app.webPort();
  }

  public Clock clockView() {
    return clock;
  }

  @Override
  public void close() {
    app.close();
  }
}
