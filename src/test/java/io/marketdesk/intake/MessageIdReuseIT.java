package io.marketdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A Message-ID is the sender's word, not a fingerprint: a different mail under a used Message-ID is a
 * new mail (kept and answered), while the same mail, fetched or delivered twice, is still one.
 */
@Timeout(120)
class MessageIdReuseIT {
  static final String SERVICE = "market@marketdesk.test";
  static TestApp t;

  @BeforeAll
  static void start() {
    t = TestApp.start();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static long count(String sql, Object... args) {
    return t.app.db().jdbi().withHandle(h -> {
      var q = h.createQuery(sql);
      for (int i = 0; i < args.length; i++) {
        q.bind(i, args[i]);
      }
      return q.mapTo(Long.class).one();
    });
  }

  static byte[] mail(String subject, String body) {
    return ("From: " + DemoData.BOB + "\r\nTo: " + SERVICE + "\r\nSubject: " + subject
        + "\r\nDate: Mon, 30 Nov 2026 10:00:00 +0800\r\nMessage-ID: <reused@client.test>\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + body + "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void shouldAnswerADifferentMailThatReusesAMessageIdAndStillDropTheSameMailTwice() {
    byte[] first = mail("products", "商品列表");
    t.mail.sendRaw(DemoData.BOB, SERVICE, first);
    Mail reply = t.mail.awaitReplyTo(DemoData.BOB, "reused@client.test");
    assertThat(reply.body()).contains("商品列表");

    // another mail under the same Message-ID: kept and answered
    t.mail.sendRaw(DemoData.BOB, SERVICE, mail("account", "账户信息"));
    Mail second = t.mail.await(DemoData.BOB, m -> "reused@client.test".equals(m.inReplyTo()) && m.body().contains("账户信息"));
    assertThat(second.body()).contains(DemoData.BOB_ACCOUNT);

    // the first mail again, as a crash before the mailbox move or a second delivery brings it (the
    // receiving server adds its own Received line): one mail, no second reply
    t.mail.sendRaw(DemoData.BOB, SERVICE, first);
    String after = t.mail.send(DemoData.BOB, SERVICE, "after", "帮助");
    t.mail.awaitReplyTo(DemoData.BOB, after);
    assertThat(t.app.processor().accept(first)).isEqualTo(MailProcessor.Result.ALREADY_DONE);
    assertThat(count("SELECT COUNT(*) FROM inbound_mail WHERE message_id = ?", "reused@client.test")).isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM outbox WHERE in_reply_to = ?", "reused@client.test")).isEqualTo(2);
  }

  @Test
  void shouldKnowAMailThatAnEarlierVersionStoredUnderItsMessageIdAlone() {
    byte[] raw = ("From: " + DemoData.BOB + "\r\nTo: " + SERVICE + "\r\nSubject: old\r\nMessage-ID: <legacy@client.test>\r\n\r\n"
        + "帮助\r\n").getBytes(StandardCharsets.UTF_8);
    t.app.db().jdbi().useHandle(h -> h.createUpdate("INSERT INTO inbound_mail (dedupe_key, message_id, raw, size, received_at,"
            + " status) VALUES ('mid:legacy@client.test', 'legacy@client.test', :raw, :size, 0, 'processed')")
        .bind("raw", raw).bind("size", raw.length).execute());
    assertThat(t.app.processor().accept(raw)).isEqualTo(MailProcessor.Result.ALREADY_DONE);
    assertThat(count("SELECT COUNT(*) FROM inbound_mail WHERE message_id = ?", "legacy@client.test")).isEqualTo(1);
  }
}
