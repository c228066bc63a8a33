package io.marketdesk.testing;

import io.marketdesk.app.App;
import io.marketdesk.embedded.EmbeddedMailServer;
import io.marketdesk.config.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The whole app for a test: embedded GreenMail on free ports, a fresh database, the web on a free
 * port, the demo people, and a clock the test moves.
 *
 * <p>The database is a new SQLite file in a temp folder, or, when {@code MARKETDESK_TEST_DB_URL} is a
 * {@code jdbc:postgresql:} URL (credentials in the URL: {@code ?user=..&password=..}), a new schema
 * {@code md_test_<random>} in that database, selected with {@code currentSchema=}; the schema is
 * dropped when the app closes. A test that passes {@code db.url} in its overrides gets that database
 * as it is (several instances on one store).
 */
public final class TestApp implements AutoCloseable {
  /** The environment variable naming the test database (unset: SQLite). */
  public static final String DB_ENV = "MARKETDESK_TEST_DB_URL";
  private static final SecureRandom RANDOM = new SecureRandom();

  public final App app;
  public final FakeClock clock;
  public final MailClient mail;
  public final Path dir;
  /**
   * The GreenMail of the people's mailboxes and of the service's SMTP: the app's embedded server, or,
   * for an app on another IMAP server ({@link #onMailbox}), one of the test's own.
   */
  public final EmbeddedMailServer mailServer;
  private final String imapUrl;
  private final String smtpUrl;
  private final Runnable dropDatabase;
  private final AutoCloseable ownMailServer;

  private TestApp(App app, FakeClock clock, Path dir, MailClient mail, EmbeddedMailServer mailServer, String imapUrl,
      String smtpUrl, Runnable dropDatabase, AutoCloseable ownMailServer) {
    this.app = app;
    this.clock = clock;
    this.dir = dir;
    this.mail = mail;
    this.mailServer = mailServer;
    this.imapUrl = imapUrl;
    this.smtpUrl = smtpUrl;
    this.dropDatabase = dropDatabase;
    this.ownMailServer = ownMailServer;
  }

  public static TestApp start() {
    return start(Map.of());
  }

  public static TestApp start(Map<String, String> overrides) {
    return start(overrides, FakeClock.now());
  }

  public static TestApp start(Map<String, String> overrides, FakeClock clock) {
    Path dir = tempDir();
    Map<String, String> keys = new HashMap<>(baseConfig(dir, !overrides.containsKey("db.url")));
    keys.putAll(overrides);
    Runnable drop = dropperFor(keys.get("db.url"), overrides.containsKey("db.url"));
    App app = new App(Config.of(keys), clock);
    try {
      app.start();
    } catch (RuntimeException e) {
      app.close();
      drop.run();
      throw e;
    }
    EmbeddedMailServer server = app.embedded();
    MailClient mail = server != null ? new MailClient(server.smtpPort(), server.imapPort()) : null;
    String imap = server != null ? embeddedImapUrl(app.config(), server) : keys.get("imap.url");
    String smtp = server != null ? "smtp://127.0.0.1:" + server.smtpPort() : keys.get("smtp.url");
    return new TestApp(app, clock, dir, mail, server, imap, smtp, drop, () -> {});
  }

  private static String embeddedImapUrl(Config c, EmbeddedMailServer server) {
    return "imap://" + c.mailAddress.replace("@", "%40") + ":" + App.DEMO_PASSWORD + "@127.0.0.1:" + server.imapPort()
        + "/INBOX";
  }

  /**
   * The whole app reading the service mailbox at {@code imapUrl} (a real IMAP server, e.g. {@link
   * Dovecot}) instead of the embedded one; its replies go over SMTP to a GreenMail of the test's own
   * ({@link #mailServer}, the people's mailboxes, password {@code demo}), which {@link #mail} reads.
   * Mail for the service is put into that IMAP mailbox by the test ({@link Dovecot#append}), not sent
   * with {@link #mail}.
   */
  public static TestApp onMailbox(String imapUrl, Map<String, String> overrides, FakeClock clock) {
    Path dir = tempDir();
    Map<String, String> keys = new HashMap<>(baseConfig(dir, !overrides.containsKey("db.url")));
    EmbeddedMailServer server = new EmbeddedMailServer(0, 0, "market@marketdesk.test", App.DEMO_PASSWORD,
        App.demoMailboxes());
    keys.put("embedded.mail", "false");
    keys.put("imap.url", imapUrl);
    keys.put("smtp.url", "smtp://127.0.0.1:" + server.smtpPort());
    keys.putAll(overrides);
    Runnable drop = dropperFor(keys.get("db.url"), overrides.containsKey("db.url"));
    App app;
    try {
      app = new App(Config.of(keys), clock);
    } catch (RuntimeException e) {
      drop.run();
      server.close();
      throw e;
    }
    try {
      app.start();
    } catch (RuntimeException e) {
      app.close();
      drop.run();
      server.close();
      throw e;
    }
    return new TestApp(app, clock, dir, new MailClient(server.smtpPort(), server.imapPort()), server,
        keys.get("imap.url"), keys.get("smtp.url"), drop, server);
  }

