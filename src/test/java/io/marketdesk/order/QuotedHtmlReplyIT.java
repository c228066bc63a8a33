package io.marketdesk.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import jakarta.mail.Multipart;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A buyer answers our "please confirm" mail with an HTML-only reply that quotes our own HTML part,
 * buttons and all — one of which writes {@code 确认完成 NO}, a command that changes the order at once —
 * with their own command above it: only their own command runs (docs/mail-design.md).
 */
class QuotedHtmlReplyIT {
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
  @ValueSource(strings = {"thunderbird-blockquote", "gmail-quote", "outlook-divRplyFwdMsg", "pasted-without-any-marker",
      "pasted-unthreaded"})
  void shouldRunOnlyThePersonsOwnCommandAboveAQuoteOfOurHtmlWithItsButtons(String style) throws Exception {
    String no = o.paidOrder();
    o.command(ALICE, "开始实施 " + no + " 确定");
    o.command(ALICE, "已完成 " + no + " 确定");
    Mail notice = o.awaitNotices(BUYER, no, 3).get(2);
    String ours = htmlPart(notice);
    assertThat(Jsoup.parse(ours).select("a[href^=mailto:]").eachText()).contains("✉ 确认完成 " + no);
    String quoted = Jsoup.parse(ours).body().html();

    String live = "<div>查询订单 " + no + "</div><div><br></div>";
    String html;
    switch (style) {
      case "thunderbird-blockquote":
        html = live + "<div class=\"moz-cite-prefix\">On 28/11/2026 10:00, MarketDesk wrote:<br></div>"
            + "<blockquote type=\"cite\">" + quoted + "</blockquote>";
        break;
      case "gmail-quote":
        html = live + "<div class=\"gmail_quote\"><div class=\"gmail_attr\">MarketDesk &lt;market@marketdesk.test&gt; "
            + "于2026年11月28日周六 10:00写道：<br></div><blockquote class=\"gmail_quote\">" + quoted + "</blockquote></div>";
        break;
      case "outlook-divRplyFwdMsg":
        html = live + "<hr style=\"display:inline-block;width:98%\"><div id=\"divRplyFwdMsg\"><b>From:</b> MarketDesk<br>"
            + "<b>Subject:</b> " + notice.subject() + "</div>" + quoted;
        break;
      default:
        html = live + quoted;
    }
    String id = style + "." + System.nanoTime() + "@client.test";
    // unthreaded: our own words are unknown, the buttons' lines must still not read as commands
    String thread = style.endsWith("unthreaded") ? ""
        : "In-Reply-To: <" + notice.messageId() + ">\r\nReferences: <" + notice.messageId() + ">\r\n";
    String raw = "From: " + BUYER + "\r\nTo: " + OrderTesting.SERVICE + "\r\nSubject: Re: order " + no
        + "\r\nMessage-ID: <" + id + ">\r\n" + thread + "MIME-Version: 1.0\r\nContent-Type: text/html; charset=UTF-8\r\n"
        + "Content-Transfer-Encoding: 8bit\r\n\r\n<html><body>" + html + "</body></html>\r\n";
    t.mail.sendRaw(BUYER, OrderTesting.SERVICE, raw);

    Mail reply = t.mail.awaitReplyTo(BUYER, id);

    assertThat(reply.body()).contains("【1】查询订单 " + no).doesNotContain("【2】");
    assertThat(o.order(no).status()).isEqualTo(OrderStatus.AWAITING_CONFIRMATION);
  }

  private static String htmlPart(Mail mail) throws Exception {
    Multipart mp = (Multipart) mail.raw().getContent();
    assertThat(mp.getBodyPart(0).isMimeType("text/plain")).isTrue();
    assertThat(mp.getBodyPart(1).isMimeType("text/html")).isTrue();
    return (String) mp.getBodyPart(1).getContent();
  }
}
