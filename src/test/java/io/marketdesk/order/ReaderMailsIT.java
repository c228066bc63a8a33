package io.marketdesk.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each mail written for its reader (docs/languages.md), driven by real mails over SMTP and IMAP:
 * Traditional Chinese commands and Big5 mails answered in 繁體, buyers shown buyer labels, refusal
 * examples with the sender's own order number, reasons passed on as written, review results for
 * their reader, outcome marks that are not state names.
 */
class ReaderMailsIT {
  static final String ALICE = DemoData.ALICE;
  static final String BUYER = DemoData.BUYER;
  static final String OPERATOR = DemoData.OPERATOR;
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
  void shouldAnswerTraditionalCommandsInTraditionalChinese() {
    Mail help = o.command(ALICE, "幫助");
    assertThat(help.body()).contains("【1】幫助").contains("✔ 完成").contains("訂單詳情").contains("下架商品")
        .doesNotContain("订单详情").doesNotContain("您可以使用的命令");

    String no = o.paidOrder();
    Mail view = o.command(ALICE, "訂單詳情 " + no);
    assertThat(view.body()).contains("訂單 " + no).contains("狀態").contains("買家").doesNotContain("订单").doesNotContain("状态");

    Mail start = o.command(ALICE, "開始實施 " + no);
    assertThat(start.body()).contains("◎ 等您確認").contains(no).doesNotContain("确认");
  }

  @Test
  void shouldListOnlyBuyerCommandsInTheBuyersHelp() {
    Mail help = o.command(BUYER, "帮助");
    assertThat(help.body()).contains("查询订单").contains("确认完成").contains("验收不通过").contains("帮助 查询订单")
        .doesNotContain("拒绝").doesNotContain("驳回").doesNotContain("· 确定").doesNotContain("新建商品")
        .contains("marketdesk 云市场（邮件服务）").doesNotContain("服务商后台");
    Mail en = o.command(BUYER, "help");
    assertThat(en.body()).contains("status").doesNotContain("product new").doesNotContain("reject REASON");
  }