  /**
   * Starts another instance of the app on the same database and the same mailbox as {@code first}
   * (the first one's embedded GreenMail, or the IMAP server it reads): no embedded server, imap.url and
   * smtp.url those of the first, no demo data of its own. Its {@link #mail} is the first one's client.
   */
  public static TestApp another(TestApp first, Map<String, String> overrides, FakeClock clock) {
    Config c = first.app.config();
    Map<String, String> keys = new HashMap<>();
    keys.put("embedded.mail", "false");
    keys.put("demo.data", "false");
    keys.put("db.url", c.dbUrl);
    keys.put("imap.url", first.imapUrl);
    keys.put("smtp.url", first.smtpUrl);
    keys.putAll(overrides);
    Path dir = tempDir();
    Map<String, String> all = new HashMap<>(baseConfig(dir, false));
    all.putAll(keys);
    App app = new App(Config.of(all), clock);
    try {
      app.start();
    } catch (RuntimeException e) {
      app.close();
      throw e;
    }
    return new TestApp(app, clock, dir, first.mail, first.mailServer, keys.get("imap.url"), keys.get("smtp.url"),
        () -> {}, () -> {});
  }

  /**
   * The environment of another instance on the same database and mailbox as this one, for running
   * marketdesk's {@code Main} as a process of its own (which a test may kill with SIGKILL): the keys
   * of {@link #another}, as {@code MARKETDESK_*} variables, with {@code overrides} on top.
   */
  public Map<String, String> anotherProcessEnv(Map<String, String> overrides) {
    Map<String, String> keys = new HashMap<>(baseConfig(tempDir(), false));
    keys.put("embedded.mail", "false");
    keys.put("demo.data", "false");
    keys.put("db.url", app.config().dbUrl);
    keys.put("imap.url", imapUrl);
    keys.put("smtp.url", smtpUrl);
    keys.putAll(overrides);
    Map<String, String> env = new HashMap<>();
    keys.forEach((k, v) -> env.put(Config.envName(k), v));
    return env;
  }

  /** Starts marketdesk's {@code Main} in a JVM of its own with this environment, its output to {@code log}. */
  public static Process startMain(Map<String, String> env, Path log) throws java.io.IOException {
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.marketdesk.Main");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    return pb.start();
  }

  /** The configuration every test app starts from, with a fresh database. */
  public static Map<String, String> baseConfig(Path dir) {
    return baseConfig(dir, true);
  }

  private static Map<String, String> baseConfig(Path dir, boolean freshDatabase) {
    Map<String, String> keys = new HashMap<>();
    keys.put("embedded.mail", "true");
    keys.put("embedded.smtp-port", "0");
    keys.put("embedded.imap-port", "0");
    keys.put("web.port", "0");
    keys.put("demo.data", "true");
    keys.put("mail.poll-interval", "PT5S");
    keys.put("outbox.retry-initial", "PT1S");
    keys.put("outbox.retry-max", "PT2S");
    // the fake clock stands still, so a test's whole run is one hour: ActionCapIT sets its own cap
    keys.put("security.actions-per-hour", "1000");
    if (freshDatabase) {
      keys.put("db.url", freshDatabaseUrl(dir));
    }
    return keys;
  }

  /** True when the tests run against PostgreSQL ({@value #DB_ENV} is a PostgreSQL URL). */
  public static boolean onPostgres() {
    String db = System.getenv(DB_ENV);
    return db != null && db.startsWith("jdbc:postgresql:");
  }

  /**
   * A JDBC URL of an empty database: a new SQLite file under {@code dir}, or a new schema in the
   * PostgreSQL database of {@value #DB_ENV}.
   */
  public static String freshDatabaseUrl(Path dir) {
    String db = System.getenv(DB_ENV);
    if (db == null || db.isBlank()) {
      return "jdbc:sqlite:" + dir.resolve("test.db");
    }
    if (!db.startsWith("jdbc:postgresql:")) {
      return db;
    }
    String schema = "md_test_" + HexFormat.of().formatHex(randomBytes(6));
    execute(db, "CREATE SCHEMA " + schema);
    return db + (db.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /**
   * Drops a database made by {@link #freshDatabaseUrl} for a test that gave it to the app itself
   * (a PostgreSQL schema {@code md_test_*}; nothing for SQLite, whose file goes with its folder).
   */
  public static void dropFreshDatabase(String url) {
    dropperFor(url, false).run();
  }

  private static Runnable dropperFor(String url, boolean given) {
    String marker = "currentSchema=md_test_";
    if (given || url == null || !url.startsWith("jdbc:postgresql:") || !url.contains(marker)) {
      return () -> {};
    }
    String schema = url.substring(url.indexOf(marker) + "currentSchema=".length()).replaceAll("[^a-z0-9_].*$", "");
    String admin = url.replaceFirst("[?&]currentSchema=" + schema, "");
    return () -> {
      try {
        execute(admin, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      } catch (RuntimeException e) {
        System.err.println("could not drop test schema " + schema + ": " + e);
      }
    };
  }

  private static void execute(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("test database " + url.replaceAll("password=[^&]*", "password=***")
          + ": " + e.getMessage(), e);
    }
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("marketdesk-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + app.webPort();
  }

  public Clock clockView() {
    return clock;
  }

  /**
   * Closes the reviews the demo data opened (product revisions, appeals...), for tests that count
   * open reviews from zero.
   */
  public void closeDemoReviews() {
    app.db().jdbi().useHandle(h -> h.execute("UPDATE review SET status = 'superseded' WHERE status = 'open'"));
  }

  @Override
  public void close() {
    app.close();
    dropDatabase.run();
    try {
      ownMailServer.close();
    } catch (Exception e) {
      System.err.println("closing the test's mail server: " + e);
    }
  }
}
