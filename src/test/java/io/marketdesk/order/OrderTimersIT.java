package io.marketdesk.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.FakeClock;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The order timers on a clock the test moves: the automatic reminder, auto-confirm, the start
 * deadline with its reminders, the idle-provider appeal, and a restart that mails nobody twice.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class OrderTimersIT {
  static final String ALICE = DemoData.ALICE;
  static final String BUYER = DemoData.BUYER;
  /** Monday 2026-03-02 09:00 in Shanghai: no public holiday in the next weeks. */
  static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

  @Test
  void shouldRemindConfirmCancelAndAppealOnTimeAndOnlyOnceAcrossARestart() throws java.io.IOException {
    FakeClock clock = new FakeClock(T0);
    Map<String, String> keys = new HashMap<>(Map.of("api.token", OrderTesting.TOKEN, "security.replies-per-hour", "1000"));
    // one database for both instances (a given db.url is kept when the first instance closes)
    keys.put("db.url", TestApp.freshDatabaseUrl(java.nio.file.Files.createTempDirectory("orders-restart")));
    TestApp t = TestApp.start(keys, clock);
    OrderTesting o = new OrderTesting(t);
    String notStarted;
    String awaiting;
    try {
      notStarted = o.paidOrder();
      String idle = o.paidOrder();
      awaiting = o.paidOrder();
      o.command(ALICE, "开始实施 " + awaiting + " 确定");
      o.command(ALICE, "已完成 " + awaiting + " 确定");
      o.awaitNotices(BUYER, awaiting, 3);
      t.app.scheduler().tickNow();
      assertThat(o.outboxCount(BUYER, awaiting)).isEqualTo(3);

      // 3 working days after 已完成 (Mon -> due end of Thu): the automatic reminder, once
      clock.set(Instant.parse("2026-03-05T15:00:00Z"));
      t.app.scheduler().tickNow();
      assertThat(o.outboxCount(BUYER, awaiting)).isEqualTo(3);
      clock.set(Instant.parse("2026-03-05T17:00:00Z"));
      t.app.scheduler().tickNow();
      t.app.scheduler().tickNow();
      Mail reminder = o.awaitNotices(BUYER, awaiting, 4).get(3);
      assertThat(reminder.subject()).contains("提醒");
      assertThat(reminder.body()).contains("3 个工作日").contains("确认完成 " + awaiting).contains("2026-03-09");

      // the provider has not acted for 5 days: the buyer may appeal; upheld -> cancelled with a refund
      assertThat(o.command(BUYER, "申诉 " + idle + " 服务商一直没有联系我").body()).contains("✘").contains("5 天");
      clock.set(T0.plus(Duration.ofDays(5)).plusSeconds(3600));
      assertThat(o.command(BUYER, "申诉 " + idle + " 服务商一直没有联系我").body()).contains("⧗ 已提交审核").contains("申诉中");
      assertThat(o.decideAppeal(idle, true, "服务商未履约").done()).isTrue();
      assertThat(o.order(idle).status()).isEqualTo(OrderStatus.CANCELLED);
      assertThat(o.order(idle).refundFlag()).isTrue();

      // 7 days after 已完成: auto-confirmed, both sides told, once
      clock.set(T0.plus(Duration.ofDays(7)).plusSeconds(3600));
      t.app.scheduler().tickNow();
      t.app.scheduler().tickNow();
      assertThat(o.order(awaiting).status()).isEqualTo(OrderStatus.COMPLETED);
      Mail completed = o.awaitNotices(BUYER, awaiting, 5).get(4);
      assertThat(completed.body()).contains("7 天").contains("自动确认").contains("分配完成");
      assertThat(o.awaitNotices(ALICE, awaiting, 2).get(1).subject()).contains("自动");

      // not started: reminders to the provider on days 12 and 14, cancelled with a refund on day 15
      clock.set(T0.plus(Duration.ofDays(12)).plusSeconds(3600));
      t.app.scheduler().tickNow();
      t.app.scheduler().tickNow();
      Mail first = o.awaitNotices(ALICE, notStarted, 2).get(1);
      assertThat(first.body()).contains("15 天").contains("2026-03-17").contains("开始实施 " + notStarted);
      clock.set(T0.plus(Duration.ofDays(14)).plusSeconds(3600));
      t.app.scheduler().tickNow();
      o.awaitNotices(ALICE, notStarted, 3);
      clock.set(T0.plus(Duration.ofDays(15)).plusSeconds(3600));
      t.app.scheduler().tickNow();
      assertThat(o.order(notStarted).status()).isEqualTo(OrderStatus.CANCELLED);
      assertThat(o.order(notStarted).refundFlag()).isTrue();
      assertThat(o.awaitNotices(BUYER, notStarted, 2).get(1).body()).contains("15 天").contains("退款");
      assertThat(o.awaitNotices(ALICE, notStarted, 4).get(3).body()).contains("15 天").contains("退款");
      assertThat(o.outboxCount(ALICE, idle)).isEqualTo(3);
    } finally {
      t.close();
    }

    // a second instance on the same database, later: every timer already ran; nobody is mailed again
    clock.advance(Duration.ofDays(1));
    TestApp again = TestApp.start(keys, clock);
    try {
      OrderTesting o2 = new OrderTesting(again);
      long buyerBefore = o2.outboxCount(BUYER, awaiting) + o2.outboxCount(BUYER, notStarted);
      long aliceBefore = o2.outboxCount(ALICE, awaiting) + o2.outboxCount(ALICE, notStarted);
      again.app.scheduler().tickNow();
      again.app.scheduler().tickNow();
      assertThat(o2.outboxCount(BUYER, awaiting) + o2.outboxCount(BUYER, notStarted)).isEqualTo(buyerBefore).isEqualTo(7);
      assertThat(o2.outboxCount(ALICE, awaiting) + o2.outboxCount(ALICE, notStarted)).isEqualTo(aliceBefore).isEqualTo(6);
    } finally {
      again.close();
      TestApp.dropFreshDatabase(keys.get("db.url"));
    }
  }

  @Test
  void shouldNeverAutoConfirmWhenTheSettingIsZero() {
    FakeClock clock = new FakeClock(T0);
    try (TestApp t = TestApp.start(Map.of("api.token", OrderTesting.TOKEN, "orders.auto-confirm-after", "0"), clock)) {
      OrderTesting o = new OrderTesting(t);
      String no = o.paidOrder();
      o.command(ALICE, "start " + no + " confirm");
      Mail done = o.command(ALICE, "done " + no + " confirm");
      assertThat(done.body()).contains("no auto-confirmation");
      clock.advance(Duration.ofDays(60));
      t.app.scheduler().tickNow();
      assertThat(o.order(no).status()).isEqualTo(OrderStatus.AWAITING_CONFIRMATION);
    }
  }
}
