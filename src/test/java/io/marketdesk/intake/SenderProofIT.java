package io.marketdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Sender proof over real SMTP and IMAP, with the app set up as a real deployment is
 * (security.unauthenticated=confirm, our server's authserv-id set): a forged From changes nothing
 * until the real owner of the address answers the confirmation mailed to it; a mail our server
 * vouches for, or a reply carrying a token mailed to that address, acts at once; Authentication-Results
 * that an attacker writes count for nothing; forged unregistered senders and auto-replies get no mail.
 */
@Timeout(180)
class SenderProofIT {
  static final String SERVICE = "market@marketdesk.test";
  static final String MX = "mx.marketdesk.test";
  static TestApp t;

  @BeforeAll
  static void start() {
    t = TestApp.start(Map.of("security.unauthenticated", "confirm", "security.authserv-id", MX));
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

  static String text(String sql, Object... args) {
    return t.app.db().jdbi().withHandle(h -> {
      var q = h.createQuery(sql);
      for (int i = 0; i < args.length; i++) {
        q.bind(i, args[i]);
      }
      return q.mapTo(String.class).one();
    });
  }

  /** An open review of the demo data, reopened for this test's use. */
  static long openReview(String kind) {
    return count("SELECT MIN(id) FROM review WHERE status = 'open' AND kind = ?", kind);
  }

  /** Sends a mail as an attacker does: any From, the attacker's own envelope sender. */
  static String forge(String from, String messageId, String body, String... extraHeaders) {
    StringBuilder raw = new StringBuilder("From: " + from + "\r\nTo: " + SERVICE + "\r\nSubject: x\r\nMessage-ID: <"
        + messageId + ">\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n");
    for (String h : extraHeaders) {
      raw.append(h).append("\r\n");
    }
    raw.append("\r\n").append(body).append("\r\n");
    t.mail.sendRaw("attacker@evil.test", SERVICE, raw.toString().getBytes(StandardCharsets.UTF_8));
    return messageId;
  }

  @Test
  void shouldHoldAForgedReviewAnswerUntilTheRealOperatorConfirms() {
    long review = openReview("product");
    String id = forge(DemoData.OPERATOR, "forged-review@evil.test", "审核 " + review + " 同意");
    Mail held = t.mail.awaitReplyTo(DemoData.OPERATOR, id);
    assertThat(held.body()).contains("◎ 等您确认").contains("确定");
    assertThat(held.token()).isNotNull();
    assertThat(text("SELECT status FROM review WHERE id = ?", review)).isEqualTo("open");
    // the forger never sees the token: the confirmation went to the From address only
    assertThat(count("SELECT COUNT(*) FROM outbox WHERE to_addr = ?", "attacker@evil.test")).isZero();

    String yes = t.mail.reply(DemoData.OPERATOR, held, "确定");
    Mail done = t.mail.awaitReplyTo(DemoData.OPERATOR, yes);
    assertThat(done.body()).contains("✔ 完成");
    assertThat(text("SELECT status FROM review WHERE id = ?", review)).isEqualTo("approved");
  }

  @Test
  void shouldAskTheRealProviderBeforeAForgedDelistWithConfirmActs() {
    String id = forge(DemoData.ALICE, "forged-delist@evil.test", "下架商品 P1001 确定");
    Mail ask = t.mail.awaitReplyTo(DemoData.ALICE, id);
    assertThat(ask.body()).contains("◎ 等您确认");
    assertThat(text("SELECT status FROM product WHERE id = 'P1001'")).isEqualTo("listed");

    String yes = t.mail.reply(DemoData.ALICE, ask, "确定");
    Mail done = t.mail.awaitReplyTo(DemoData.ALICE, yes);
    assertThat(done.body()).contains("✔ 完成");
    assertThat(text("SELECT status FROM product WHERE id = 'P1001'")).isEqualTo("delisted");
  }

  @Test
  void shouldActAtOnceWhenOurServerVouchesForTheSender() {
    String id = t.mail.send(DemoData.BOB, SERVICE, "x", "下架商品 P1006 确定",
        Map.of("Authentication-Results", MX + "; dkim=pass header.d=provider-b.test header.s=s1"), null);
    Mail reply = t.mail.awaitReplyTo(DemoData.BOB, id);
    assertThat(reply.body()).contains("✔ 完成").doesNotContain("待确认");
    assertThat(text("SELECT status FROM product WHERE id = 'P1006'")).isEqualTo("delisted");
  }

  @Test
  void shouldTakeAReplyToAReviewMailAsProofEnough() {
    String submit = t.mail.send(DemoData.BOB, SERVICE, "x", "修改账户信息\n客服电话: 400-222-3333\n",
        Map.of("Authentication-Results", MX + "; spf=pass smtp.mailfrom=bob@provider-b.test"), null);
    assertThat(t.mail.awaitReplyTo(DemoData.BOB, submit).body()).contains("⧗ 已提交审核");
    long review = count("SELECT MAX(id) FROM review WHERE kind = 'account'");
    Mail reviewMail = t.mail.await(DemoData.OPERATOR, m -> m.subject().contains("#" + review + "】"));
    String answer = t.mail.reply(DemoData.OPERATOR, reviewMail, "同意");
    assertThat(t.mail.awaitReplyTo(DemoData.OPERATOR, answer).body()).contains("✔ 完成");
    assertThat(text("SELECT status FROM review WHERE id = ?", review)).isEqualTo("approved");
  }

  @Test
  void shouldTakeAReplyToAnyMailWeSentToThatAddressAsProof() {
    Mail list = t.mail.awaitReplyTo(DemoData.ALICE, t.mail.send(DemoData.ALICE, SERVICE, "x", "商品列表"));
    assertThat(list.token()).isNull();
    long before = count("SELECT COUNT(*) FROM review WHERE kind = 'account'");
    String update = t.mail.send(DemoData.ALICE, list.from(), "Re: " + list.subject(), "修改账户信息\n客服电话: 400-555-6666\n",
        Map.of(), list);
    assertThat(t.mail.awaitReplyTo(DemoData.ALICE, update).body()).contains("⧗ 已提交审核").doesNotContain("待确认");
    assertThat(count("SELECT COUNT(*) FROM review WHERE kind = 'account'")).isEqualTo(before + 1);
    // the same words, threaded to a mail of ours that went to someone else, prove nothing
    String forged = forge(DemoData.ALICE, "thread-forged@evil.test", "修改账户信息\n客服电话: 400-777-8888",
        "In-Reply-To: <" + t.mail.awaitReplyTo(DemoData.BOB, t.mail.send(DemoData.BOB, SERVICE, "x", "帮助")).messageId() + ">");
    assertThat(t.mail.awaitReplyTo(DemoData.ALICE, forged).body()).contains("◎ 等您确认");
  }

  @Test
  void shouldAnswerReadOnlyCommandsOfAnUnprovenSenderAtOnce() {
    String id = t.mail.send(DemoData.ALICE, SERVICE, "x", "商品列表");
    Mail reply = t.mail.awaitReplyTo(DemoData.ALICE, id);
    assertThat(reply.body()).contains("✔ 完成").doesNotContain("待确认");
  }

  @Test
  void shouldNotBeFooledByAuthenticationResultsAnAttackerWrites() {
    long review = openReview("product");
    String[] exploits = {
      // a quoted-looking pass inside a property value
      "Authentication-Results: " + MX + "; spf=fail smtp.mailfrom=dkim=pass@evil.test; dkim=none",
      // a pass without a signing domain
      "Authentication-Results: " + MX + "; dkim=pass",
      // SPF for the HELO name, not for the sender
      "Authentication-Results: " + MX + "; spf=pass smtp.helo=marketdesk.test",
      // a bare public suffix as the signing domain
      "Authentication-Results: " + MX + "; dkim=pass header.d=test",
    };
    int n = 0;
    for (String ar : exploits) {
      String id = forge(DemoData.OPERATOR, "exploit-" + n++ + "@evil.test", "审核 " + review + " 同意", ar);
      assertThat(t.mail.awaitReplyTo(DemoData.OPERATOR, id).body()).as(ar).contains("◎ 等您确认");
    }
    // our id below another server's header: written upstream, by anyone
    String below = forge(DemoData.OPERATOR, "exploit-below@evil.test", "审核 " + review + " 同意",
        "Authentication-Results: other.example; none",
        "Authentication-Results: " + MX + "; dkim=pass header.d=marketdesk.test");
    assertThat(t.mail.awaitReplyTo(DemoData.OPERATOR, below).body()).contains("◎ 等您确认");
    assertThat(text("SELECT status FROM review WHERE id = ?", review)).isEqualTo("open");
  }

  @Test
  void shouldNotReplyToForgedUnregisteredSendersNorToAutoReplies() {
    for (int i = 0; i < 5; i++) {
      forge("victim" + i + "@elsewhere.test", "backscatter-" + i + "@evil.test", "帮助");
    }
    String auto = t.mail.send(DemoData.ALICE, SERVICE, "自动回复：休假中", "帮助", Map.of("Precedence", "auto_reply"), null);
    // an unregistered sender our server vouches for is told once
    String real = "someone@elsewhere.test";
    t.app.embedded().addUser(real, "demo");
    String told = t.mail.send(real, SERVICE, "hi", "帮助",
        Map.of("Authentication-Results", MX + "; dkim=pass header.d=elsewhere.test"), null);
    assertThat(t.mail.awaitReplyTo(real, told).subject()).contains("尚未在云市场登记");
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
        count("SELECT COUNT(*) FROM inbound_mail WHERE status = 'ignored' AND message_id IN (?, ?, ?, ?, ?, ?)",
            "backscatter-0@evil.test", "backscatter-1@evil.test", "backscatter-2@evil.test", "backscatter-3@evil.test",
            "backscatter-4@evil.test", auto) == 6);
    assertThat(count("SELECT COUNT(*) FROM outbox WHERE to_addr LIKE 'victim%'")).isZero();
    assertThat(count("SELECT COUNT(*) FROM outbox WHERE in_reply_to = ?", auto)).isZero();
  }
}
