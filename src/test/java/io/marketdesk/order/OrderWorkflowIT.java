package io.marketdesk.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.command.Outcome;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console guide's ops-order workflow by mail and API, the refusals, rejections and appeals. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class OrderWorkflowIT {
  static final String ALICE = DemoData.ALICE;
  static final String BOB = DemoData.BOB;
  static final String BUYER = DemoData.BUYER;
  static TestApp t;
  static OrderTesting o;

  @BeforeAll
  static void start() {
    t = TestApp.start(Map.of("api.token", OrderTesting.TOKEN, "security.replies-per-hour", "1000"));
    o = new OrderTesting(t);
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @Test
  void shouldRunTheSeedWorkflowWithEveryMailAndBuyerLabel() {
    String no = OrderTesting.newOrderNo();
    OrderTesting.Answer created = o.createOrder(no, "P1001", "Buyer@Customer.test", "1000.00");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body()).contains("\"buyerEmail\":\"buyer@customer.test\"").contains("\"price\":\"1000.00\"")
        .contains("\"status\":\"unpaid\"").contains("\"buyerStatus\":\"待支付\"").contains("\"providerAccountId\":\"100012345678\"");

    assertThat(o.api("POST", "/api/orders/" + no + "/paid", null).body()).contains("\"status\":\"paid\"")
        .contains("\"buyerStatus\":\"处理中\"");
    Mail paid = o.awaitNotices(BUYER, no, 1).get(0);
    assertThat(paid.subject()).contains("已支付").contains("处理中");
    assertThat(paid.body()).contains("提交需求单 " + no).contains("15 天");
    Mail alicePaid = o.awaitNotices(ALICE, no, 1).get(0);
    assertThat(alicePaid.body()).contains("开始实施 " + no).contains("buyer@customer.test").contains("100012345678");

    String formId = o.sendWithAttachment(BUYER, "提交需求单 " + no + "\n请迁移 3 台服务器的数据库。\n周末进行。", "servers.txt",
        "web-1\nweb-2\ndb-1\n".getBytes(StandardCharsets.UTF_8));
    Mail formReply = t.mail.awaitReplyTo(BUYER, formId);
    assertThat(formReply.body()).contains("✔").contains("需求单已提交").contains("已保存 1 个");
    Mail form = o.awaitNotices(ALICE, no, 2).get(1);
    assertThat(form.body()).contains("请迁移 3 台服务器的数据库。").contains("servers.txt");
    assertThat(io.marketdesk.testing.MailClient.attachments(form)).containsOnlyKeys("servers.txt");
    assertThat(new String(io.marketdesk.testing.MailClient.attachments(form).get("servers.txt"), StandardCharsets.UTF_8).replace("\r\n", "\n"))
        .isEqualTo("web-1\nweb-2\ndb-1\n");
    Mail view = o.command(ALICE, "订单详情 " + no);
    assertThat(view.body()).contains("buyer@customer.test").contains("servers.txt").contains("请迁移 3 台服务器的数据库。");

    Mail ask = o.command(ALICE, "开始实施 " + no);
    assertThat(ask.body()).contains("确定").contains("已支付").contains("实施中");
    assertThat(ask.token()).isNotNull();
    assertThat(o.order(no).status()).isEqualTo(OrderStatus.PAID);
    String confirmId = t.mail.reply(ALICE, ask, "确定");
    assertThat(t.mail.awaitReplyTo(ALICE, confirmId).body()).contains("已开始实施");
    assertThat(o.order(no).status()).isEqualTo(OrderStatus.IMPLEMENTING);
    Mail implementing = o.awaitNotices(BUYER, no, 2).get(1);
    assertThat(implementing.subject()).contains("开始实施").contains("处理中");
    assertThat(o.api("GET", "/api/orders/" + no, null).body()).contains("\"buyerStatus\":\"处理中\"");

    assertThat(o.command(ALICE, "已完成 " + no + " 确定").body()).contains("待确认完成");
    Mail awaiting = o.awaitNotices(BUYER, no, 3).get(2);
    assertThat(awaiting.body()).contains("确认完成 " + no).contains("7 天").contains("3 个工作日").contains("处理中");

    assertThat(o.command(ALICE, "催促确认 " + no).body()).contains("已邮件提醒买家");
    Mail reminder = o.awaitNotices(BUYER, no, 4).get(3);
    assertThat(reminder.subject()).contains("提醒");
    assertThat(reminder.body()).contains("确认完成 " + no);
    Mail again = o.command(ALICE, "催促确认 " + no);
    assertThat(again.body()).contains("✘").contains("24 小时");

    Mail confirmed = o.command(BUYER, "确认完成 " + no);
    assertThat(confirmed.body()).contains("✔").contains("分配完成");
    Mail aliceDone = o.awaitNotices(ALICE, no, 3).get(2);
    assertThat(aliceDone.subject()).contains("确认完成");
    assertThat(o.api("GET", "/api/orders/" + no, null).body()).contains("\"status\":\"completed\"")
        .contains("\"buyerStatus\":\"分配完成\"");
    // nobody got a mail about their own action
    assertThat(o.notices(BUYER, no)).hasSize(4);
    assertThat(o.notices(ALICE, no)).hasSize(3);
    assertThat(t.app.db().jdbi().withHandle(h -> new OrderStore().requirements(h, no)).get(0).attachments())
        .singleElement().satisfies(a -> assertThat(a.stored()).isTrue());
  }

  @Test
  void shouldConfirmInEnglishThroughTheConfirmKeyword() {
    String no = o.paidOrder();
    o.command(ALICE, "start " + no + " confirm");
    o.command(ALICE, "done " + no + " confirm");
    Mail awaiting = o.awaitNotices(BUYER, no, 3).get(2);
    assertThat(awaiting.body()).contains("确认完成 " + no);
    assertThat(o.command(BUYER, "confirm " + no).body()).contains("Order " + no + " is confirmed");
    assertThat(o.order(no).status()).isEqualTo(OrderStatus.COMPLETED);
    assertThat(o.command(BUYER, "status " + no).body()).contains("Status: completed");
  }

  @Test
  void shouldRefuseWrongStateWrongOwnerAndLateRequirements() {
    String no = o.paidOrder();
    Mail wrongOwner = o.command(BOB, "订单详情 " + no);
    assertThat(wrongOwner.body()).contains("✘").contains("不是您的服务商账号").contains("订单列表");
    assertThat(o.command(BOB, "开始实施 " + no + " 确定").body()).contains("✘").contains("不是您的服务商账号");
    Mail wrongState = o.command(ALICE, "已完成 " + no + " 确定");
    assertThat(wrongState.body()).contains("✘").contains("已支付").contains("实施中");
    assertThat(o.command(ALICE, "催促确认 " + no).body()).contains("✘").contains("待确认完成");
    assertThat(o.command(BUYER, "确认完成 " + no).body()).contains("✘");
    assertThat(o.command(ALICE, "开始实施").body()).contains("缺少订单号").contains("开始实施 20261128000123");
    assertThat(o.command(ALICE, "开始实施 99999999").body()).contains("没有订单 99999999");

    String bobsOwn = OrderTesting.newOrderNo();
    assertThat(o.createOrder(bobsOwn, "P1001", BOB, "500").status()).isEqualTo(201);
    assertThat(o.command(BUYER, "查询订单 " + bobsOwn).body()).contains("✘").contains("不是用您的邮箱");
    assertThat(o.command(BOB, "查询订单 " + bobsOwn).body()).contains("待支付");

    o.command(ALICE, "开始实施 " + no + " 确定");
    o.command(ALICE, "已完成 " + no + " 确定");
    Mail late = o.command(BUYER, "提交需求单 " + no + "\n还要加一台服务器");
    assertThat(late.body()).contains("✘").contains("需求单只能");
    assertThat(o.order(no).status()).isEqualTo(OrderStatus.AWAITING_CONFIRMATION);
    assertThat(o.command(ALICE, "订单列表 待确认完成").body()).contains(no);
    assertThat(o.command(ALICE, "订单列表 whatever").body()).contains("✘").contains("订单列表 实施中");
  }

  @Test
  void shouldSendADeliveryBackAndDecideAppealsBothWays() {
    String a = toAwaiting();
    Mail rejected = o.command(BUYER, "验收不通过 " + a + " 报表打不开");
    assertThat(rejected.body()).contains("✔").contains("第 1 次");
    Mail toAlice = o.awaitNotices(ALICE, a, 2).get(1);
    assertThat(toAlice.body()).contains("报表打不开").contains("第 1 次");
    assertThat(o.order(a).status()).isEqualTo(OrderStatus.IMPLEMENTING);
    assertThat(o.command(BUYER, "申诉 " + a + " 服务太差").body()).contains("✘").contains("现在还不能申诉");
    assertThat(o.command(BUYER, "reject delivery " + a + " still broken").body()).contains("X refused");
    for (int i = 2; i <= 3; i++) {
      o.command(ALICE, "已完成 " + a + " 确定");
      assertThat(o.command(BUYER, "reject delivery " + a + " still broken").body()).contains("Rejections so far: " + i);
    }
    Mail appeal = o.command(BUYER, "申诉 " + a + " 三次都没有修好");
    assertThat(appeal.body()).contains("⧗ 已提交审核").contains("申诉中");
    assertThat(o.order(a).status()).isEqualTo(OrderStatus.DISPUTED);
    assertThat(o.awaitNotices(ALICE, a, 5).get(4).body()).contains("三次都没有修好").contains("冻结");
    t.mail.await(DemoData.OPERATOR, m -> m.subject().contains(a) && m.subject().contains("待审核"));
    assertThat(o.command(ALICE, "已完成 " + a + " 确定").body()).contains("✘").contains("申诉中");
    Outcome dismissed = o.decideAppeal(a, false, "服务商仍在处理");
    assertThat(dismissed.done()).isTrue();
    assertThat(o.order(a).status()).isEqualTo(OrderStatus.IMPLEMENTING);
    assertThat(o.awaitNotices(ALICE, a, 6).get(5).body()).contains("申诉不成立").contains("实施中");
    Mail result = t.mail.await(BUYER, m -> m.subject().contains(a) && m.subject().contains("申诉"));
    assertThat(result.body()).contains("处理中").contains("服务商仍在处理").doesNotContain("100012345678").doesNotContain("同意 =");

    String b = toAwaiting();
    for (int i = 1; i <= 3; i++) {
      o.command(BUYER, "验收不通过 " + b + " 不行");
      o.command(ALICE, "已完成 " + b + " 确定");
    }
    assertThat(o.command(BUYER, "appeal " + b + " three rejections").body()).contains("frozen");
    Outcome upheld = o.decideAppeal(b, true, "");
    assertThat(upheld.message()).contains("退款");
    Order cancelled = o.order(b);
    assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(cancelled.refundFlag()).isTrue();
    t.mail.await(ALICE, m -> m.inReplyTo() == null && m.subject().contains(b) && m.body().contains("退款"));
    assertThat(o.api("GET", "/api/orders/" + b, null).body()).contains("\"status\":\"cancelled\"").contains("\"refund\":true");
  }

  private String toAwaiting() {
    String no = o.paidOrder();
    o.command(ALICE, "开始实施 " + no + " 确定");
    o.command(ALICE, "已完成 " + no + " 确定");
    o.awaitNotices(BUYER, no, 3);
    return no;
  }

  static List<Mail> none() {
    return List.of();
  }
}
