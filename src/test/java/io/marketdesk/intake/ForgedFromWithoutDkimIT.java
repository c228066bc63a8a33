package io.marketdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reproduction, with no DKIM anywhere (security.authserv-id empty) and the policy of a
 * real deployment (confirm): a From forged over SMTP with the attacker's own envelope sender changes
 * nothing until the owner of the address answers the hold notice mailed to it.
 */
@Timeout(120)
class ForgedFromWithoutDkimIT {
  static final String SERVICE = "market@marketdesk.test";
  static TestApp t;

  @BeforeAll
  static void start() {
    t = TestApp.start(Map.of("security.unauthenticated", "confirm"));
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static String status(String sql, Object arg) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery(sql).bind(0, arg).mapTo(String.class).one());
  }

  static void forge(String from, String messageId, String body) {
    t.mail.sendRaw("attacker@evil.test", SERVICE, ("From: " + from + "\r\nTo: " + SERVICE + "\r\nSubject: x\r\nMessage-ID: <"
        + messageId + ">\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + body + "\r\n")
        .getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldHoldAForgedApprovalUntilTheOperatorConfirms() {
    long review = t.app.db().jdbi().withHandle(h -> h.createQuery(
        "SELECT MIN(id) FROM review WHERE status = 'open'").mapTo(Long.class).one());
    forge(DemoData.OPERATOR, "nodkim-review@evil.test", "审核 " + review + " 同意");
    Mail held = t.mail.awaitReplyTo(DemoData.OPERATOR, "nodkim-review@evil.test");
    assertThat(held.body()).contains("◎ 等您确认");
    assertThat(status("SELECT status FROM review WHERE id = ?", review)).isEqualTo("open");
    Mail done = t.mail.awaitReplyTo(DemoData.OPERATOR, t.mail.reply(DemoData.OPERATOR, held, "确定"));
    assertThat(done.body()).contains("✔ 完成");
    assertThat(status("SELECT status FROM review WHERE id = ?", review)).isEqualTo("approved");
  }

  @Test
  void shouldHoldAndConfirmInEnglishToo() {
    long review = t.app.db().jdbi().withHandle(h -> h.createQuery(
        "SELECT MAX(id) FROM review WHERE status = 'open'").mapTo(Long.class).one());
    forge(DemoData.OPERATOR, "nodkim-english@evil.test", "review " + review + " approve");
    Mail held = t.mail.awaitReplyTo(DemoData.OPERATOR, "nodkim-english@evil.test");
    assertThat(held.body()).contains("waiting for your confirmation").contains("on hold");
    assertThat(status("SELECT status FROM review WHERE id = ?", review)).isEqualTo("open");
    Mail done = t.mail.awaitReplyTo(DemoData.OPERATOR, t.mail.reply(DemoData.OPERATOR, held, "confirm"));
    assertThat(done.body()).contains("Confirmed. The commands on hold came to this").contains("OK, done");
    assertThat(status("SELECT status FROM review WHERE id = ?", review)).isEqualTo("approved");
  }

  @Test
  void shouldAskAliceBeforeAForgedDelistActs() {
    forge(DemoData.ALICE, "nodkim-delist@evil.test", "下架商品 P1001 确定");
    Mail ask = t.mail.awaitReplyTo(DemoData.ALICE, "nodkim-delist@evil.test");
    assertThat(ask.body()).contains("◎ 等您确认");
    assertThat(status("SELECT status FROM product WHERE id = ?", "P1001")).isEqualTo("listed");
  }
}