  @Test
  void shouldShowTheStatusPageInOneLanguageWithOneLabelPerState() throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    String zh = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(t.baseUrl() + "/?lang=zh")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    assertThat(zh).contains("运行状态").contains("<dt>待支付</dt>").doesNotContain("待支付 unpaid").doesNotContain("Intake");
    String hant = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(t.baseUrl() + "/?lang=zh-Hant")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    assertThat(hant).contains("lang=\"zh-Hant\"").contains("執行狀態").contains("<dt>待支付</dt>").doesNotContain("运行状态");
    String en = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(t.baseUrl() + "/?lang=en")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    assertThat(en).contains("<dt>unpaid</dt>").doesNotContain("待支付");
  }

  @Test
  void shouldAnswerABig5MailInTraditionalChinese() {
    String id = "big5." + System.nanoTime() + "@client.test";
    String raw = "From: " + ALICE + "\r\nTo: " + OrderTesting.SERVICE + "\r\nSubject: list\r\nMessage-ID: <" + id + ">\r\n"
        + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=big5\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
    byte[] head = raw.getBytes(Charset.forName("US-ASCII"));
    byte[] body = "商品列表\r\n".getBytes(Charset.forName("Big5"));
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    t.mail.sendRaw(ALICE, OrderTesting.SERVICE, all);
    Mail reply = t.mail.awaitReplyTo(ALICE, id);
    assertThat(reply.body()).contains("【1】商品列表").contains("✔ 完成").contains("處理結果").doesNotContain("处理结果");
  }

  @Test
  void shouldShowBuyersTheirOwnLabelsAndTheirOwnOrderNumberInExamples() {
    String no = o.paidOrder();
    Mail en = o.command(BUYER, "confirm order " + no);
    assertThat(en.body()).contains("X refused").contains("in progress").doesNotContain("paid;").doesNotContain("implementing");
    Mail zh = o.command(BUYER, "确认完成 " + no);
    assertThat(zh.body()).contains("✘ 未执行").contains("“处理中”").doesNotContain("已支付");

    String missing = OrderTesting.newOrderNo();
    Mail refused = o.command(ALICE, "开始实施 " + missing);
    assertThat(refused.body()).contains("没有订单 " + missing).contains("开始实施 " + missing).doesNotContain("20261128000123");
  }

  @Test
  void shouldShowTheBuyersReasonExactlyInOrderDetailsAfterARejectedDelivery() {
    String no = o.paidOrder();
    o.command(ALICE, "开始实施 " + no + " 确定");
    o.command(ALICE, "已完成 " + no + " 确定");
    String reason = "报表打不开，登录后白屏；请尽快修复！";
    Mail rejected = o.command(BUYER, "验收不通过 " + no + " " + reason);
    assertThat(rejected.body()).contains("✔ 完成");
    Mail view = o.command(ALICE, "订单详情 " + no);
    assertThat(view.body()).contains("验收不通过次数：1").contains(reason);
    Mail toAlice = t.mail.await(ALICE, m -> m.inReplyTo() == null && m.subject().contains(no) && m.body().contains("白屏"));
    assertThat(toAlice.body()).contains(reason);
  }

  @Test
  void shouldTellTheBuyerTheAppealResultInBuyerWordsOnly() {
    String no = o.paidOrder();
    o.command(ALICE, "开始实施 " + no + " 确定");
    for (int i = 0; i < 3; i++) {
      o.command(ALICE, "已完成 " + no + " 确定");
      o.command(BUYER, "验收不通过 " + no + " 还是不行");
    }
    Mail appeal = o.command(BUYER, "申诉 " + no + " 三次都没有修好，服务商也不回复。");
    assertThat(appeal.body()).contains("⧗ 已提交审核");
    Mail request = t.mail.await(OPERATOR, m -> m.subject().contains(no) && m.subject().contains("待审核"));
    assertThat(request.body()).contains("三次都没有修好，服务商也不回复。").contains("相关信息")
        .doesNotContain("— →").doesNotContain("Order status");
    Matcher id = Pattern.compile("#(\\d+)").matcher(request.subject());
    assertThat(id.find()).isTrue();
    Mail decided = o.command(OPERATOR, "审核 " + id.group(1) + " 拒绝 服务商已在处理，请再给一周时间。");
    assertThat(decided.body()).contains("✔ 完成");
    Mail result = t.mail.await(BUYER, m -> m.subject().contains(no) && m.subject().contains("申诉"));
    assertThat(result.subject()).doesNotContain("同意 =").doesNotContain("拒绝 =");
    assertThat(result.body()).contains("“处理中”").contains("服务商已在处理，请再给一周时间。")
        .doesNotContain("100012345678").doesNotContain("修改后重新提交");
  }

  @Test
  void shouldGreetProvidersByCompanyAndGiveThePageLinkWhenAProductIsListed() {
    Mail asked = o.command(ALICE, "新建商品\n名称：读者测试\n类型：运维服务\n价格：1000\n单位：次\n简介：测试\n详情：测试");
    assertThat(asked.body()).contains("⧗ 已提交审核");
    Mail request = t.mail.await(OPERATOR, m -> m.subject().contains("读者测试"));
    Matcher id = Pattern.compile("#(\\d+)").matcher(request.subject());
    assertThat(id.find()).isTrue();
    o.command(OPERATOR, "审核 " + id.group(1) + " 同意");
    Mail result = t.mail.await(ALICE, m -> m.subject().contains("审核结果") && m.subject().contains("#" + id.group(1)));
    assertThat(result.inReplyTo()).as("threaded to the request").isEqualTo(asked.inReplyTo());
    assertThat(result.body()).startsWith("云帆科技有限公司，您好：").contains("已上架").contains("/products/P")
        .doesNotContain("您可以修改后重新提交");
  }

  /** The operators last wrote in Chinese (their review mails follow the language they last wrote in). */
  static void operatorsWroteChinese() {
    t.app.db().jdbi().useTransaction(h -> io.marketdesk.command.WrittenLanguages.record(h, OPERATOR,
        io.marketdesk.text.Language.ZH, t.clock.millis()));
  }

  static String reviewId(Mail request) {
    Matcher id = Pattern.compile("#(\\d+)").matcher(request.subject());
    assertThat(id.find()).isTrue();
    return id.group(1);
  }

  @Test
  void shouldShowTheNewAccountValuesInTheProvidersLanguageWhenAnAccountChangeIsApproved() {
    operatorsWroteChinese();
    Mail asked = o.command(DemoData.BOB, "account update\nservice phone: 400-900-0001\ncontact: Bob Wang");
    assertThat(asked.body()).contains("sent for review");
    // the operator reads it in Chinese alone, whoever asked in English
    Mail request = t.mail.await(OPERATOR, m -> m.subject().contains("【待审核") && m.body().contains("400-900-0001"));
    assertThat(request.body()).contains("客服电话：400-900-5678 → 400-900-0001").contains("联系人：Bob 王 → Bob Wang")
        .doesNotContain("Hello").doesNotContain("Service phone").doesNotContain("->");
    String id = reviewId(request);
    o.command(OPERATOR, "审核 " + id + " 同意 资料齐全");
    Mail result = t.mail.await(DemoData.BOB, m -> m.subject().contains("[Review result #" + id + "]"));
    assertThat(result.inReplyTo()).as("threaded to the request").isEqualTo(asked.inReplyTo());
    assertThat(result.body()).startsWith("Hello 北辰数据服务有限公司,").contains("approved").contains("Your account now reads:")
        .contains("Service phone: 400-900-0001").contains("Contact: Bob Wang").contains("资料齐全")
        .contains(DemoData.BOB_ACCOUNT).doesNotContain("客服电话");

    Mail hant = o.command(ALICE, "修改帳戶資訊\n客服電話：400-800-0002");
    assertThat(hant.body()).contains("已提交審核");
    Mail hantRequest = t.mail.await(OPERATOR, m -> m.subject().contains("【待审核") && m.body().contains("400-800-0002"));
    String hid = reviewId(hantRequest);
    o.command(OPERATOR, "审核 " + hid + " 同意");
    Mail hantResult = t.mail.await(ALICE, m -> m.subject().contains("【審核結果 #" + hid + "】"));
    assertThat(hantResult.subject()).contains("帳戶").doesNotContain("账户");
    assertThat(hantResult.body()).contains("帳戶資訊已改為").contains("客服電話：400-800-0002").doesNotContain("客服电话");
  }

  @Test
  void shouldPassTheOperatorsReasonOnExactlyAndListContextApartFromChanges() {
    operatorsWroteChinese();
    String no = OrderTesting.newOrderNo();
    assertThat(o.createOrder(no, "P1001", BUYER, "1000.00").status()).isEqualTo(201);
    Mail asked = o.command(ALICE, "改价 " + no + " 880\n理由：老客户续约，按合同价结算。");
    assertThat(asked.body()).contains("已提交审核");
    Mail request = t.mail.await(OPERATOR, m -> m.subject().contains("【待审核") && m.subject().contains(no));
    assertThat(request.body()).contains("订单价格：¥1,000.00 → ¥880.00").contains("老客户续约，按合同价结算。")
        .doesNotContain("— →").doesNotContain("（空） → " + no);
    String id = reviewId(request);
    String reason = "合同价需要附件，请补充后再提交！\n附件：\n  1. 合同扫描件；\n  2. 续约说明。";
    o.command(OPERATOR, "审核 " + id + " 拒绝 " + reason);
    Mail result = t.mail.await(ALICE, m -> m.subject().contains("审核结果 #" + id));
    assertThat(result.body()).contains(reason).contains("¥1,000.00");
  }

  @Test
  void shouldSendBuyersMailFromTheServiceByAnUnsplitNameInOneMoneyAndColonStyle() throws Exception {
    String no = o.paidOrder();
    Mail paid = t.mail.await(BUYER, m -> m.inReplyTo() == null && m.subject().contains(no));
    String from = jakarta.mail.internet.MimeUtility.unfold(paid.raw().getHeader("From", null));
    // the display name is never cut inside "marketdesk" by encoded-word folding
    assertThat(from).contains("marketdesk").contains("<market@marketdesk.test>");
    assertThat(jakarta.mail.internet.MimeUtility.decodeText(from)).doesNotContain("服务商后台");
    assertThat(paid.body()).contains("¥1,000.00").doesNotContain("¥1000.00").doesNotContainPattern("\\p{IsHan}: ")
        .doesNotContain("服务商后台").doesNotContain(DemoData.ALICE_ACCOUNT);
    Mail en = o.command(BUYER, "status " + no);
    assertThat(en.body()).contains("¥1,000.00").doesNotContain("：");
  }
}
