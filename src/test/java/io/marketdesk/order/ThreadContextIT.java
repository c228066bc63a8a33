package io.marketdesk.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The thread gives context: a command without its order number or product ID, in a reply to our
 * mail about one order or product, takes that one; a short acknowledgement to a mail asking for 确定
 * gets a two-line hint; a state-changing command below something that only looks like a quote asks
 * first. Real mails over SMTP and IMAP, replies threaded as clients thread them.
 */
class ThreadContextIT {
  static final String ALICE = DemoData.ALICE;
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
  void shouldConfirmTheOrderOfTheAnsweredMailWhenTheNumberIsMissing() {
    String no = awaitingOrder();
    Mail notice = o.awaitNotices(BUYER, no, 3).get(2);

    Mail reply = t.mail.awaitReplyTo(BUYER, t.mail.reply(BUYER, notice, "确认完成"));

    assertThat(reply.body()).contains("✔").contains(no);
    assertThat(o.order(no).status()).isEqualTo(OrderStatus.COMPLETED);
  }

  @Test
  void shouldRejectTheDeliveryOfTheAnsweredMailWithTheReasonAsWritten() {
    String no = awaitingOrder();
    Mail notice = o.awaitNotices(BUYER, no, 3).get(2);

    Mail reply = t.mail.awaitReplyTo(BUYER, t.mail.reply(BUYER, notice, "验收不通过 报表打不开\n第二页是空的"));

    assertThat(reply.body()).contains("✔").contains("第 1 次");
    assertThat(o.order(no).status()).isEqualTo(OrderStatus.IMPLEMENTING);
    assertThat(o.awaitNotices(ALICE, no, 2).get(1).body()).contains("报表打不开").contains("第二页是空的");
  }

  @Test
  void shouldTakeTheBuyersRejectReasonAsARejectedDeliveryInTheThread() {
    String no = awaitingOrder();
    Mail notice = o.awaitNotices(BUYER, no, 3).get(2);

    t.mail.awaitReplyTo(BUYER, t.mail.reply(BUYER, notice, "拒绝 没有按需求完成"));

    assertThat(o.order(no).status()).isEqualTo(OrderStatus.IMPLEMENTING);
  }

  @Test
  void shouldStartTheOrderOfThePaidNoticeAndHintWhenTheAnswerToTheQuestionIsOnlyOk() {
    String no = o.paidOrder();
    Mail paid = o.awaitNotices(ALICE, no, 1).get(0);

    Mail ask = t.mail.awaitReplyTo(ALICE, t.mail.reply(ALICE, paid, "开始实施"));
    assertThat(ask.body()).contains(no).contains("确定");
    assertThat(ask.token()).isNotNull();

    Mail hint = t.mail.awaitReplyTo(ALICE, t.mail.reply(ALICE, ask, "好的"));
    assertThat(hint.body()).contains("确定").contains("不会执行任何操作").doesNotContain("以下是您可以使用的命令");
    Mail ok = t.mail.awaitReplyTo(ALICE, t.mail.reply(ALICE, ask, "OK, thanks!\n\nOn Sat, Nov 28, 2026 at 10:00 AM"
        + " MarketDesk <market@marketdesk.test> wrote:\n> " + ask.body().replace("\n", "\n> ")));
    assertThat(ok.body()).contains("确定").contains("不会执行任何操作").doesNotContain("以下是您可以使用的命令");
    assertThat(o.order(no).status()).isEqualTo(OrderStatus.PAID);

    Mail started = t.mail.awaitReplyTo(ALICE, t.mail.reply(ALICE, ask, "确定"));
    assertThat(started.body()).contains("已开始实施");
    assertThat(o.order(no).status()).isEqualTo(OrderStatus.IMPLEMENTING);

    Mail askDone = t.mail.awaitReplyTo(ALICE, t.mail.reply(ALICE, started, "已完成"));
    assertThat(askDone.body()).contains(no).contains("待确认完成");
    t.mail.awaitReplyTo(ALICE, t.mail.reply(ALICE, askDone, "确定"));
    assertThat(o.order(no).status()).isEqualTo(OrderStatus.AWAITING_CONFIRMATION);
    Mail remind = t.mail.awaitReplyTo(ALICE, t.mail.reply(ALICE, started, "催促确认"));
    assertThat(remind.body()).contains("已邮件提醒买家").contains(no);
  }

  @Test
  void shouldAppealTheOrderOfTheAnsweredMail() {
    String no = awaitingOrder();
    for (int i = 1; i <= 3; i++) {
      Mail notice = o.awaitNotices(BUYER, no, 2 + i).get(1 + i);
      t.mail.awaitReplyTo(BUYER, t.mail.reply(BUYER, notice, "验收不通过 第 " + i + " 次还是打不开"));
      assertThat(o.order(no).status()).isEqualTo(OrderStatus.IMPLEMENTING);
      if (i < 3) {
        o.command(ALICE, "已完成 " + no + " 确定");
      }
    }
    Mail rejectedReply = t.mail.inbox(BUYER).stream().filter(m -> m.inReplyTo() != null && m.body().contains(no))
        .reduce((a, b) -> b).orElseThrow();

    Mail appeal = t.mail.awaitReplyTo(BUYER, t.mail.reply(BUYER, rejectedReply, "申诉 三次都没有修好"));

    assertThat(appeal.body()).contains("⧗ 已提交审核").contains("申诉中");
    assertThat(o.order(no).status()).isEqualTo(OrderStatus.DISPUTED);
  }

