package io.marketdesk.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.text.Language;
import io.marketdesk.outbox.Mailer;
import io.marketdesk.testing.MailClient;
import io.marketdesk.testing.TestApp;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every mail kind in every language (the golden models of {@link GoldenMailsTest}), queued by the
 * real mailer, sent by the real outbox sender to the embedded SMTP server and read back with Jakarta
 * Mail: {@code multipart/alternative}, the text first, no part in base64, UTF-8; and the text part
 * holds every figure (order numbers, amounts, dates, IDs) and every button's command of the HTML part
 * (docs/mail-design.md).
 */
@Timeout(180)
class EveryMailKindIT {
  private static final String READER = "html-reader@customer.test";
  private static final Pattern FIGURE = Pattern.compile("[¥￥]?\\d[\\d,.:\\-]*");

  @Test
  void shouldSendEveryMailKindAsTextFirstThenHtmlWithEveryFactOfTheHtmlInTheText() throws Exception {
    try (TestApp t = TestApp.start()) {
      Mailer mailer = t.app.core().shared().mailer();
      Map<String, Object> models = GoldenMailsTest.models();
      int expected = 0;
      for (Language lang : Language.values()) {
        for (Map.Entry<String, Object> e : models.entrySet()) {
          String template = e.getKey().contains(".") ? e.getKey().substring(0, e.getKey().indexOf('.')) : e.getKey();
          String token = template.startsWith("review-") ? "tok" + expected : null;
          t.app.db().jdbi().useTransaction(h -> mailer.send(h, lang, READER, template, e.getValue(), token, null));
          expected++;
        }
      }
      t.app.outbox().wake();
      int all = expected;
      Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> ours(t).size() >= all);

      List<String> problems = new ArrayList<>();
      int figures = 0;
      for (MimeMessage m : ours(t)) {
        String subject = m.getSubject();
        if (!m.isMimeType("multipart/alternative")) {
          problems.add(subject + ": " + m.getContentType());
          continue;
        }
        Multipart mp = (Multipart) m.getContent();
        assertThat(mp.getCount()).as(subject).isEqualTo(2);
        BodyPart text = mp.getBodyPart(0);
        BodyPart html = mp.getBodyPart(1);
        assertThat(text.isMimeType("text/plain")).as(subject).isTrue();
        assertThat(html.isMimeType("text/html")).as(subject).isTrue();
        for (BodyPart p : List.of(text, html)) {
          assertThat(new ContentType(p.getContentType()).getParameter("charset")).as(subject).isEqualToIgnoringCase("UTF-8");
          assertThat(((MimeBodyPart) p).getEncoding()).as(subject).isIn("8bit", "quoted-printable");
        }
        String plain = (String) text.getContent();
        Document d = Jsoup.parse((String) html.getContent());
        Matcher f = FIGURE.matcher(d.body().text());
        while (f.find()) {
          String figure = f.group().replaceAll("[.,:\\-]+$", "");
          figures++;
          if (!plain.contains(figure) && !subject.contains(figure)) {
            problems.add(subject + ": " + figure + " only in the HTML");
          }
        }
        for (Element a : d.select("a[href^=mailto:]")) {
          String href = a.attr("href");
          String body = URLDecoder.decode(href.substring(href.indexOf("&body=") + 6).replace("+", "%2B"),
              StandardCharsets.UTF_8).strip();
          if (!plain.contains(body.split(" ")[0])) {
            problems.add(subject + ": the button " + body + " is not in the text");
          }
          String to = href.substring("mailto:".length(), href.indexOf('?'));
          assertThat(to).as(subject).isEqualTo(m.getReplyTo()[0].toString());
        }
      }
      assertThat(figures).isGreaterThan(300);
      assertThat(problems).isEmpty();
    }
  }

  @Test
  void shouldShowTheListsOfTheDemoAsTablesInTheHtmlOfTheReply() throws Exception {
    try (TestApp t = TestApp.start()) {
      String service = t.app.config().mailAddress;
      Map<String, String> lists = Map.of(DemoData.ALICE, "订单列表", DemoData.BOB, "products", DemoData.OPERATOR, "待审核");
      for (Map.Entry<String, String> e : lists.entrySet()) {
        String id = t.mail.send(e.getKey(), service, "list", e.getValue());
        MailClient.Mail reply = t.mail.awaitReplyTo(e.getKey(), id);
        Multipart mp = (Multipart) reply.raw().getContent();
        String plain = (String) mp.getBodyPart(0).getContent();
        String html = (String) mp.getBodyPart(1).getContent();
        java.nio.file.Path file = MailHtmlTest.OUT.resolve("replies").resolve(e.getValue() + ".html");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, html, StandardCharsets.UTF_8);
        try (java.io.OutputStream raw = java.nio.file.Files.newOutputStream(
            file.resolveSibling(e.getValue() + ".eml"))) {
          reply.raw().writeTo(raw);
        }
        Document d = Jsoup.parse(html);
        List<Element> rows = d.select("table[style*=border-collapse] tr");
        assertThat(rows).as(e.getValue()).hasSizeGreaterThanOrEqualTo(2);
        for (Element row : rows) {
          String first = row.select("td").first() == null ? "" : row.select("td").first().text();
          assertThat(plain).as(e.getValue()).contains(first);
        }
        Matcher f = FIGURE.matcher(d.body().text());
        while (f.find()) {
          assertThat(plain + reply.subject()).as(e.getValue()).contains(f.group().replaceAll("[.,:\\-]+$", ""));
        }
      }
    }
  }

  private static List<MimeMessage> ours(TestApp t) throws Exception {
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : t.mailServer.greenMail().getReceivedMessages()) {
      if (m.getAllRecipients() != null && m.getAllRecipients()[0].toString().equals(READER)) {
        out.add(m);
      }
    }
    return out;
  }
}
