package io.marketdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.TestApp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import io.marketdesk.testing.MailClient.Mail;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mails built to hurt a parser: huge lines, deep nesting, endless quotes, a giant subject, too many
 * header fields or recipients, lines that made a backtracking regex take seconds or overflow its
 * stack. Each one is answered (a mail over a reading limit with a short reply that says which
 * limit, quoting its subject) and kept, within seconds, and the mail after it is answered: no
 * hostile mail stops the intake, holds it up, or goes unanswered.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HostileMailIT {
  static final String SERVICE = "market@marketdesk.test";
  static TestApp t;

  @BeforeAll
  static void start() {
    // every hostile mail and the one after it are answered: more than the default 20 replies an hour
    t = TestApp.start(Map.of("security.replies-per-hour", "1000"));
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"long-line", "many-quote-lines", "deep-nesting", "giant-subject", "angle-brackets",
      "many-commands", "many-parts", "long-header-line", "huge-header", "many-header-fields", "many-recipients",
      "long-subject", "numbers-line", "ok-line", "parens-from"})
  void shouldAnswerAndKeepAHostileMailAndGoOnWithTheNext(String kind) {
    String id = "hostile-" + kind + "-" + System.nanoTime() + "@client.test";
    byte[] raw = hostile(kind, id).getBytes(StandardCharsets.UTF_8);
    long sent = System.nanoTime();
    if (kind.equals("deep-nesting") || kind.equals("many-header-fields") || kind.equals("huge-header")) {
      // GreenMail's SMTP server itself fails on these: put it into the mailbox as an MTA would
      deliver(raw);
    } else {
      t.mail.sendRaw(DemoData.ALICE, SERVICE, raw);
    }
    Mail reply = t.mail.awaitReplyTo(DemoData.ALICE, id);
    assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(15));
    String status = t.app.db().jdbi().withHandle(h -> h.createQuery(
        "SELECT status FROM inbound_mail WHERE message_id = :m").bind("m", id).mapTo(String.class).one());
    if (OVER_LIMIT.containsKey(kind)) {
      assertThat(status).isEqualTo("failed");
      assertThat(reply.body()).contains(OVER_LIMIT.get(kind)).containsAnyOf("邮件已保存", "has been kept")
          .doesNotContain("Exception");
      assertThat(reply.subject()).contains(SUBJECTS.get(kind));
    } else {
      assertThat(status).isEqualTo("processed");
    }
    String next = t.mail.send(DemoData.ALICE, SERVICE, "after " + kind, "帮助\n");
    t.mail.awaitReplyTo(DemoData.ALICE, next);
  }

  /** The words of each over-limit reply that say which limit (in the language of its subject). */
  static final Map<String, String> OVER_LIMIT = Map.ofEntries(
      Map.entry("deep-nesting", "nested too deeply"), Map.entry("many-parts", "too many parts"),
      Map.entry("long-header-line", "one of its lines is too long"), Map.entry("huge-header", "one of its lines is too long"),
      Map.entry("many-header-fields", "too many fields"), Map.entry("many-recipients", "too many recipients"),
      Map.entry("long-subject", "一行太长"), Map.entry("giant-subject", "一行太长"));
  static final Map<String, String> SUBJECTS = Map.of("giant-subject", "帮助帮助", "long-subject", "帮助 帮助",
      "deep-nesting", "nesting", "many-parts", "parts", "huge-header", "header", "long-header-line", "header",
      "many-header-fields", "fields", "many-recipients", "recipients");

  @Test
  void shouldShowAShortReasonAndNoExceptionTextWhenTheStatusPageListsAFailedMail() throws Exception {
    String id = "hostile-status-" + System.nanoTime() + "@client.test";
    t.mail.sendRaw(DemoData.ALICE, SERVICE, hostile("long-header-line", id).getBytes(StandardCharsets.UTF_8));
    t.mail.awaitReplyTo(DemoData.ALICE, id);
    java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(t.baseUrl() + "/?lang=zh"))
            .timeout(Duration.ofSeconds(20)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("一行太长").doesNotContain("LimitException").doesNotContain("unreadable mail");
  }

  private static void deliver(byte[] raw) {
    try {
      jakarta.mail.internet.MimeMessage m = new jakarta.mail.internet.MimeMessage(
          jakarta.mail.Session.getInstance(new java.util.Properties()), new java.io.ByteArrayInputStream(raw));
      t.app.embedded().greenMail().getUserManager().getUserByEmail(SERVICE).deliver(m);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hostile(String kind, String id) {
    String head = "From: " + DemoData.ALICE + "\r\nTo: " + SERVICE + "\r\nMessage-ID: <" + id + ">\r\nMIME-Version: 1.0\r\n";
    switch (kind) {
      case "long-line":
        return head + "Subject: long line\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n帮助 " + "x".repeat(3_000_000) + "\r\n";
      case "many-quote-lines":
        return head + "Subject: quotes\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n帮助\r\n"
            + "> quoted line\r\n".repeat(200_000) + "帮助\r\n";
      case "deep-nesting": {
        StringBuilder sb = new StringBuilder(head + "Subject: nesting\r\nContent-Type: multipart/mixed; boundary=b0\r\n\r\n");
        int depth = 300; // deeper, GreenMail itself overflows its stack storing the mail
        for (int i = 0; i < depth; i++) {
          sb.append("--b").append(i).append("\r\nContent-Type: multipart/mixed; boundary=b").append(i + 1).append("\r\n\r\n");
        }
        sb.append("--b").append(depth).append("\r\nContent-Type: text/plain\r\n\r\nhelp\r\n");
        for (int i = depth; i >= 0; i--) {
          sb.append("--b").append(i).append("--\r\n");
        }
        return sb.toString();
      }
      case "giant-subject":
        return head + "Subject: " + "=?UTF-8?B?5biu5Yqp?= ".repeat(20_000) + "\r\nContent-Type: text/plain\r\n\r\n";
      case "angle-brackets":
        return head + "Subject: brackets\r\nContent-Type: text/plain\r\n\r\n" + ">".repeat(2_000_000) + "\r\nhelp\r\n";
      case "many-commands":
        return head + "Subject: commands\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + "帮助\r\n".repeat(100_000);
      case "many-parts": {
        StringBuilder sb = new StringBuilder(head + "Subject: parts\r\nContent-Type: multipart/mixed; boundary=bb\r\n\r\n");
        for (int i = 0; i < 20_000; i++) {
          sb.append("--bb\r\nContent-Type: text/plain\r\n\r\nhelp\r\n");
        }
        return sb.append("--bb--\r\n").toString();
      }
      case "huge-header":
        return head + "Subject: header\r\nX-Junk: " + "y".repeat(220 * 1024) + "\r\nContent-Type: text/plain\r\n\r\nhelp\r\n";
      case "many-header-fields":
        return head + "Subject: fields\r\n" + "X-Field: v\r\n".repeat(2_000) + "Content-Type: text/plain\r\n\r\nhelp\r\n";
      case "many-recipients":
        return "From: " + DemoData.ALICE + "\r\nMessage-ID: <" + id + ">\r\nMIME-Version: 1.0\r\nSubject: recipients\r\nTo: "
            + SERVICE + ",\r\n " + "r@cloud.test,\r\n ".repeat(5_000) + "r@cloud.test\r\nContent-Type: text/plain\r\n\r\nhelp\r\n";
      case "long-subject":
        return head + "Subject: " + "帮助 ".repeat(34_000) + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n帮助\r\n";
      case "numbers-line": {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 9_000; i++) {
          sb.append(i % 1000).append(' ');
        }
        return head + "Subject: numbers\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
            + (sb + "\r\n").repeat(3) + "帮助\r\n";
      }
      case "ok-line":
        return head + "Subject: ok\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + "ok ".repeat(2_000) + "\r\n帮助\r\n";
      case "parens-from":
        // a From comment that never closes: two regexes over it took seconds (HeaderValues)
        return head.replace("From: " + DemoData.ALICE, "From: " + DemoData.ALICE + " " + "(".repeat(40_000))
            + "Subject: parens\r\nContent-Type: text/plain\r\n\r\nhelp\r\n";
      case "long-header-line":
        return head + "X-Junk: " + "y".repeat(2_000_000) + "\r\nSubject: header\r\nContent-Type: text/plain\r\n\r\nhelp\r\n";
      default:
        throw new IllegalArgumentException(kind);
    }
  }
}
