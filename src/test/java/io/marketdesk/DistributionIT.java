package io.marketdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.Dovecot;
import io.marketdesk.testing.MailClient;
import io.marketdesk.testing.TestApp;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runnable distribution as an operator uses it: {@code target/marketdesk.jar} (made by {@code
 * ./mvnw -B package}, before the integration tests run) started with {@code java -jar} from a folder
 * that holds neither {@code config/} nor {@code templates/}, so that defaults, calendars and
 * templates come from inside the jar; the CLI subcommands; the one-line log format; and a graceful
 * stop on SIGTERM.
 */
class DistributionIT {
  private static final Path JAR = Path.of("target", "marketdesk.jar").toAbsolutePath();
  private static final String SERVICE = "market@marketdesk.test";

  private static Path dir;
  /** PostgreSQL schemas made for the processes started here, dropped when the class is done. */
  private static final List<Runnable> cleanups = new java.util.concurrent.CopyOnWriteArrayList<>();

  @org.junit.jupiter.api.AfterAll
  static void dropDatabases() {
    cleanups.forEach(Runnable::run);
  }

  @BeforeAll
  static void folder() throws IOException {
    assertThat(JAR).as("./mvnw package makes it").exists();
    dir = Files.createTempDirectory("marketdesk-dist");
  }

