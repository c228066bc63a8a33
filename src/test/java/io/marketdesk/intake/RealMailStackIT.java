package io.marketdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.marketdesk.feature.DemoData;
import io.marketdesk.config.MailTls;
import io.marketdesk.testing.Dovecot;
import io.marketdesk.testing.FakeClock;
import io.marketdesk.testing.MailClient;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.Postfix;
import io.marketdesk.testing.TestApp;
import io.marketdesk.testing.TestCertificates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * marketdesk on the mail stack of a real deployment, as docs/DEPLOY.md sets it up: Debian's Postfix
 * (MX on a loopback port, submission with STARTTLS and a SASL login through Dovecot, delivery by
 * Dovecot LMTP with {@code +} sub-addressing) and Debian's Dovecot ({@code ssl = required}), on a
 * certificate of a private CA that only {@code mail.trust-store} makes trusted. marketdesk reads
 * {@code imaps://} and sends to {@code smtp://…?starttls=true}, logged in; people send through
 * submission and read their replies over IMAPS. Runs on SQLite and, with the pom's postgres
 * profile, on PostgreSQL. Needs root (Postfix's daemons run as user postfix); a missing Postfix or
 * Dovecot skips it, or fails it with {@code CI=true}.
 */
class RealMailStackIT {
  private static final String SERVICE = "market@marketdesk.test";
  private static final String GHOST = "ghost@customer.test";
  private static final List<String> DOMAINS = List.of("marketdesk.test", "provider-a.test", "provider-b.test",
      "customer.test");

  private static Path dir;
  private static TestCertificates certs;
  private static Dovecot dovecot;
  private static Postfix postfix;
  private static MailClient people;
  /**
   * The apps' clock: every check of a mailbox moves it a second on, so that the outbox's retries
   * (after Postfix was down) come due as they would in real time.
   */
  private static final FakeClock clock = FakeClock.now();

  @BeforeAll
  static void startMailStack() throws Exception {
    Postfix.assumeInstalled();
    dir = Files.createTempDirectory("marketdesk-mailstack");
    certs = TestCertificates.make(dir.resolve("tls"));
    dovecot = Dovecot.startSecure(List.of(SERVICE, DemoData.OPERATOR, DemoData.ALICE, DemoData.BOB, DemoData.BUYER),
        certs);
    postfix = Postfix.start(DOMAINS, dovecot, certs);
    people = MailClient.secure(postfix.submissionPort(), dovecot.imapsPort(), postfix.smtpPort(),
        MailTls.of(certs.ca().toString(), ""));
  }

  @AfterAll
  static void stopMailStack() {
    if (postfix != null) {
      postfix.close();
    }
    if (dovecot != null) {
      dovecot.close();
    }
  }

  /** The keys of an app on this stack: IMAPS and submission as the service, the private CA trusted. */
  private static Map<String, String> keys(String processedFolder) {
    Map<String, String> keys = new HashMap<>();
    keys.put("embedded.mail", "false");
    keys.put("demo.data", "true");
    keys.put("imap.url", dovecot.imapUrl(SERVICE));
    keys.put("smtp.url", postfix.smtpUrl(SERVICE));
    keys.put("mail.trust-store", certs.ca().toString());
    keys.put("mail.processed-folder", processedFolder);
    keys.put("mail.poll-interval", "PT2S");
    keys.put("mail.reconnect-max", "PT2S");
    // this test is about the mail stack, not sender proof (docs/security.md; SenderProofIT): Postfix
    // writes no Authentication-Results here, so every state change would first ask to confirm
    keys.put("security.unauthenticated", "trust");
    return keys;
  }

  @Test
  void shouldAnswerEveryFlowThroughPostfixAndDovecotAndLoseNothingAcrossRestarts() {
    long logins = dovecot.clientLogins(SERVICE);
    try (TestApp t = TestApp.start(keys("done-stack"), clock)) {
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> t.app.intake().status().mode().equals("IDLE"));

      // help: a person's client sends through submission (STARTTLS, login) and reads the reply over IMAPS
      String help = people.send(DemoData.ALICE, SERVICE, "帮助", "帮助\n");
      Mail helpReply = awaitReplyTo(DemoData.ALICE, help);
      assertThat(helpReply.from()).isEqualTo(SERVICE);
      assertThat(helpReply.body()).contains("帮助");

      // a review, answered by a reply to its Reply-To address (market+TOKEN@, delivered by + sub-addressing)
      String no = "20261128000123";
      String ask = people.send(DemoData.ALICE, SERVICE, "改价",
          "云帆科技服务商（腾讯云账号 ID : " + DemoData.ALICE_ACCOUNT + "），申请将订单" + no + "价格修改为折扣价880.00\n");
      awaitReplyTo(DemoData.ALICE, ask);
      Mail review = await(DemoData.OPERATOR, m -> m.subject().contains(no) && m.replyTo() != null);
      assertThat(review.replyTo()).startsWith("market+").endsWith("@marketdesk.test");
      people.reply(DemoData.OPERATOR, review, "同意\n");
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> price(t, no) == 88000);

      // Dovecot restarts: mail taken by Postfix meanwhile is delivered after, and read
      dovecot.stop();
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !t.app.intake().status().connected());
      String duringDovecot = "during-dovecot." + System.nanoTime() + "@client.test";
      people.sendRaw(DemoData.BOB, SERVICE, raw(duringDovecot, DemoData.BOB, "帮助 while Dovecot restarts", "帮助"));
      dovecot.start();
      // (Postfix tries deferred mail again by itself after its backoff; seen once here: a mail deferred
      // while Dovecot was down was "skipped, still being delivered" and not tried again within 40 s)
      postfix.flush();
      awaitReplyTo(DemoData.BOB, duringDovecot);

      // Postfix stops: the reply waits in the outbox and goes out once it is back
      postfix.stop();
      String duringPostfix = "during-postfix." + System.nanoTime() + "@client.test";
      dovecot.append(SERVICE, List.of(Dovecot.mail(duringPostfix, DemoData.BOB, SERVICE, "帮助 while Postfix is down", "帮助\n")));
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count(t,
          "SELECT COUNT(*) FROM inbound_mail WHERE message_id = ? AND status = 'processed'", duringPostfix) == 1);
      postfix.start();
      awaitReplyTo(DemoData.BOB, duringPostfix);

      // a confirmation: delist asks to confirm; 确定 to the reply's Reply-To does it
      String delist = people.send(DemoData.ALICE, SERVICE, "下架", "下架商品 P1001\n");
      Mail confirm = awaitReplyTo(DemoData.ALICE, delist);
      assertThat(confirm.replyTo()).startsWith("market+").endsWith("@marketdesk.test");
      assertThat(status(t, "P1001")).isEqualTo("listed");
      String yes = people.reply(DemoData.ALICE, confirm, "确定\n");
      awaitReplyTo(DemoData.ALICE, yes);
      assertThat(status(t, "P1001")).isEqualTo("delisted");

      // a bounce: the answer to a registered address that has no mailbox (a member of alice's provider)
      // is refused by LMTP after Postfix took it, so Postfix sends a null-sender DSN to the envelope
      // sender, which is the service mailbox (as market@ or a market+…@ sub-address); it marks the
      // answer failed and is itself not answered
      t.app.db().jdbi().useHandle(h -> h.execute(
          "INSERT INTO provider_address (address, provider_id) SELECT ?, provider_id FROM provider_address WHERE address = ?",
          GHOST, DemoData.ALICE));
      String ghost = "ghost." + System.nanoTime() + "@client.test";
      people.sendRaw(GHOST, SERVICE, raw(ghost, GHOST, "帮助", "帮助"));
      Awaitility.await().atMost(Duration.ofSeconds(40)).until(() -> count(t,
          "SELECT COUNT(*) FROM outbox WHERE to_addr = ? AND status = 'failed'", GHOST) == 1);
      assertThat(postfix.log()).containsPattern("to=<" + GHOST + ">.*status=bounced");
      assertThat(postfix.log()).containsPattern("from=<>");
      assertThat(count(t, "SELECT COUNT(*) FROM outbox WHERE to_addr = ? AND status <> 'failed'", GHOST)).isZero();
      assertThat(count(t, "SELECT COUNT(*) FROM outbox WHERE LOWER(to_addr) LIKE 'mailer-daemon%'")).isZero();

      // nothing lost: every mail the service got was processed and left the inbox
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> dovecot.count(SERVICE, "INBOX") == 0);
      assertThat(count(t, "SELECT COUNT(*) FROM inbound_mail WHERE status NOT IN ('processed', 'ignored')")).isZero();
      assertThat(count(t, "SELECT COUNT(*) FROM outbox WHERE status NOT IN ('sent', 'failed', 'suppressed')")).isZero();
      assertThat(t.app.intake().reopened()).isZero();
    }
    // one IMAP session for the intake's life, and one more after Dovecot's restart cut it
    assertThat(dovecot.clientLogins(SERVICE) - logins).isEqualTo(2);
  }

  @Test
  void shouldRefuseAnUntrustedCertificateLoudlyAndNeverUseTheConnection() throws Exception {
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(logged);
    Map<String, String> keys = keys("done-untrusted");
    keys.remove("mail.trust-store");
    long loginsBefore = dovecot.logins(SERVICE);
    try (TestApp t = TestApp.start(keys)) {
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> t.app.intake().status().lastError().contains("TLS certificate"));
      assertThat(t.app.intake().status().connected()).isFalse();
      String imapLine = "TLS certificate of 127.0.0.1:" + dovecot.imapsPort() + " refused";
      String smtpLine = "TLS certificate of 127.0.0.1:" + postfix.submissionPort() + " refused";
      // the demo data's notices are due at once: the sender meets the certificate too
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> messages(logged).stream().anyMatch(m -> m.contains(smtpLine)));
      assertThat(messages(logged)).anySatisfy(m -> assertThat(m).contains(imapLine).contains("mail.trust-store"));

      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(t.baseUrl() + "/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(503);
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(t.baseUrl() + "/")).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(page.body()).contains("class=\"card warn\" id=\"intake\"").contains("TLS certificate of 127.0.0.1");
      assertThat(count(t, "SELECT COUNT(*) FROM outbox WHERE status = 'sent'")).isZero();
    } finally {
      root.detachAppender(logged);
    }
    // refused in the handshake: not one login reached Dovecot
    assertThat(dovecot.logins(SERVICE)).isEqualTo(loginsBefore);
  }

  @Test
  void shouldRefuseACertificateOfTheTrustedCaForAnotherHost() {
    Dovecot elsewhere = Dovecot.startSecure(List.of(SERVICE), certs);
    try {
      elsewhere.stop();
      elsewhere.serveCertificate(certs.elsewhereCert(), certs.elsewhereKey());
      elsewhere.start();
      Map<String, String> keys = keys("done-elsewhere");
      keys.put("imap.url", elsewhere.imapUrl(SERVICE));
      try (TestApp t = TestApp.start(keys)) {
        Awaitility.await().atMost(Duration.ofSeconds(20))
            .until(() -> t.app.intake().status().lastError().contains("TLS certificate"));
        // the CA is trusted: what is refused is the name (no SAN for 127.0.0.1)
        assertThat(t.app.intake().status().lastError()).contains("127.0.0.1").contains("subject alternative names");
        assertThat(t.app.intake().status().connected()).isFalse();
      }
      assertThat(elsewhere.logins(SERVICE)).isZero();
    } finally {
      elsewhere.close();
    }
  }

  private static List<String> messages(ListAppender<ILoggingEvent> logged) {
    synchronized (logged.list) {
      return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
  }

  private static String raw(String id, String from, String subject, String body) {
    return "From: " + from + "\r\nTo: " + SERVICE + "\r\nSubject: " + subject + "\r\nMessage-ID: <" + id + ">\r\n"
        + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + body + "\r\n";
  }

  private static Mail awaitReplyTo(String who, String messageId) {
    return await(who, m -> messageId.equals(m.inReplyTo()));
  }

  private static Mail await(String who, java.util.function.Predicate<Mail> p) {
    Mail[] found = new Mail[1];
    try {
      Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).until(() -> {
        clock.advance(Duration.ofSeconds(1));
        for (Mail m : people.inbox(who)) {
          if (p.test(m)) {
            found[0] = m;
          }
        }
        return found[0] != null;
      });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("no such mail for " + who + "; Postfix's log:\n" + postfix.log(), e);
    }
    return found[0];
  }

  private static long count(TestApp t, String sql, Object... args) {
    return t.app.db().jdbi().withHandle(h -> {
      var q = h.createQuery(sql);
      for (int i = 0; i < args.length; i++) {
        q.bind(i, args[i]);
      }
      return q.mapTo(Long.class).one();
    });
  }

  private static long price(TestApp t, String orderNo) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT price FROM orders WHERE order_no = ?")
        .bind(0, orderNo).mapTo(Long.class).one());
  }

  private static String status(TestApp t, String productId) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT status FROM product WHERE id = ?")
        .bind(0, productId).mapTo(String.class).one());
  }
}
