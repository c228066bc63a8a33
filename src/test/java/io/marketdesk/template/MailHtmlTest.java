package io.marketdesk.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.text.Language;
import io.marketdesk.order.OrderMail;
import io.marketdesk.outbox.HtmlPart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The HTML part of every mail kind in every language (the golden models of {@link GoldenMailsTest}):
 * what the Word engine, Gmail and dark mode need, nothing said only in the HTML, every value escaped
 * (docs/mail-design.md). Each part is also written to {@code target/mail-html/LANG/NAME.html} to look at.
 */
class MailHtmlTest {
  static final Path OUT = Path.of("target", "mail-html");
  static final String SERVICE = "market@marketdesk.test";
  private static final Pattern FIGURE = Pattern.compile("[¥￥]?\\d[\\d,.:\\-]*");
  private final Templates templates = new Templates(null);
  private final HtmlPart html = new HtmlPart(templates);

  /** Text and HTML of one mail. */
  record Rendered(String name, Language lang, String subject, String text, String html) {}

  /** Every mail kind in every language, as the mailer renders them (a token on the review mails). */
  static List<Rendered> all(Templates templates) {
    HtmlPart html = new HtmlPart(templates);
    List<Rendered> out = new ArrayList<>();
    for (Language lang : Language.values()) {
      for (Map.Entry<String, Object> e : GoldenMailsTest.models().entrySet()) {
        String template = e.getKey().contains(".") ? e.getKey().substring(0, e.getKey().indexOf('.')) : e.getKey();
        Templates.RenderedMail text = templates.renderMail("mail/" + lang.code() + "/" + template + ".ftl", e.getValue());
        boolean token = template.startsWith("review-") || template.equals("reply");
        String subject = token ? text.subject() + " [MD#k3j9x]" : text.subject();
        String replyTo = token ? "market+k3j9x@marketdesk.test" : SERVICE;
        out.add(new Rendered(e.getKey(), lang, subject, text.body(),
            html.render(lang, template, e.getValue(), subject, text.body(), replyTo)));
      }
    }
    return out;
  }

