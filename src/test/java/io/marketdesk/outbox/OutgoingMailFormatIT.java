package io.marketdesk.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.TestApp;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every kind of mail marketdesk sends, as it arrives at a real SMTP server and as Jakarta Mail reads
 * it: text parts in UTF-8, 8bit or quoted-printable, never base64 (curl and raw views show them as
 * written); attachments as they were; the From display name as configured.
 */
@Timeout(120)
class OutgoingMailFormatIT {
  static final String SERVICE = "market@marketdesk.test";

  private static List<MimeMessage> ours(TestApp t) throws Exception {
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : t.mailServer.greenMail().getReceivedMessages()) {
      if (m.getHeader("X-Marketdesk-Kind") != null) {
        out.add(m);
      }
    }
    return out;
  }

  private static Set<String> kinds(TestApp t) throws Exception {
    Set<String> kinds = new HashSet<>();
    for (MimeMessage m : ours(t)) {
      kinds.add(m.getHeader("X-Marketdesk-Kind", null));
    }
    return kinds;
  }

  @Test
  void shouldSendEveryTextPartAsUtf8EightBitOrQuotedPrintableAndAttachmentsAsTheyWere() throws Exception {
    try (TestApp t = TestApp.start(Map.of("security.replies-per-hour", "1"))) {
      t.mail.send(DemoData.ALICE, SERVICE, "格式", "帮助");
      t.mail.send(DemoData.ALICE, SERVICE, "格式 2", "帮助");
      t.mail.send("stranger@elsewhere.test", SERVICE, "hello", "帮助");
      byte[] pdf = new byte[3000];
      for (int i = 0; i < pdf.length; i++) {
        pdf[i] = (byte) (i * 31);
      }
      t.app.db().jdbi().useTransaction(h -> t.app.outbox().enqueue(h, t.app.core().shared().mailer().mail("notice", DemoData.BOB,
          new io.marketdesk.template.Templates.RenderedMail("需求表 requirement form", "附件是需求表。\nThe form is attached.\n"),
          null, null, List.of(), List.of(new OutgoingMail.FileAttachment("需求表.pdf", "application/pdf", pdf))), null));
      t.app.outbox().wake();
      Awaitility.await().atMost(Duration.ofSeconds(30))
          .until(() -> kinds(t).containsAll(List.of("reply", "held", "unregistered", "notice"))
              && ours(t).stream().anyMatch(OutgoingMailFormatIT::hasAttachment));

      int textParts = 0;
      for (MimeMessage m : ours(t)) {
        String kind = m.getHeader("X-Marketdesk-Kind", null);
        InternetAddress from = (InternetAddress) m.getFrom()[0];
        assertThat(from.getPersonal()).as(kind).isEqualTo(t.app.config().mailFromName);
        assertThat(from.getAddress()).isEqualTo(SERVICE);
        for (MimePart p : leaves(m)) {
          if (Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
            assertThat(p.getInputStream().readAllBytes()).isEqualTo(pdf);
            continue;
          }
          assertThat(new ContentType(p.getContentType()).getParameter("charset")).as(kind).isEqualToIgnoringCase("UTF-8");
          if (p.isMimeType("text/html")) {
            assertThat(p.getEncoding()).as(kind).isIn("8bit", "quoted-printable");
            continue;
          }
          textParts++;
          assertThat(p.isMimeType("text/plain")).as(kind).isTrue();
          // the embedded server keeps 8-bit bytes, so the demo's mails are readable as they are
          assertThat(p.getEncoding()).as(kind).isEqualTo("8bit");
        }
        // the text first, the HTML beside it (docs/mail-design.md), the files after both
        List<MimePart> leaves = leaves(m);
        assertThat(leaves.get(0).isMimeType("text/plain")).as(kind).isTrue();
        assertThat(leaves.get(1).isMimeType("text/html")).as(kind).isTrue();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        m.writeTo(raw);
        String text = raw.toString(StandardCharsets.UTF_8);
        if (kind.equals("reply")) {
          assertThat(text).contains("帮助");
        }
      }
      assertThat(textParts).isGreaterThanOrEqualTo(5);
    }
  }

  private static boolean hasAttachment(MimeMessage m) {
    try {
      return leaves(m).stream().anyMatch(p -> {
        try {
          return Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition());
        } catch (Exception e) {
          return false;
        }
      });
    } catch (Exception e) {
      return false;
    }
  }

  private static List<MimePart> leaves(MimePart p) throws Exception {
    List<MimePart> out = new ArrayList<>();
    Object content = p.getContent();
    if (content instanceof Multipart) {
      Multipart mp = (Multipart) content;
      for (int i = 0; i < mp.getCount(); i++) {
        BodyPart b = mp.getBodyPart(i);
        out.addAll(leaves((MimePart) b));
      }
    } else {
      out.add(p);
    }
    return out;
  }
}
