package io.marketdesk.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.command.Outcome;
import io.marketdesk.review.Change;
import io.marketdesk.review.Review;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Order price changes by real mail (docs/pricing.md): request, review, approval, the buyer's mail. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class PriceChangeIT {
  static final String MARKET = "market@marketdesk.test";
  static TestApp t;
  static PricingFixture f;

  @BeforeAll
  static void start() {
    t = TestApp.start(Map.of("security.replies-per-hour", "1000"));
    f = new PricingFixture(t);
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  private static String sentence(String account, String orderNo, String amount) {
    return "云帆科技服务商（腾讯云账号 ID : " + account + "），申请将订单" + orderNo + "价格修改为折扣价" + amount;
  }

  private static Mail ask(String from, String body) {
    String id = t.mail.send(from, MARKET, "改价申请", body);
    return t.mail.awaitReplyTo(from, id);
  }

  private static Mail sendRaw(String from, Function<String, byte[]> raw) {
    String id = "raw." + UUID.randomUUID() + "@client.test";
    t.mail.sendRaw(from, MARKET, raw.apply(id));
    return t.mail.awaitReplyTo(from, id);
  }

  private static String change(Review r, String field) {
    return r.changes().stream().filter(c -> c.field().equals(field)).map(Change::after).findFirst().orElse(null);
  }

  private static void assertPriceReview(Review r, String orderNo, long newPrice, String reason) {
    assertThat(r.kind()).isEqualTo("price");
    assertThat(r.subject()).isEqualTo(orderNo);
    assertThat(r.providerId()).isEqualTo(f.providerId(DemoData.ALICE_ACCOUNT));
    assertThat(r.requestedBy()).isEqualTo(DemoData.ALICE);
    PricePayload p = PricePayload.fromJson(r.payload());
    assertThat(p.orderNo()).isEqualTo(orderNo);
    assertThat(p.oldPrice()).isEqualTo(100000);
    assertThat(p.newPrice()).isEqualTo(newPrice);
    assertThat(p.reason()).isEqualTo(reason);
  }

  // --- whole mails from real clients ----------------------------------------------------------

  @Test
  void shouldOpenReviewWhenOutlookSendsSeedSentenceInGbk() {
    String no = f.aliceOrder();
    String body = "王经理，您好：\n\n" + sentence(DemoData.ALICE_ACCOUNT, no, "880.00") + "\n理由：年度框架协议价\n\n谢谢！\n\n"
        + "李小帆\n云帆科技有限公司\n电话：13800138000\n";
    Mail reply = sendRaw(DemoData.ALICE, id -> RawMails.outlookGbk(id, DemoData.ALICE, "申请订单改价", body));

    assertThat(reply.body()).contains("⧗ 已提交审核").contains("改价申请已提交审核").contains(no).contains("88%");
    Review r = f.openReview(no).orElseThrow();
    assertPriceReview(r, no, 88000, "年度框架协议价");
    assertThat(change(r, "warning")).isNull();
  }

  @Test
  void shouldOpenReviewWhenQqMailSendsHtmlOnlyWithFullWidthForms() {
    String no = f.aliceOrder();
    Mail reply = sendRaw(DemoData.ALICE, id -> RawMails.qqHtmlOnly(id, DemoData.ALICE, "改价",
        "您好：", "",
        "云帆科技服务商（腾讯云账号&nbsp;ＩＤ：１０００１２３４５６７８），申请将订单" + no + "价格修改为折扣价￥７５０元",
        "理由：双十一活动价"));

    assertThat(reply.body()).contains("⧗ 已提交审核").contains(no);
    assertPriceReview(f.openReview(no).orElseThrow(), no, 75000, "双十一活动价");
  }

  @Test
  void shouldOpenReviewFromReplyAboveQuoteWhenGmailQuotesAnOlderRequest() {
    String no = f.order(PricingFixture.ALICE_PRODUCT, DemoData.ALICE_ACCOUNT, 200000, "unpaid");
    String quotedNo = f.aliceOrder();
    Mail reply = sendRaw(DemoData.ALICE, id -> RawMails.gmailWithQuote(id, DemoData.ALICE, "Re: price change",
        "price " + no + " 1,280.00 CNY\nreason: loyalty discount\n\nBest,\nAlice",
        "Hello Alice,\n\nprice " + quotedNo + " 500\n\nmarketdesk"));

    assertThat(reply.body()).contains("~ sent for review").contains("in review").contains(no).doesNotContain(quotedNo);
    Review r = f.openReview(no).orElseThrow();
    assertThat(r.providerId()).isEqualTo(f.providerId(DemoData.ALICE_ACCOUNT));
    PricePayload p = PricePayload.fromJson(r.payload());
    assertThat(p.oldPrice()).isEqualTo(200000);
    assertThat(p.newPrice()).isEqualTo(128000);
    assertThat(p.reason()).isEqualTo("loyalty discount");
    assertThat(p.lang()).isEqualTo("en");
    assertThat(f.openReview(quotedNo)).isEmpty();
  }

  // --- near misses: refused end to end, with the check that failed -----------------------------

  static Stream<Arguments> nearMisses() {
    return Stream.of(
        Arguments.of("wrong account ID", (Function<String, String>) no ->
            sentence(DemoData.BOB_ACCOUNT, no, "880.00"), "不是您的账号"),
        Arguments.of("another provider's order", (Function<String, String>) no ->
            sentence(DemoData.ALICE_ACCOUNT, f.order(PricingFixture.BOB_PRODUCT, DemoData.BOB_ACCOUNT, 100000, "unpaid"),
                "880.00"), "不是您（账号 ID 100012345678）的订单"),
        Arguments.of("no such order", (Function<String, String>) no -> "改价 99999999999999 880", "没有订单号为 99999999999999"),
        Arguments.of("paid order", (Function<String, String>) no -> {
          f.setStatus(no, "paid");
          return sentence(DemoData.ALICE_ACCOUNT, no, "880.00");
        }, "已支付"),
        Arguments.of("cancelled order", (Function<String, String>) no -> {
          f.setStatus(no, "cancelled");
          return "改价 " + no + " 880";
        }, "已取消"),
        Arguments.of("higher price", (Function<String, String>) no -> "改价 " + no + " 1,200.00", "不低于订单现价 ¥1,000.00"),
        Arguments.of("same price", (Function<String, String>) no -> sentence(DemoData.ALICE_ACCOUNT, no, "1000元"), "不低于订单现价"),
        Arguments.of("zero", (Function<String, String>) no -> "改价 " + no + " 0", "新价格必须大于 0"),
        Arguments.of("under 10% without reason", (Function<String, String>) no ->
            sentence(DemoData.ALICE_ACCOUNT, no, "99.99"), "低于现价 ¥1,000.00 的 10%"),
        Arguments.of("a product in the short form", (Function<String, String>) no -> "改价 P9001 800", "修改商品 P9001"),
        Arguments.of("a product in the sentence", (Function<String, String>) no ->
            "云帆科技服务商（腾讯云账号 ID : 100012345678），申请将商品P9001价格修改为折扣价800.00", "修改商品 P9001"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("nearMisses")
  void shouldRefuseWithReasonWhenACheckFails(String what, Function<String, String> body, String reason) {
    String no = f.aliceOrder();
    String text = body.apply(no);
    Mail reply = ask(DemoData.ALICE, text + "\n");

    assertThat(reply.body()).contains("✘ 未执行").contains(reason).contains("正确写法示例");
    assertThat(f.reviewsOf(no)).isEmpty();
    assertThat(f.price(no)).isEqualTo(100000);
  }

  @Test
  void shouldAcceptPriceUnderTenPercentWhenReasonGiven() {
    String no = f.aliceOrder();
    Mail reply = ask(DemoData.ALICE, sentence(DemoData.ALICE_ACCOUNT, no, "99.99") + "\n理由：公益项目，仅收成本价\n");

    assertThat(reply.body()).contains("⧗ 已提交审核");
    Review r = f.openReview(no).orElseThrow();
    assertPriceReview(r, no, 9999, "公益项目，仅收成本价");
    assertThat(change(r, "reason")).isEqualTo("公益项目，仅收成本价");
  }

  @Test
  void shouldWarnOperatorWhenProviderNameDiffersFromRegisteredName() {
    String no = f.aliceOrder();
    Mail reply = ask(DemoData.ALICE, "星河网络服务商（腾讯云账号ID：100012345678），申请将订单" + no + "价格修改为折扣价900\n");

    assertThat(reply.body()).contains("⧗ 已提交审核").contains("星河网络").contains("云帆科技有限公司");
    Review r = f.openReview(no).orElseThrow();
    assertThat(change(r, "warning")).contains("星河网络").contains("云帆科技有限公司");
    Mail review = t.mail.await(DemoData.OPERATOR, m -> m.subject().contains(no));
    assertThat(review.body()).contains("⚠ 注意").contains("星河网络");
  }

  // --- the whole flow ---------------------------------------------------------------------------

  @Test
  void shouldChangePriceAndMailBuyerWhenOperatorApproves() {
    String no = f.aliceOrder();
    Mail reply = ask(DemoData.ALICE, sentence(DemoData.ALICE_ACCOUNT, no, "880.00") + "\n理由：老客户续约优惠\n");
    assertThat(reply.body()).contains("⧗ 已提交审核");

    Mail review = t.mail.await(DemoData.OPERATOR, m -> m.subject().contains(no));
    assertThat(review.subject()).contains("待审核").contains("¥1,000.00 → ¥880.00").contains("88%");
    assertThat(review.body()).contains("订单价格：¥1,000.00 → ¥880.00").contains("折扣（新价/现价）：100% → 88% (-12%)")
        .contains("理由：老客户续约优惠").doesNotContain("— →").contains("云帆科技有限公司").contains("同意");
    assertThat(review.token()).isNotNull();

    Review r = f.openReview(no).orElseThrow();
    Outcome o = f.decide(r.id(), true, "");
    assertThat(o.done()).isTrue();
    assertThat(o.message()).contains("880.00");

    assertThat(f.price(no)).isEqualTo(88000);
    Mail buyer = t.mail.await(DemoData.BUYER, m -> m.subject().contains(no));
    assertThat(buyer.subject()).contains("880.00");
    assertThat(buyer.body()).contains("原价：¥1,000.00").contains("新价格：¥880.00").doesNotContain("Hello").contains("如何付款")
        .contains("查询订单 " + no);
    Mail result = t.mail.await(DemoData.ALICE, m -> m.subject().contains("审核结果") && m.subject().contains(no));
    assertThat(result.body()).contains("已通过").contains("已由 ¥1,000.00 改为 ¥880.00");
    assertThat(f.auditActions(no)).containsExactly("price_change_requested", "price_changed");
  }

  @Test
  void shouldChangeNothingAndTellBothWhenOrderPaidBeforeApproval() {
    String no = f.aliceOrder();
    assertThat(ask(DemoData.ALICE, "改价 " + no + " 900").body()).contains("⧗ 已提交审核");
    Review r = f.openReview(no).orElseThrow();
    f.setStatus(no, "paid");

    Outcome o = f.decide(r.id(), true, "");

    assertThat(o.message()).contains("已变为“已支付”").contains("价格没有修改");
    assertThat(f.price(no)).isEqualTo(100000);
    Mail result = t.mail.await(DemoData.ALICE, m -> m.subject().contains("审核结果") && m.subject().contains(no));
    assertThat(result.body()).contains("已变为“已支付”").contains("价格没有修改").contains("仍为 ¥1,000.00");
    t.app.sender().drainOnce();
    assertThat(t.mail.inbox(DemoData.BUYER)).noneMatch(m -> m.subject().contains(no));
    assertThat(f.auditActions(no)).containsExactly("price_change_requested", "price_change_not_applied");
  }

  @Test
  void shouldReplaceOpenRequestWhenProviderAsksAgainForSameOrder() {
    String no = f.aliceOrder();
    assertThat(ask(DemoData.ALICE, "改价 " + no + " 900").body()).contains("⧗ 已提交审核");
    long first = f.openReview(no).orElseThrow().id();
    Mail second = ask(DemoData.ALICE, "改价 " + no + " 850\n理由：再让一点\n");

    assertThat(second.body()).contains("取代了该订单之前未审核的改价申请 #" + first);
    List<Review> all = f.reviewsOf(no);
    assertThat(all).extracting(Review::status).containsExactly("superseded", "open");
    Mail opsMail = t.mail.await(DemoData.OPERATOR, m -> m.subject().contains(no) && m.subject().contains("850.00"));
    assertThat(opsMail.body()).contains("取代了同一对象之前未处理的审核 #" + first);

    assertThat(f.decide(first, true, "").done()).isFalse();
    assertThat(f.price(no)).isEqualTo(100000);
    assertThat(f.decide(all.get(1).id(), true, "").done()).isTrue();
    assertThat(f.price(no)).isEqualTo(85000);
  }

  @Test
  void shouldTellProviderReasonWhenOperatorRejects() {
    String no = f.aliceOrder();
    ask(DemoData.ALICE, "price " + no + " 700");
    Review r = f.openReview(no).orElseThrow();

    assertThat(f.decide(r.id(), false, "折扣超出活动规则").done()).isTrue();

    assertThat(f.price(no)).isEqualTo(100000);
    Mail result = t.mail.await(DemoData.ALICE, m -> m.subject().contains("Review result") && m.subject().contains(no));
    assertThat(result.body()).contains("rejected").contains("折扣超出活动规则");
  }

  @Test
  void shouldRefuseAndKeepOrderWhenBobAsksForAlicesOrder() {
    String no = f.aliceOrder();
    Mail reply = ask(DemoData.BOB, "改价 " + no + " 500");

    assertThat(reply.body()).contains("✘ 未执行").contains("不是您（账号 ID 100087654321）的订单");
    assertThat(f.reviewsOf(no)).isEmpty();
  }

  @Test
  void shouldRecogniseSentenceInSubjectWhenBodyIsEmpty() {
    String no = f.aliceOrder();
    String id = t.mail.send(DemoData.ALICE, MARKET, sentence(DemoData.ALICE_ACCOUNT, no, "¥960"), "");
    Mail reply = t.mail.awaitReplyTo(DemoData.ALICE, id);

    assertThat(reply.body()).contains("⧗ 已提交审核");
    assertThat(PricePayload.fromJson(f.openReview(no).orElseThrow().payload()).newPrice()).isEqualTo(96000);
  }

  @Test
  void shouldShowFillInTemplateWhenProviderAsksHelpForPrice() {
    Mail zh = ask(DemoData.ALICE, "帮助 改价\n");
    assertThat(zh.body()).contains("改价 20261128000123 880.00").contains("理由：").contains("修改商品");
    String id = t.mail.send(DemoData.ALICE, MARKET, "help", "help price\n");
    assertThat(t.mail.awaitReplyTo(DemoData.ALICE, id).body()).contains("price 20261128000123 880.00").contains("reason:");
  }

  @Test
  void shouldChangePriceWhenOperatorRepliesApproveToReviewMail() {
    String no = f.aliceOrder();
    ask(DemoData.ALICE, "改价 " + no + " 880");
    Mail review = t.mail.await(DemoData.OPERATOR, m -> m.subject().contains(no));

    t.mail.reply(DemoData.OPERATOR, review, "同意\n");

    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> f.price(no) == 88000);
    t.mail.await(DemoData.BUYER, m -> m.subject().contains(no));
  }
}