  static Path write(Rendered r) throws IOException {
    Path file = OUT.resolve(r.lang().code()).resolve(r.name() + ".html");
    Files.createDirectories(file.getParent());
    Files.writeString(file, r.html(), StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void shouldSayNothingInTheHtmlThatTheTextDoesNotSay() throws IOException {
    List<String> missing = new ArrayList<>();
    int figures = 0;
    for (Rendered r : all(templates)) {
      write(r);
      Document d = Jsoup.parse(r.html());
      Matcher m = FIGURE.matcher(d.body().text());
      while (m.find()) {
        String figure = m.group().replaceAll("[.,:\\-]+$", "");
        figures++;
        if (!r.text().contains(figure) && !r.subject().contains(figure)) {
          missing.add(r.lang().code() + "/" + r.name() + ": " + figure);
        }
      }
      for (Element a : d.select("a[href^=mailto:]")) {
        String body = java.net.URLDecoder.decode(a.attr("href").replaceAll("^.*[?&]body=", "").replace("+", "%2B"),
            StandardCharsets.UTF_8).strip();
        String firstWord = body.split(" ")[0];
        if (!r.text().contains(firstWord)) {
          missing.add(r.lang().code() + "/" + r.name() + ": button " + body);
        }
      }
    }
    assertThat(figures).isGreaterThan(300);
    assertThat(missing).as("figures or commands in the HTML that the text part does not have").isEmpty();
  }

  @Test
  void shouldUseOnlyWhatOutlookGmailAndDarkModeShow() {
    for (Rendered r : all(templates)) {
      String where = r.lang().code() + "/" + r.name();
      Document d = Jsoup.parse(r.html());
      assertThat(d.select("script, img, iframe, form, input, link, video, object, embed")).as(where).isEmpty();
      assertThat(r.html()).as(where).doesNotContain("flex").doesNotContain("var(--").doesNotContain("grid")
          .doesNotContain("position:").doesNotContain("url(").contains("<meta name=\"color-scheme\" content=\"light dark\">");
      assertThat(d.select("html").attr("lang")).as(where).isEqualTo(r.lang().code());
      // every element that sets a text colour sets it inline (a client that drops <style> keeps it)
      for (Element e : d.select("[class~=md-]")) {
        assertThat(e.attr("style")).as(where + " " + e.tagName()).isNotEmpty();
      }
      for (Element a : d.select("a")) {
        assertThat(a.attr("href")).as(where).matches("(mailto:|https?://).*");
      }
    }
  }

  @Test
  void shouldShowTheOrdersPlaceOnTheFlowInTheReadersOwnLabels() {
    OrderMail awaiting = order("awaiting_confirmation", "");
    String buyer = render(Language.ZH, "order-awaiting", awaiting);
    Document b = Jsoup.parse(buyer);
    assertThat(b.select(".md-now").first().text()).contains("处理中").contains("当前");
    assertThat(b.text()).contains("待支付").contains("分配完成").contains("申诉中").contains("退款中")
        .doesNotContain("待确认完成（当前）").doesNotContain("实施中");
    assertThat(b.select("a[href^=mailto:]").eachText()).anyMatch(t -> t.contains("确认完成 20261128000123"));
    String provider = render(Language.ZH, "provider-order-paid", order("paid", ""));
    Document p = Jsoup.parse(provider);
    assertThat(p.select(".md-now").first().text()).contains("已支付");
    assertThat(p.text()).contains("✔ 待支付").contains("○ 实施中").contains("○ 待确认完成");
    assertThat(p.select("a[href^=mailto:]").eachText()).anyMatch(t -> t.contains("开始实施 20261128000123"));
    Document disputed = Jsoup.parse(render(Language.EN, "provider-order-appealed", order("disputed", "")));
    assertThat(disputed.select(".md-now").first().text()).contains("(now)");
  }

  @Test
  void shouldEscapeEveryValueFromAPerson() {
    String reason = "<b onmouseover=\"alert(1)\">坏</b> & <script>x()</script>";
    String out = render(Language.ZH, "provider-order-rejected", order("implementing", reason));
    assertThat(out).doesNotContain("<b onmouseover").doesNotContain("<script>")
        .contains("&lt;b onmouseover=&quot;alert(1)&quot;&gt;坏&lt;/b&gt; &amp; &lt;script&gt;");
  }

  @Test
  void shouldFallBackToThePlainLayoutWhenAKindsOwnTemplateFails(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Files.createDirectories(dir.resolve("mail-html"));
    Files.writeString(dir.resolve("mail-html/order.ftlh"), "${mail.m.noSuchThing.atAll}");
    Templates overridden = new Templates(dir.toString());
    OrderMail model = order("awaiting_confirmation", "");
    Templates.RenderedMail text = overridden.renderMail("mail/zh/order-awaiting.ftl", model);
    String out = new HtmlPart(overridden).render(Language.ZH, "order-awaiting", model, text.subject(), text.body(), SERVICE);
    Document d = Jsoup.parse(out);
    assertThat(d.select(".md-now")).isEmpty();
    assertThat(d.select("a[href^=mailto:]").eachText()).contains("✉ 确认完成 20261128000123");
  }

  @Test
  void shouldKeepAPersonsSpacesAndLineBreaksAsWritten() {
    String reason = "报表  打不开，\n  登录后白屏！";
    Document d = Jsoup.parse(render(Language.ZH, "provider-order-rejected", order("implementing", reason)));
    d.outputSettings().prettyPrint(false);
    org.jsoup.nodes.Element p = d.select("p:contains(报表)").first();
    assertThat(p.attr("style")).contains("white-space:pre-wrap");
    assertThat(p.html()).contains("报表  打不开，<br>  登录后白屏！");
  }

  @Test
  void shouldPutTheReviewAnswersOnButtonsThatWriteAReplyToTheTokenAddress() {
    Rendered r = all(templates).stream().filter(x -> x.name().equals("review-request") && x.lang() == Language.ZH)
        .findFirst().orElseThrow();
    Document d = Jsoup.parse(r.html());
    List<String> hrefs = d.select("a[href^=mailto:]").eachAttr("href");
    assertThat(hrefs).hasSize(2);
    assertThat(hrefs.get(0)).startsWith("mailto:market+k3j9x@marketdesk.test?subject=Re%3A%20")
        .contains("%5BMD%23k3j9x%5D").endsWith("&body=%E5%90%8C%E6%84%8F");
    assertThat(hrefs.get(1)).endsWith("&body=%E6%8B%92%E7%BB%9D%20");
    assertThat(d.select("a[href^=mailto:]").eachText()).containsExactly("✉ 同意", "✉ 拒绝（写上理由）");
    Element changes = d.select("th:contains(原值)").first().parent().parent();
    assertThat(changes.text()).contains("订单价格").contains("¥1,000.00").contains("¥880.00");
    assertThat(d.text()).contains("2026-12-04");
  }

  @Test
  void shouldOfferTheAnswersAsButtonsToTheTokenAddressWhenAMailAsksForThem() {
    for (Rendered r : all(templates)) {
      if (r.name().startsWith("review-reminder") || r.name().startsWith("review-overdue")) {
        Document d = Jsoup.parse(r.html());
        assertThat(d.select("a[href^=mailto:]").eachAttr("href")).as(r.name())
            .hasSize(2).allMatch(h -> h.startsWith("mailto:market+k3j9x@marketdesk.test?"));
      }
    }
    for (Language lang : Language.values()) {
      String ask = templates.catalog().text(lang.code(), "confirmations.confirm-or-ask.1", "token", "k3j9x", "toDays", 7);
      io.marketdesk.intake.ReplyModel model = new io.marketdesk.intake.ReplyModel("云帆科技有限公司", "100012345678",
          List.of(new io.marketdesk.intake.ReplyModel.Item(1, "下架商品 P1001", true, "P1001\n" + ask, "", true, false)),
          "", "", List.of(), "k3j9x", "provider", false, "Re: x");
      Templates.RenderedMail text = templates.renderMail("mail/" + lang.code() + "/reply.ftl", model);
      Document d = Jsoup.parse(html.render(lang, "reply", model, "Re: x [MD#k3j9x]", text.body(),
          "market+k3j9x@marketdesk.test"));
      String word = templates.catalog().text(lang.code(), "mail-html.confirm.command");
      assertThat(text.body()).contains(word);
      assertThat(d.select("a[href^=mailto:]").eachText()).as(lang.code()).containsExactly("✉ " + word);
      assertThat(d.select("a[href^=mailto:]").attr("href")).startsWith("mailto:market+k3j9x@marketdesk.test?subject=Re%3A%20x%20%5BMD%23k3j9x%5D&body=");
    }
  }

  @Test
  void shouldReadTheTextIntoParagraphsFactsChangesRowsCommandsAndFooter() {
    String out = html.render(Language.ZH, null, null, "Re: 订单列表", String.join("\n",
        "云帆科技，您好：", "", "您的订单（2 笔）：",
        "· 20261128000123  P1001 运维  ¥1,000.00  实施中  buyer@customer.test  2026-11-28",
        "· 20261128000124  P1002 巡检  ¥80.00  已支付  b2@customer.test  2026-11-29",
        "", "订单号：20261128000123", "金额：¥1,000.00", "", "变更内容：", "· 客服电话：400-800-1234 → 400-800-5678", "",
        "发邮件写", "    订单详情 20261128000123", "",
        "您的商品共 2 个：", "P1001  运维服务  运维托管  ¥1,000.00/月  已上架", "    https://market.example/products/P1001",
        "P1002  SaaS  巡检  ¥80.00/次  审核中", "",
        "1. #13 【逾期】订单改价", "  类型 订单改价，期限 2026-12-04", "", "2. #14 新商品", "  类型 商品，期限 2026-12-05", "",
        "--", "marketdesk · https://market.example/x", ""), SERVICE);
    Document d = Jsoup.parse(out);
    List<Element> tables = d.select("table[style*=border-collapse]");
    assertThat(tables.get(0).select("tr")).hasSize(2);
    assertThat(tables.get(0).select("tr").get(0).select("td").eachText())
        .containsExactly("20261128000123", "P1001 运维", "¥1,000.00", "实施中", "buyer@customer.test", "2026-11-28");
    assertThat(tables.get(1).select("td").eachText()).containsExactly("订单号", "20261128000123", "金额", "¥1,000.00");
    assertThat(tables.get(2).select("td").eachText()).containsExactly("客服电话", "400-800-1234", "400-800-5678");
    assertThat(d.select("a[href^=mailto:]").first().attr("href"))
        .isEqualTo("mailto:market@marketdesk.test?subject=Re%3A%20%E8%AE%A2%E5%8D%95%E5%88%97%E8%A1%A8&body="
            + "%E8%AE%A2%E5%8D%95%E8%AF%A6%E6%83%85%2020261128000123");
    assertThat(d.select("a[href=https://market.example/x]")).hasSize(1);
    assertThat(tables.get(3).select("tr")).hasSize(2);
    assertThat(tables.get(3).select("tr").get(0).select("td").eachText())
        .containsExactly("P1001", "运维服务", "运维托管", "¥1,000.00/月", "已上架 https://market.example/products/P1001");
    assertThat(tables.get(3).select("a").attr("href")).isEqualTo("https://market.example/products/P1001");
    assertThat(tables.get(4).select("tr")).hasSize(2);
    assertThat(tables.get(4).select("tr").get(0).select("td").eachText())
        .containsExactly("1", "#13 【逾期】订单改价 类型 订单改价，期限 2026-12-04");
    assertThat(tables).hasSize(5);
  }

  private String render(Language lang, String template, Object model) {
    Templates.RenderedMail text = templates.renderMail("mail/" + lang.code() + "/" + template + ".ftl", model);
    return html.render(lang, template, model, text.subject(), text.body(), SERVICE);
  }

  private static OrderMail order(String status, String reason) {
    return new OrderMail("20261128000123", "P1001", "云服务器运维托管（月）", "¥1,000.00", status, "buyer@customer.test",
        "云帆科技有限公司", "100012345678", SERVICE, 3, 7, 15, "2026-12-08", false, reason, "", List.of(), false, 1,
        "implementing", 12);
  }

  static Map<String, String> byName(List<Rendered> all, Language lang) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Rendered r : all) {
      if (r.lang() == lang) {
        out.put(r.name(), r.html());
      }
    }
    return out;
  }
}
