package io.marketdesk.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.text.Language;
import io.marketdesk.intake.ReplyComposer;
import io.marketdesk.intake.ReplyModel;
import io.marketdesk.order.OrderMail;
import io.marketdesk.product.ProductWorkflow;
import io.marketdesk.review.Change;
import io.marketdesk.review.Review;
import io.marketdesk.review.ReviewDigest;
import io.marketdesk.review.Reviews;
import io.marketdesk.text.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One golden file per mail kind and language ({@code src/test/resources/golden/mails/LANG/NAME.txt}):
 * every mail template rendered with a fixed model, compared with what a person read and approved.
 * Run with {@code -Dgolden.update=true} to write the files after a deliberate change, then read
 * the diff.
 */
class GoldenMailsTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/mails");
  private static final String SERVICE = "market@marketdesk.test";
  private final Templates templates = new Templates(null);

  /** The models, by mail name (a name may be a variant: {@code review-result.rejected}). */
  /** The models in Chinese, for the HTML tests. */
  static Map<String, Object> models() {
    return models("zh");
  }

  static Map<String, Object> models(String lang) {
    io.marketdesk.template.Catalog words = new Templates(null).catalog();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("reply", new ReplyModel("云帆科技有限公司", "100012345678", List.of(
        new ReplyModel.Item(1, "订单详情 20261128000123", true, "订单 20261128000123\n状态：实施中", "", false, false),
        new ReplyModel.Item(2, "修改商品 P1001", true, "商品 P1001 的修改已提交审核（审核 #12）。", "", false, true),
        new ReplyModel.Item(3, "下架商品 P1001", true, "确认后，商品 P1001 将下架。", "", true, false),
        new ReplyModel.Item(4, "开始实施 20261128000999", false, "没有订单 20261128000999，请核对订单号。",
            "开始实施 20261128000999", false, false)),
        "", "", List.of("一封邮件最多执行 3 条命令，其余的没有执行，请另发邮件。"), "k3j9", "provider", false,
        "Re: 订单详情 20261128000123"));
    m.put("reply.buyer-help", new ReplyModel("buyer@customer.test", null, List.of(), "· 查询订单 订单号", "订单详请 123",
        List.of(), null, "buyer", false, "Re: 订单详请 123"));
    m.put("reply.nearest", new ReplyModel("云帆科技有限公司", "100012345678", List.of(),
        "· 订单详情 订单号\n  例：订单详情 20261128000123", "订单详请 20261128000123", List.of(), null, "provider", true,
        "Re: 订单详请 20261128000123"));
    m.put("unreadable", new ReplyComposer.UnreadableModel("云帆科技有限公司", "provider", "line-too-long", "新建商品 P1010",
        new ReplyComposer.UnreadableModel.Limits(1000, 100, 1000, 1000), "Re: 新建商品 P1010"));
    m.put("unreadable.too-many-parts", new ReplyComposer.UnreadableModel("buyer@customer.test", "buyer", "too-many-parts", "",
        new ReplyComposer.UnreadableModel.Limits(1000, 100, 1000, 1000), words.text(lang, "reply.subject")));
    OrderMail order = new OrderMail("20261128000123", "P1001", "云服务器运维托管（月）", "¥1,000.00", "implementing",
        "buyer@customer.test", "云帆科技有限公司", "100012345678", SERVICE, 3, 7, 15, "2026-12-08", false,
        "报表打不开，登录后白屏；请尽快修复！", "请迁移 3 台服务器的数据库。\n周末进行。",
        List.of(new OrderMail.AttachmentLine("servers.txt", "1 KB", true)), false, 1, "implementing", 12);
    for (String name : List.of("order-awaiting", "order-cancelled-timeout", "order-completed", "order-implementing",
        "order-paid", "order-reminder", "provider-order-appeal-decided", "provider-order-appealed",
        "provider-order-cancelled-timeout", "provider-order-cancelled", "provider-order-confirmed", "provider-order-paid",
        "provider-order-rejected", "provider-order-requirement", "provider-order-start-reminder", "order-undone")) {
      m.put(name, order);
    }
    // the same fields as pricing's BuyerMail record (package-private)
    m.put("order-price-changed", Map.of("orderNo", "20261128000123", "productId", "P1001", "productName", "云服务器运维托管（月）",
        "oldPrice", "¥1,000.00", "newPrice", "¥880.00", "percent", "88", "serviceAddress", SERVICE));
    m.put("review-withdrawn", new io.marketdesk.history.WithdrawnMail(12, "商品 P1001 修改", "product", "P1001",
        "云帆科技有限公司", "100012345678", "alice@provider-a.test", "2026-11-28 10:15"));
    m.put("product-revision-withdrawn", new ProductWorkflow.WithdrawnModel("P1001", "云服务器运维托管（月）", 12,
        "alice@provider-a.test", "100012345678"));
    m.put("unregistered", new ReplyComposer.UnregisteredModel(SERVICE));
    // titles and labels as the catalog words them for this reader (docs/languages.md)
    List<Change> price = List.of(new Change("price", "订单价格", "Order price", "¥1,000.00", "¥880.00").labelled("change.price"),
        new Change("order", "订单", "Order", null, "20261128000123 · P1001 云服务器运维托管（月）").labelled("change.order"),
        new Change("reason", "理由", "Reason", null, "老客户续约，按合同价结算。").labelled("change.reason"));
    Message priceTitle = Message.of("price-change.review.title", "orderNo", "20261128000123", "was", "¥1,000.00", "now",
        "¥880.00", "percent", "88", "off", "12");
    Review request = new Review(13, "price", "20261128000123", 1L, "alice@provider-a.test", "", "", "{}", price, "open", 0,
        0, null, null, null, priceTitle);
    m.put("review-request", new Reviews.MailModel(request, "2026-12-04", "alice@provider-a.test", "云帆科技有限公司", false,
        "", "", false, 0, SERVICE, "100012345678", "http://localhost:7070", words.text(lang, priceTitle),
        Reviews.lines(words, lang, request)));
    Message productTitle = Message.of("product.review.title.new", "id", "P1010", "name", "数据库巡检", "type",
        Message.of("type.ops"));
    Review product = new Review(14, "product", "P1010", 1L, "alice@provider-a.test", "", "", "{}", List.of(), "approved", 0, 0,
        1L, "ops@marketdesk.test", "", productTitle);
    m.put("review-result", new Reviews.MailModel(product, "2026-12-04", "alice@provider-a.test", "云帆科技有限公司", false,
        "", "ops@marketdesk.test", true, 0, SERVICE, "100012345678", "http://localhost:7070", words.text(lang, productTitle),
        List.of()));
    Message accountTitle = Message.of("account.review.title", "company", "云帆科技有限公司", "accountId", "100012345678");
    Review account = new Review(15, "account", "100012345678", 1L, "alice@provider-a.test", "", "", "{}",
        List.of(new Change("csPhone", "客服电话", "Service phone", "400-800-1234", "400-800-5678")
            .labelled("field.account.csPhone")), "rejected", 0, 0, 1L, "ops@marketdesk.test", "号码无法接通，请核对。", accountTitle);
    m.put("review-result.rejected", new Reviews.MailModel(account, "2026-12-04", "alice@provider-a.test", "云帆科技有限公司",
        false, "", "ops@marketdesk.test", false, 0, SERVICE, "100012345678", "http://localhost:7070",
        words.text(lang, accountTitle), Reviews.lines(words, lang, account)));
    Message appealTitle = Message.of("appeal.review.title", "orderNo", "20261128000123");
    Review appeal = new Review(16, "appeal", "20261128000123", 1L, "buyer@customer.test", "", "", "{}", List.of(), "rejected",
        0, 0, 1L, "ops@marketdesk.test", "服务商已在处理，请再给一周时间。", appealTitle);
    m.put("appeal-result", new Reviews.MailModel(appeal, "2026-12-04", "buyer@customer.test", "buyer@customer.test", false,
        "", "ops@marketdesk.test", false, 0, SERVICE, "", "http://localhost:7070", words.text(lang, appealTitle), List.of()));
    m.put("review-digest", new ReviewDigest.Model("2026-12-01", List.of(new ReviewDigest.Item(1, 13, "price",
        words.text(lang, "review-kind.price"), "20261128000123", words.text(lang, priceTitle), "alice@provider-a.test",
        "2026-12-04", false, "¥1,000.00 → ¥880.00", "2")), 1, 0, SERVICE));
    m.put("held", new ReplyComposer.HeldModel("alice@provider-a.test", "k3j9", 7, true));
    // the shape of intake's HeldCommands.DoneModel (package-private)
    m.put("held-done", Map.of("items", List.of(
        Map.of("line", "下架商品 P1001", "done", true, "message", "商品 P1001 已下架。", "example", ""),
        Map.of("line", "开始实施 20261128000999", "done", false, "message", "没有订单 20261128000999。",
            "example", "开始实施 20261128000999"))));
    m.put("reply-held", new io.marketdesk.outbox.ReplyCap.HeldModel(200, "2026-12-01 10:00", "Asia/Shanghai", SERVICE));
    m.put("ack-hint", new ReplyComposer.NoModel());
    m.put("quote-repeated", new ReplyComposer.NoModel());
    m.put("quote-doubt", new ReplyComposer.DoubtModel("确认完成 20261128000123", "-----Original Message-----"));
    Reviews.MailModel open = new Reviews.MailModel(request, "2026-12-04", "alice@provider-a.test", "云帆科技有限公司", false,
        "", "", false, 0, SERVICE, "100012345678", "http://localhost:7070", words.text(lang, priceTitle),
        Reviews.lines(words, lang, request));
    m.put("review-reminder", new io.marketdesk.review.ReviewEscalation.Model(open, "订单价格 ¥1,000.00 → ¥880.00", "2 天", false));
    m.put("review-overdue", new io.marketdesk.review.ReviewEscalation.Model(open, "订单价格 ¥1,000.00 → ¥880.00", "4 天", true));
    io.marketdesk.order.RefundMail refund = new io.marketdesk.order.RefundMail("20261128000123", "P1001",
        "云服务器运维托管（月）", "¥1,000.00", "¥300.00", "¥300.00", false, "只用了一半的服务，申请部分退款。", "", "", "accepted",
        "implementing", "implementing", "buyer@customer.test", "云帆科技有限公司", "100012345678", SERVICE, "2026-12-03", 3, 0);
    m.put("refund-result", refund);
    m.put("refund-review", refund);
    m.put("provider-refund-requested", refund);
    m.put("provider-refund-result", refund);
    m.put("provider-refund-review", refund);
    m.put("provider-settlement", new io.marketdesk.settlement.Settlements.StatementMail("S202611-100012345678", "2026-11",
        "云帆科技有限公司", "100012345678", 2, "¥1,880.00", "¥300.00", "¥79.00", "¥1,501.00", "ops 5%", false, SERVICE));
    m.put("order-mail-daily", new io.marketdesk.preference.DailyOrderMail.Model("buyer@customer.test", "2026-12-01",
        List.of(new io.marketdesk.preference.DailyOrderMail.Item(1, "订单 20261128000123 已支付，状态：处理中",
            "buyer@customer.test，您好：\n\n您的订单已支付成功。"), new io.marketdesk.preference.DailyOrderMail.Item(2,
            "订单 20261128000123 服务商已开始实施", "buyer@customer.test，您好：\n\n服务商已开始实施。")), SERVICE));
    m.put("member-welcome", new io.marketdesk.team.MemberCommands.WelcomeMail("carol@provider-a.test", "云帆科技有限公司",
        "100012345678", "orders", "alice@provider-a.test", "· 订单列表 [状态]：查看您的订单。例：\n    订单列表 实施中", SERVICE));
    return m;
  }

  @Test
  void shouldRenderEveryMailKindInEveryLanguageAsItsGoldenFile() throws IOException {
    boolean update = Boolean.getBoolean("golden.update");
    List<String> differ = new ArrayList<>();
    for (Language lang : templates.catalog().languageCodes().stream().map(Language::of).toList()) {
      for (Map.Entry<String, Object> e : models(lang.code()).entrySet()) {
        String template = e.getKey().contains(".") ? e.getKey().substring(0, e.getKey().indexOf('.')) : e.getKey();
        Templates.RenderedMail mail = templates.renderMail("mail/" + lang.code() + "/" + template + ".ftl", e.getValue());
        String text = "Subject: " + mail.subject() + "\n\n" + mail.body();
        Path file = GOLDEN.resolve(lang.code()).resolve(e.getKey() + ".txt");
        if (update) {
          Files.createDirectories(file.getParent());
          Files.writeString(file, text, StandardCharsets.UTF_8);
        } else if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
          differ.add(lang.code() + "/" + e.getKey());
        }
      }
    }
    assertThat(differ).as("mails that differ from their golden file (-Dgolden.update=true rewrites them)").isEmpty();
  }

  @Test
  void shouldHaveAGoldenModelForEveryMailTemplate() throws IOException {
    TreeSet<String> templatesOnDisk = new TreeSet<>();
    try (Stream<Path> s = Files.list(Path.of("templates/mail/zh"))) {
      s.filter(p -> !p.getFileName().toString().startsWith("_")).forEach(p -> templatesOnDisk.add(p.getFileName().toString().replace(".ftl", "")));
    }
    TreeSet<String> covered = new TreeSet<>();
    for (String k : models("zh").keySet()) {
      covered.add(k.contains(".") ? k.substring(0, k.indexOf('.')) : k);
    }
    assertThat(covered).containsAll(templatesOnDisk);
  }
}