  @Test
  void shouldGiveTheHelpToAnOkThatAnswersNoQuestion() {
    String no = o.paidOrder();
    Mail paid = o.awaitNotices(ALICE, no, 1).get(0);

    Mail help = t.mail.awaitReplyTo(ALICE, t.mail.reply(ALICE, paid, "好的"));

    assertThat(help.body()).contains("以下是您可以使用的命令");
  }

  @Test
  void shouldShowTheOrderAndTheProductOfTheAnsweredReply() {
    String no = o.paidOrder();
    Mail first = o.command(ALICE, "订单详情 " + no);
    Mail again = t.mail.awaitReplyTo(ALICE, t.mail.reply(ALICE, first, "订单详情"));
    assertThat(again.body()).contains("✔").contains("订单 " + no);

    Mail product = o.command(ALICE, "查看商品 P1001");
    Mail productAgain = t.mail.awaitReplyTo(ALICE, t.mail.reply(ALICE, product, "查看商品"));
    assertThat(productAgain.body()).doesNotContain("✘").contains("P1001");
  }

  @Test
  void shouldShowTheProductOfTheAnsweredReviewResult() {
    Mail created = o.command(ALICE, "新建商品\n名称: 线程测试商品\n服务类型: 运维服务\n价格: 99\n计费单位: 次\n简介: 一句话\n详情: 一行\n");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("已新建商品 (P\\d+)").matcher(created.body());
    assertThat(m.find()).as(created.body()).isTrue();
    String id = m.group(1);
    Mail review = t.mail.await(DemoData.OPERATOR, x -> x.subject().contains(id) && x.token() != null);
    t.mail.awaitReplyTo(DemoData.OPERATOR, t.mail.reply(DemoData.OPERATOR, review, "同意"));
    Mail result = t.mail.await(ALICE, x -> x.subject().contains("审核结果") && x.subject().contains(id));
    assertThat(result.inReplyTo()).as("the result answers the request").isEqualTo(created.inReplyTo());

    Mail view = t.mail.awaitReplyTo(ALICE, t.mail.reply(ALICE, result, "查看商品"));

    assertThat(view.body()).doesNotContain("✘").contains(id).contains("线程测试商品");
  }

  @Test
  void shouldKeepAnExplicitNumberOverTheThreads() {
    String no = awaitingOrder();
    String other = o.paidOrder();
    Mail notice = o.awaitNotices(BUYER, no, 3).get(2);

    Mail reply = t.mail.awaitReplyTo(BUYER, t.mail.reply(BUYER, notice, "查询订单 " + other));

    assertThat(reply.body()).contains(other);
    assertThat(o.order(no).status()).isEqualTo(OrderStatus.AWAITING_CONFIRMATION);
  }

  @Test
  void shouldAskBeforeRunningACommandBelowSomethingThatOnlyLooksLikeAQuote() {
    String no = awaitingOrder();

    Mail ask = o.command(BUYER, "查询订单 " + no + "\n\nMy colleague wrote:\n确认完成 " + no);

    assertThat(ask.body()).contains("My colleague wrote").contains("确认完成 " + no).contains("确定");
    assertThat(ask.token()).isNotNull();
    assertThat(o.order(no).status()).isEqualTo(OrderStatus.AWAITING_CONFIRMATION);

    Mail done = t.mail.awaitReplyTo(BUYER, t.mail.reply(BUYER, ask, "确定"));
    assertThat(done.body()).contains("✔").contains("分配完成");
    assertThat(o.order(no).status()).isEqualTo(OrderStatus.COMPLETED);
  }

  @Test
  void shouldKeepTheThreadsOrderThroughTheQuestionAboutADoubtfulLine() {
    String no = awaitingOrder();
    Mail notice = o.awaitNotices(BUYER, no, 3).get(2);

    Mail ask = t.mail.awaitReplyTo(BUYER, t.mail.reply(BUYER, notice, "查询订单\n\nHe wrote:\n确认完成"));
    assertThat(ask.body()).contains("He wrote:").contains("确认完成");
    assertThat(o.order(no).status()).isEqualTo(OrderStatus.AWAITING_CONFIRMATION);

    t.mail.awaitReplyTo(BUYER, t.mail.reply(BUYER, ask, "确定"));
    assertThat(o.order(no).status()).isEqualTo(OrderStatus.COMPLETED);
  }

  private static String awaitingOrder() {
    String no = o.paidOrder();
    o.command(ALICE, "开始实施 " + no + " 确定");
    o.command(ALICE, "已完成 " + no + " 确定");
    return no;
  }
}
