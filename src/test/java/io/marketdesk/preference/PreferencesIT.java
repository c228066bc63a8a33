package io.marketdesk.preference;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.FakeClock;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Preferences over real SMTP/IMAP with a fake clock (docs/preferences.md): order mail daily (held,
 * one summary the next morning, once), off (dropped, except what must be answered), the language
 * setting changing a notice's language, the footer of every notice, and review mails that cannot
 * be turned off.
 */
class PreferencesIT {
  static final String TOKEN = "test-token";
  static final String SERVICE = "market@marketdesk.test";
  static final String ALICE = DemoData.ALICE;
  static final String BUYER = DemoData.BUYER;
  final HttpClient http = HttpClient.newHttpClient();

  void api(TestApp t, String path, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.baseUrl() + path)).header("Authorization", "Bearer " + TOKEN);
    b = json == null ? b.POST(HttpRequest.BodyPublishers.noBody())
        : b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    assertThat(http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isLessThan(300);
  }

  void paidOrder(TestApp t, String no) throws Exception {
    api(t, "/api/orders", "{\"orderNo\":\"" + no + "\",\"productId\":\"P1001\",\"buyerEmail\":\"" + BUYER
        + "\",\"price\":\"100\"}");
    api(t, "/api/orders/" + no + "/paid", null);
  }

  static Mail command(TestApp t, String from, String body) {
    return t.mail.awaitReplyTo(from, t.mail.send(from, SERVICE, "x", body));
  }

  static long count(TestApp t, String sql, String arg) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery(sql).bind("a", arg).mapTo(Long.class).one());
  }

  static long mailsTo(TestApp t, String address, String subjectPart) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM outbox WHERE to_addr = :a AND subject LIKE :s")
        .bind("a", address).bind("s", "%" + subjectPart + "%").mapTo(Long.class).one());
  }

  @Test
  void shouldHoldSummariseDropAndTranslateOrderNoticesAsEachPersonSet() throws Exception {
    // 08:00 in Asia/Shanghai: before the summary hour (reviews.digest-hour 9)
    FakeClock clock = new FakeClock(Instant.parse("2026-12-01T00:00:00Z"));
    try (TestApp t = TestApp.start(Map.of("api.token", TOKEN, "security.replies-per-hour", "1000"), clock)) {
      assertThat(command(t, BUYER, "设置").body()).contains("订单通知：即时").contains("跟随您最后一次来信的语言");
      assertThat(command(t, BUYER, "设置 订单通知 每日").body()).contains("订单通知已设为：每日");

      // paid: the buyer's notice is held; the provider's (it must act on it) goes, with its footer
      paidOrder(t, "2026120100001");
      Mail providerPaid = t.mail.await(ALICE, m -> m.subject().contains("2026120100001"));
      assertThat(providerPaid.body()).contains("您收到此邮件，因为您是账号 " + DemoData.ALICE_ACCOUNT + " 的成员，订单 2026120100001")
          .contains("这封邮件需要您答复或处理");
      command(t, ALICE, "开始实施 2026120100001 确定");
      assertThat(count(t, "SELECT COUNT(*) FROM held_notice WHERE address = :a AND summary_at IS NULL", BUYER)).isEqualTo(2);
      assertThat(mailsTo(t, BUYER, "2026120100001")).isZero();

      // awaiting confirmation asks the buyer to answer: sent at once, whatever the setting
      command(t, ALICE, "已完成 2026120100001 确定");
      Mail awaiting = t.mail.await(BUYER, m -> m.subject().contains("2026120100001"));
      assertThat(awaiting.body()).contains("您收到此邮件，因为您是订单 2026120100001 的买家。")
          .contains("这封邮件需要您答复或处理，所以总会发送");

      // 09:30: one summary of the two held notices, oldest first; a second instance on the same
      // database (as after a restart) ticking too, and a second tick, send none
      clock.set(Instant.parse("2026-12-01T01:30:00Z"));
      try (TestApp second = TestApp.another(t, Map.of("api.token", TOKEN), clock)) {
        second.app.scheduler().tickNow();
      }
      t.app.scheduler().tickNow();
      Mail summary = t.mail.await(BUYER, m -> m.subject().contains("订单通知汇总"));
      assertThat(summary.subject()).contains("2026-12-01").contains("2 封");
      assertThat(summary.body()).contains("【1】订单 2026120100001 已支付").contains("【2】")
          .contains("您收到此邮件，因为您把订单通知设为每日汇总。");
      assertThat(summary.body().indexOf("已支付")).isLessThan(summary.body().indexOf("【2】"));
      t.app.scheduler().tickNow();
      assertThat(mailsTo(t, BUYER, "订单通知汇总")).isEqualTo(1);
      assertThat(count(t, "SELECT COUNT(*) FROM held_notice WHERE address = :a AND summary_at IS NULL", BUYER)).isZero();

      // off, and English: a notice that need not be answered is not sent at all; the one that must
      // be answered comes in English although the buyer writes Chinese
      assertThat(command(t, BUYER, "设置 订单通知 关闭\n设置 语言 English").body()).contains("订单通知已设为：关闭")
          .contains("以后的通知邮件使用：English");
      assertThat(command(t, BUYER, "设置").body()).contains("订单通知：关闭").contains("通知语言：English");
      paidOrder(t, "2026120100002");
      command(t, ALICE, "开始实施 2026120100002 确定");
      command(t, ALICE, "已完成 2026120100002 确定");
      Mail english = t.mail.await(BUYER, m -> m.subject().contains("2026120100002"));
      assertThat(english.body()).contains("You got this mail because you are the buyer of order 2026120100002.")
          .contains("needs your answer or action");
      assertThat(mailsTo(t, BUYER, "2026120100002")).isEqualTo(1);
      assertThat(count(t, "SELECT COUNT(*) FROM held_notice WHERE address = :a AND summary_at IS NULL", BUYER)).isZero();

      // back to instant and automatic language: the next notice comes at once, in Chinese, with the off hint
      command(t, BUYER, "settings order-mail instant\nsettings language auto");
      command(t, BUYER, "查询订单 2026120100002");
      paidOrder(t, "2026120100003");
      Mail paid = t.mail.await(BUYER, m -> m.subject().contains("2026120100003"));
      assertThat(paid.body()).contains("不想再收到订单通知：回复 设置 订单通知 关闭");

      // 繁體 keywords
      assertThat(command(t, BUYER, "設定 訂單通知 每日\n設定 語言 繁體").body()).contains("訂單通知已設為：每日")
          .contains("之後的通知郵件使用：繁體中文");
      assertThat(command(t, BUYER, "設定").body()).contains("訂單通知：每日").contains("通知語言：繁體中文");

      // review mails cannot be turned off: the refusal points to 休假
      Mail refused = command(t, DemoData.OPERATOR, "设置 审核通知 关闭");
      assertThat(refused.body()).contains("审核邮件不能关闭").contains("休假 至 2026-12-10");
      assertThat(command(t, DemoData.OPERATOR, "設定").body()).contains("審核郵件：開啟");
    }
  }
}