  @Test
  void shouldListEverySubcommandAndRunThemFromTheJar() throws Exception {
    Result help = run(List.of("--help"), Map.of());
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("run").contains("provider").contains("operator").contains("orders").contains("backup");

    Path config = dir.resolve("cli.properties");
    Files.writeString(config, "db.url=jdbc:sqlite:" + dir.resolve("cli.db") + "\n");
    Result add = run(List.of("operator", "add", "--name", "Ops Two", "--email", "ops2@marketdesk.test",
        "--config", config.toString()), Map.of());
    assertThat(add.code()).as(add.out()).isZero();
    Result list = run(List.of("operator", "list", "--config", config.toString()), Map.of());
    assertThat(list.code()).as(list.out()).isZero();
    assertThat(list.out()).contains("ops2@marketdesk.test");

    Result bad = run(List.of("run"), Map.of("MARKETDESK_WEB_PORT", "not-a-port"));
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.out()).contains("MARKETDESK_WEB_PORT");
  }

  @Test
  void shouldServeTheEmbeddedDemoFromTheJarInOneLineLogsAndStopOnSigterm() throws Exception {
    int smtp = freePort();
    int imap = freePort();
    int web = freePort();
    Map<String, String> env = new HashMap<>();
    env.put("MARKETDESK_EMBEDDED_SMTP_PORT", String.valueOf(smtp));
    env.put("MARKETDESK_EMBEDDED_IMAP_PORT", String.valueOf(imap));
    env.put("MARKETDESK_WEB_PORT", String.valueOf(web));
    env.put("MARKETDESK_DB_URL", "jdbc:sqlite:" + dir.resolve("demo.db"));
    env.put("MARKETDESK_LOG_FORMAT", "logfmt");
    Path log = dir.resolve("demo.log");
    Process p = start(List.of(), env, log);
    try {
      HttpClient http = HttpClient.newHttpClient();
      Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web + "/health")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
      MailClient mail = new MailClient(smtp, imap);
      String id = mail.send(DemoData.ALICE, SERVICE, "help", "帮助");
      // rendered from the templates inside the jar
      assertThat(mail.awaitReplyTo(DemoData.ALICE, id).body()).contains("帮助");
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web + "/")).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(page.statusCode()).isEqualTo(200);
    } finally {
      p.destroy(); // SIGTERM
    }
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s of SIGTERM").isTrue();
    List<String> events = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("ts=")).toList();
    assertThat(events).anySatisfy(l -> assertThat(l).contains("level=INFO").contains("logger=App").contains("marketdesk started"));
    assertThat(events).anySatisfy(l -> assertThat(l).contains("marketdesk stopped"));
    assertThat(events).allSatisfy(l -> assertThat(l).matches("ts=\\S+ level=\\w+ thread=\\S+ logger=\\S+ msg=\".*\".*"));
  }

  @Test
  void shouldFinishTheGroupInHandWhenStoppedAndAnswerEveryMailOnceAcrossTheRestart() throws Exception {
    Dovecot.assumeInstalled();
    int smtpPort = freePort();
    GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try (Dovecot dovecot = Dovecot.start(List.of(SERVICE))) {
      List<MimeMessage> mails = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String id = "term." + i + "." + System.nanoTime() + "@client.test";
        ids.add(id);
        mails.add(Dovecot.mail(id, DemoData.ALICE, SERVICE, "backlog " + i, "帮助\n"));
      }
      dovecot.append(SERVICE, mails);
      Map<String, String> env = new HashMap<>();
      env.put("MARKETDESK_EMBEDDED_MAIL", "false");
      env.put("MARKETDESK_IMAP_URL", dovecot.imapUrl(SERVICE));
      env.put("MARKETDESK_SMTP_URL", "smtp://127.0.0.1:" + smtpPort);
      String db = TestApp.freshDatabaseUrl(dir.resolve("term"));
      cleanups.add(() -> TestApp.dropFreshDatabase(db));
      env.put("MARKETDESK_DB_URL", db);
      env.put("MARKETDESK_DEMO_DATA", "true");
      env.put("MARKETDESK_WEB_PORT", "0");
      env.put("MARKETDESK_SECURITY_REPLIES_PER_HOUR", "100000");
      Files.createDirectories(dir.resolve("term"));

      Process first = start(List.of(), env, dir.resolve("term-1.log"));
      Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> replies(smtp, ids) > 0 || !first.isAlive());
      first.destroy(); // SIGTERM while it drains the backlog
      assertThat(first.waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s of SIGTERM").isTrue();
      int answeredBeforeRestart = replies(smtp, ids);

      Process second = start(List.of(), env, dir.resolve("term-2.log"));
      try {
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> replies(smtp, ids) >= ids.size());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> dovecot.count(SERVICE, "INBOX") == 0);
      } finally {
        second.destroy();
        second.waitFor(20, TimeUnit.SECONDS);
      }
      assertThat(answeredBeforeRestart).as("the stop came while mails were waiting").isLessThan(ids.size());
      // a graceful stop sends nothing twice: no reply went out twice, none is missing. (The stop often
      // comes while the app is still starting: the shutdown hook is registered before the start and
      // waits for it; registered after, such a SIGTERM ended the JVM at once, and a mail sent but not
      // yet marked sent went out again after its lease.)
      assertThat(replies(smtp, ids)).as("replies; twice: %s", twice(smtp)).isEqualTo(ids.size());
      assertThat(dovecot.messageIds(SERVICE, "marketdesk-processed")).hasSize(ids.size());
    } finally {
      smtp.stop();
    }
  }

  /** Replies (every delivery, a resend counted again) to the given mails. */
  private static int replies(GreenMail smtp, List<String> ids) throws MessagingException {
    int n = 0;
    for (MimeMessage m : smtp.getReceivedMessages()) {
      String to = m.getHeader("In-Reply-To", null);
      if (to != null && ids.contains(to.replaceAll("^<|>$", ""))) {
        n++;
      }
    }
    return n;
  }

  /** The replies delivered more than once: In-Reply-To -> their Message-IDs. */
  private static Map<String, List<String>> twice(GreenMail smtp) throws MessagingException {
    Map<String, List<String>> by = new HashMap<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      String to = m.getHeader("In-Reply-To", null);
      if (to != null) {
        by.computeIfAbsent(to, k -> new ArrayList<>()).add(m.getMessageID());
      }
    }
    by.values().removeIf(l -> l.size() < 2);
    return by;
  }

  private record Result(int code, String out) {}

  private static Result run(List<String> args, Map<String, String> env) throws Exception {
    Path log = Files.createTempFile(dir, "cli", ".log");
    Process p = start(args, env, log);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  /** {@code java -jar target/marketdesk.jar ARGS} in a folder without config/ or templates/. */
  private static Process start(List<String> args, Map<String, String> env, Path log) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString()));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().putAll(env);
    return pb.start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
