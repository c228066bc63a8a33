package io.marketdesk.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A buyer answers the real "please confirm" mail about an order, which holds the line {@code 确认完成
 * NO} (a command that changes the order at once), in the style of one mail client each: the quote is
 * never marked with {@code >}, and the quoted command never runs. Driven over SMTP and IMAP against
 * the running app.
 */
class QuotedReplyIT {
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

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"outlook-en", "outlook-fr", "outlook-de-separator", "gmail-phone", "qq-separator",
      "apple-ja", "no-marker-at-all", "hotmail-html", "thunderbird-html"})
  void shouldNeverRunTheCommandInAnUnmarkedQuote(String style) {
    String no = awaitingOrder();
    Mail notice = o.awaitNotices(BUYER, no, 3).get(2);
    assertThat(notice.body()).contains("确认完成 " + no);

    String id = style.endsWith("-html") ? replyHtml(notice, style, no) : t.mail.send(BUYER, OrderTesting.SERVICE,
        "Re: " + notice.subject(), plainReply(style, no, notice), Map.of(), notice);
    Mail reply = t.mail.awaitReplyTo(BUYER, id);

    assertThat(reply.body()).contains("【1】查询订单 " + no).doesNotContain("【2】");
    assertThat(o.order(no).status()).isEqualTo(OrderStatus.AWAITING_CONFIRMATION);
  }

  /**
   * A phone client's multipart reply, not threaded (no In-Reply-To: our own words are unknown), whose
   * text part leaves the original unmarked under an attribution in a language no marker lists: the
   * HTML part's {@code gmail_quote} structure marks it.
   */
  @Test
  void shouldFindTheQuoteOfTheTextPartByTheHtmlPartsStructure() {
    String no = awaitingOrder();
    Mail notice = o.awaitNotices(BUYER, no, 3).get(2);
    String attribution = "28 Kas 2026 Cmt, 10:00 tarihinde MarketDesk şunu yazdı:";
    String text = "查询订单 " + no + "\r\n\r\n" + attribution + "\r\n\r\n" + notice.body().replace("\n", "\r\n");
    String html = "<div dir=\"ltr\">查询订单 " + no + "</div><br><div class=\"gmail_quote\"><div class=\"gmail_attr\">"
        + attribution + "<br></div><blockquote class=\"gmail_quote\">"
        + notice.body().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
        + "</blockquote></div>";
    String id = "multipart." + System.nanoTime() + "@client.test";
    String raw = "From: " + BUYER + "\r\nTo: " + OrderTesting.SERVICE + "\r\nSubject: order " + no
        + "\r\nMessage-ID: <" + id + ">\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=b1\r\n\r\n"
        + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + text + "\r\n"
        + "--b1\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + html + "\r\n"
        + "--b1--\r\n";
    t.mail.sendRaw(BUYER, OrderTesting.SERVICE, raw);

    Mail reply = t.mail.awaitReplyTo(BUYER, id);

    assertThat(reply.body()).contains("【1】查询订单 " + no).doesNotContain("【2】");
    assertThat(o.order(no).status()).isEqualTo(OrderStatus.AWAITING_CONFIRMATION);
  }

  private static String awaitingOrder() {
    String no = o.paidOrder();
    o.command(ALICE, "开始实施 " + no + " 确定");
    o.command(ALICE, "已完成 " + no + " 确定");
    return no;
  }

  private static String plainReply(String style, String no, Mail notice) {
    String live = "查询订单 " + no + "\n\n";
    String original = notice.body();
    switch (style) {
      case "outlook-en":
        return live + "________________________________\nFrom: MarketDesk <market@marketdesk.test>\n"
            + "Sent: Saturday, November 28, 2026 10:00 AM\nTo: buyer@customer.test\nSubject: " + notice.subject()
            + "\n\n" + original;
      case "outlook-fr":
        return live + "De : MarketDesk <market@marketdesk.test>\nEnvoyé le : samedi 28 novembre 2026 10:00\n"
            + "À : buyer@customer.test\nObjet : " + notice.subject() + "\n\n" + original;
      case "outlook-de-separator":
        return live + "-----Ursprüngliche Nachricht-----\n" + original;
      case "gmail-phone":
        return live + "On Sat, Nov 28, 2026 at 10:00 AM MarketDesk <market@marketdesk.test> wrote:\n\n" + original;
      case "qq-separator":
        return live + "------------------ 原始邮件 ------------------\n" + original;
      case "apple-ja":
        return live + "2026/11/28 10:00、MarketDesk <market@marketdesk.test>のメール:\n\n" + original;
      case "no-marker-at-all":
        return live + original;
      default:
        throw new IllegalArgumentException(style);
    }
  }

  private static String replyHtml(Mail notice, String style, String no) {
    String original = notice.body().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>");
    String html = style.equals("hotmail-html")
        ? "<html><body><div>查询订单 " + no + "</div><hr id=\"stopSpelling\">Date: Sat, 28 Nov 2026 10:00:00 +0800<br>"
            + "Subject: order<br>From: market@marketdesk.test<br>To: buyer@customer.test<br><br><div>" + original
            + "</div></body></html>"
        : "<html><body><p>查询订单 " + no + "</p><div class=\"moz-cite-prefix\">On 28/11/2026 10:00, MarketDesk wrote:"
            + "<br></div><blockquote type=\"cite\">" + original + "</blockquote></body></html>";
    String id = style + "." + System.nanoTime() + "@client.test";
    String raw = "From: " + BUYER + "\r\nTo: " + OrderTesting.SERVICE + "\r\nSubject: Re: order " + no
        + "\r\nMessage-ID: <" + id + ">\r\nIn-Reply-To: <" + notice.messageId() + ">\r\nReferences: <"
        + notice.messageId() + ">\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=UTF-8\r\n"
        + "Content-Transfer-Encoding: 8bit\r\n\r\n" + html + "\r\n";
    t.mail.sendRaw(BUYER, OrderTesting.SERVICE, raw);
    return id;
  }
}
