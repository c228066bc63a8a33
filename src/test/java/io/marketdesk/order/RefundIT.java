package io.marketdesk.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.FakeClock;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import java.nio.file.Files;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every refund path over real SMTP and IMAP (docs/after-the-sale.md): accepted in a reply, partial,
 * declined and approved by an operator, unanswered past the deadline (across a restart) and rejected
 * by an operator. Each step mails both sides in their own words.
 */
class RefundIT {
  static final String ALICE = DemoData.ALICE;
  static final String BUYER = DemoData.BUYER;
  static final String OPS = DemoData.OPERATOR;
  /** Monday 2026-03-02 09:00 in Shanghai: no public holiday in the next weeks. */
  static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
  static FakeClock clock;
  static TestApp t;
  static OrderTesting o;

  @BeforeAll
  static void start() {
    clock = new FakeClock(T0);
    t = TestApp.start(Map.of("api.token", OrderTesting.TOKEN, "security.replies-per-hour", "1000"), clock);
    o = new OrderTesting(t);
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static Mail notice(String to, String orderNo, String subjectPart) {
    return t.mail.await(to, m -> m.inReplyTo() == null && m.subject().contains(orderNo) && m.subject().contains(subjectPart));
  }

  static long rid(String orderNo) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery(
        "SELECT id FROM review WHERE kind = 'refund' AND subject = :s AND status = 'open'").bind("s", orderNo).mapTo(Long.class).one());
  }

  static long refundReviews(TestApp app, String orderNo) {
    return app.app.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM review WHERE kind = 'refund' AND subject = :s")
        .bind("s", orderNo).mapTo(Long.class).one());
  }

  @Test
  void shouldRefundTheWholePriceWhenTheProviderAcceptsInAReply() {
    String no = o.paidOrder();
    Mail asked = o.command(BUYER, "申请退款 " + no + " 服务商无法按约定交付");
    assertThat(asked.body()).contains("✔").contains("¥1,000.00").contains("退款中").contains("3 个工作日").contains("2026-03-05");
    assertThat(o.order(no).status()).isEqualTo(OrderStatus.REFUNDING);

    Mail toAlice = notice(ALICE, no, "申请退款");
    assertThat(toAlice.body()).contains("服务商无法按约定交付").contains("同意退款").contains("拒绝退款").contains("2026-03-05")
        .contains("已支付");
    // the reply names no order: the subject of the refund mail does
    String replyId = t.mail.reply(ALICE, toAlice, "同意退款");
    assertThat(t.mail.awaitReplyTo(ALICE, replyId).body()).contains("已同意订单 " + no + " 的退款 ¥1,000.00").contains("已退款");
    assertThat(o.order(no).status()).isEqualTo(OrderStatus.REFUNDED);
    assertThat(o.order(no).refundedAmount()).isEqualTo(100000);

    Mail toBuyer = notice(BUYER, no, "已退款");
    assertThat(toBuyer.body()).contains("服务商同意").contains("¥1,000.00").contains("已退款").doesNotContain("已支付");
    assertThat(o.api("GET", "/api/orders/" + no, null).body()).contains("\"status\":\"refunded\"")
        .contains("\"refundedAmount\":\"1000.00\"");
    // nothing left to refund
    assertThat(o.command(BUYER, "申请退款 " + no + " 再退一次").body()).contains("✘");
  }

  @Test
  void shouldRefundPartOfThePriceAndGoOnWhereTheOrderWas() {
    String no = o.paidOrder();
    o.command(ALICE, "start " + no + " confirm");
    assertThat(o.api("GET", "/api/orders/" + no, null).body()).contains("\"refundedAmount\":\"0.00\"");
    Mail asked = o.command(BUYER, "refund " + no + " 300 only half of the migration was done");
    assertThat(asked.body()).contains("¥300.00").contains("3 working days");
    Mail toAlice = notice(ALICE, no, "refund");
    assertThat(toAlice.body()).contains("only half of the migration was done").contains("implementing");

    assertThat(o.command(ALICE, "accept refund " + no).body()).contains("¥300.00").contains("implementing");
    assertThat(o.order(no).status()).isEqualTo(OrderStatus.IMPLEMENTING);
    assertThat(o.order(no).refundedAmount()).isEqualTo(30000);
    Mail toBuyer = notice(BUYER, no, "¥300.00 refunded");
    assertThat(toBuyer.body()).contains("The provider accepted").contains("¥300.00 of ¥1,000.00").contains("in progress")
        .contains("The order goes on").doesNotContain("implementing");
    assertThat(o.api("GET", "/api/orders/" + no, null).body()).contains("\"status\":\"implementing\"")
        .contains("\"refundedAmount\":\"300.00\"");

    assertThat(o.command(BUYER, "status " + no).body()).contains("Refunded: ¥300.00");
    // at most what was paid and not yet refunded
    assertThat(o.command(BUYER, "refund " + no + " 800 more").body()).contains("X refused").contains("¥700.00");
    assertThat(o.order(no).status()).isEqualTo(OrderStatus.IMPLEMENTING);
  }

  @Test
  void shouldSendADeclinedRefundToOperatorsWhoApproveIt() {
    String no = o.paidOrder();
    o.command(BUYER, "申请退款 " + no + " 500 服务商一直没有联系我");
    notice(ALICE, no, "申请退款");
    Mail declined = o.command(ALICE, "拒绝退款 " + no + " 我们已按需求单交付");
    assertThat(declined.body()).contains("交运营人员裁决").contains("审核 #");
    long rid = rid(no);
    Mail toBuyer = notice(BUYER, no, "运营人员裁决");
    assertThat(toBuyer.body()).contains("服务商拒绝").contains("我们已按需求单交付").contains("#" + rid);
    Mail toOps = t.mail.await(OPS, m -> m.body().contains(no) && m.body().contains("我们已按需求单交付"));
    assertThat(toOps.body()).contains("¥500.00");

    String decide = t.mail.send(OPS, OrderTesting.SERVICE, "x", "审核 " + rid + " 同意 核实服务商未联系买家\n");
    assertThat(t.mail.awaitReplyTo(OPS, decide).body()).contains("已退款 ¥500.00");
    assertThat(o.order(no).status()).isEqualTo(OrderStatus.PAID);
    assertThat(o.order(no).refundedAmount()).isEqualTo(50000);
    assertThat(notice(BUYER, no, "已退款 ¥500.00").body()).contains("运营人员同意").contains("核实服务商未联系买家").contains("处理中");
    assertThat(notice(ALICE, no, "已裁决").body()).contains("退款给买家").contains("已支付").contains("请继续处理");
  }

  @Test
  void shouldSendAnUnansweredRefundToOperatorsOnceAcrossARestartWhoRejectIt() throws Exception {
    FakeClock c = new FakeClock(T0);
    Map<String, String> keys = new HashMap<>(Map.of("api.token", OrderTesting.TOKEN, "security.replies-per-hour", "1000"));
    keys.put("db.url", TestApp.freshDatabaseUrl(Files.createTempDirectory("refund-restart")));
    String no;
    try (TestApp first = TestApp.start(keys, c)) {
      OrderTesting o1 = new OrderTesting(first);
      no = o1.paidOrder();
      o1.command(BUYER, "申请退款 " + no + " 没有开始实施");
      // due at the end of Thursday (3 working days from Monday): not before
      c.set(Instant.parse("2026-03-05T15:00:00Z"));
      first.app.scheduler().tickNow();
      assertThat(o1.order(no).status()).isEqualTo(OrderStatus.REFUNDING);
      assertThat(refundReviews(first, no)).isZero();
    }
    // stopped over the deadline; a new instance on the same database sends it to operators, once
    c.set(Instant.parse("2026-03-06T02:00:00Z"));
    try (AutoCloseable drop = () -> TestApp.dropFreshDatabase(keys.get("db.url")); TestApp again = TestApp.start(keys, c)) {
      again.app.scheduler().tickNow();
      again.app.scheduler().tickNow();
      long reviews = again.app.db().jdbi().withHandle(h -> h.createQuery(
          "SELECT COUNT(*) FROM review WHERE kind = 'refund' AND subject = :s").bind("s", no).mapTo(Long.class).one());
      assertThat(reviews).isEqualTo(1);
      long rid = again.app.db().jdbi().withHandle(h -> h.createQuery(
          "SELECT id FROM review WHERE kind = 'refund' AND subject = :s").bind("s", no).mapTo(Long.class).one());
      Mail toBuyer = again.mail.await(BUYER, m -> m.subject().contains(no) && m.subject().contains("运营人员裁决"));
      assertThat(toBuyer.body()).contains("服务商未在 3 个工作日内答复").contains("#" + rid);
      Mail toAlice = again.mail.await(ALICE, m -> m.subject().contains(no) && m.subject().contains("未答复"));
      assertThat(toAlice.body()).contains("#" + rid).contains(BUYER);
      // too late for the provider now
      assertThat(new OrderTesting(again).command(ALICE, "同意退款 " + no).body()).contains("✘").contains("#" + rid);

      String decide = again.mail.send(OPS, OrderTesting.SERVICE, "x", "审核 " + rid + " 拒绝 服务商已出示交付记录\n");
      assertThat(again.mail.awaitReplyTo(OPS, decide).body()).contains("已驳回");
      OrderTesting o2 = new OrderTesting(again);
      assertThat(o2.order(no).status()).isEqualTo(OrderStatus.PAID);
      assertThat(o2.order(no).refundedAmount()).isZero();
      assertThat(again.mail.await(BUYER, m -> m.subject().contains(no) && m.subject().contains("未同意")).body())
          .contains("本次不退款").contains("服务商已出示交付记录").contains("处理中");
      assertThat(again.mail.await(ALICE, m -> m.subject().contains(no) && m.subject().contains("不退款")).body())
          .contains("已支付");
      again.app.scheduler().tickNow();
      assertThat(refundReviews(again, no)).isEqualTo(1);
    }
  }
}
