package io.marketdesk.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.config.Config.MailUrl;
import io.marketdesk.config.MailTls;
import io.marketdesk.testing.FakeClock;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.junit.jupiter.api.Test;

/** How the sender builds a mail and reads a server's refusal; sending itself is in the ITs. */
class OutboxSenderTest {
  private static final String SERVICE = "market@marketdesk.test";

  private static OutboxSender sender(boolean eightBit) {
    Outbox outbox = new Outbox(null, FakeClock.now(), "marketdesk.test", "test");
    return new OutboxSender(outbox, new MailUrl("smtp", "", "", "127.0.0.1", 25, "", false),
        new OutboxSender.Settings(SERVICE, "marketdesk 云市场", Duration.ofSeconds(1), Duration.ofSeconds(2), 3,
            Duration.ofMinutes(1), 1, "marketdesk.test", eightBit), MailTls.jdkDefault());
  }

  private static Outbox.Row row(String body) {
    return row(body, null);
  }

  private static Outbox.Row row(String body, String html) {
    return new Outbox.Row(1, "md.1@marketdesk.test", "reply", "bob@provider-b.test", SERVICE, "Re: 帮助", body, null,
        null, null, "sending", 0, null, false, "abcdefghijklmnopqrstuvwxyz", html);
  }

  @Test
  void shouldSendTheTextFirstAndTheHtmlSecondAsAlternativesWhenAMailHasHtml() throws Exception {
    String body = "订单 20261128000123 已完成。\n    确认完成 20261128000123\n";
    String html = "<!DOCTYPE html><html><body><p>订单 20261128000123 已完成。</p></body></html>\n";
    MimeMessage read = roundTrip(sender(false).toMime(row(body, html)));
    assertThat(read.isMimeType("multipart/alternative")).isTrue();
    jakarta.mail.Multipart mp = (jakarta.mail.Multipart) read.getContent();
    assertThat(mp.getCount()).isEqualTo(2);
    jakarta.mail.BodyPart text = mp.getBodyPart(0);
    jakarta.mail.BodyPart htmlPart = mp.getBodyPart(1);
    assertThat(text.isMimeType("text/plain")).isTrue();
    assertThat(((jakarta.mail.internet.MimeBodyPart) text).getEncoding()).isEqualTo("quoted-printable");
    assertThat(new ContentType(text.getContentType()).getParameter("charset")).isEqualToIgnoringCase("UTF-8");
    assertThat(((String) text.getContent()).replace("\r\n", "\n")).isEqualTo(body);
    assertThat(htmlPart.isMimeType("text/html")).isTrue();
    assertThat(((jakarta.mail.internet.MimeBodyPart) htmlPart).getEncoding()).isNotEqualTo("base64");
    assertThat(new ContentType(htmlPart.getContentType()).getParameter("charset")).isEqualToIgnoringCase("UTF-8");
    assertThat(((String) htmlPart.getContent()).replace("\r\n", "\n")).isEqualTo(html);
  }

  private static MimeMessage roundTrip(MimeMessage m) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.writeTo(out);
    return new MimeMessage(null, new ByteArrayInputStream(out.toByteArray()));
  }

  @Test
  void shouldSendTheTextQuotedPrintableInUtf8WhenTheServerIsNotKnownToKeepEightBits() throws Exception {
    String body = "您好：\n\n【1】帮助\n✔ 已完成\n";
    MimeMessage m = sender(false).toMime(row(body));
    assertThat(((SMTPMessage) m).getEnvelopeFrom()).isEqualTo("market+b-abcdefghijklmnopqrstuvwxyz@marketdesk.test");
    MimeMessage read = roundTrip(m);
    assertThat(read.getEncoding()).isEqualTo("quoted-printable");
    assertThat(new ContentType(read.getContentType()).getParameter("charset")).isEqualToIgnoringCase("UTF-8");
    assertThat(((String) read.getContent()).replace("\r\n", "\n")).isEqualTo(body);
    assertThat(((InternetAddress) read.getFrom()[0]).getPersonal()).isEqualTo("marketdesk 云市场");
  }

  @Test
  void shouldSendEightBitOnlyWhenEveryLineFitsSmtp() throws Exception {
    assertThat(roundTrip(sender(true).toMime(row("短行\n"))).getEncoding()).isEqualTo("8bit");
    String longLine = "长".repeat(400) + "\n";
    MimeMessage read = roundTrip(sender(true).toMime(row(longLine)));
    assertThat(read.getEncoding()).isEqualTo("quoted-printable");
    assertThat(((String) read.getContent()).replace("\r\n", "\n")).isEqualTo(longLine);
  }

  @Test
  void shouldSendEightBitWhenTheConnectionsServerAnnouncesEightBitMime() throws Exception {
    String body = "您好：\n\n【1】帮助\n✔ 已完成\n";
    String html = "<!DOCTYPE html><html><body><p>您好：</p></body></html>\n";
    MimeMessage read = roundTrip(sender(false).toMime(row(body, html), true));
    jakarta.mail.Multipart mp = (jakarta.mail.Multipart) read.getContent();
    assertThat(((jakarta.mail.internet.MimeBodyPart) mp.getBodyPart(0)).getEncoding()).isEqualTo("8bit");
    assertThat(((jakarta.mail.internet.MimeBodyPart) mp.getBodyPart(1)).getEncoding()).isEqualTo("8bit");
    assertThat(((String) mp.getBodyPart(0).getContent()).replace("\r\n", "\n")).isEqualTo(body);
    assertThat(((String) mp.getBodyPart(1).getContent()).replace("\r\n", "\n")).isEqualTo(html);
    // a line over SMTP's 998 octets stays quoted-printable; 332 characters of 3 bytes fit (996 octets), 333 do not
    assertThat(roundTrip(sender(false).toMime(row("长".repeat(332) + "\n"), true)).getEncoding()).isEqualTo("8bit");
    assertThat(roundTrip(sender(false).toMime(row("长".repeat(333) + "\n"), true)).getEncoding())
        .isEqualTo("quoted-printable");
    assertThat(roundTrip(sender(false).toMime(row("\uD83D\uDE00".repeat(250) + "\n"), true)).getEncoding())
        .isEqualTo("quoted-printable");
    assertThat(roundTrip(sender(false).toMime(row("\uD83D\uDE00".repeat(249) + "\n"), true)).getEncoding())
        .isEqualTo("8bit");
  }

  @Test
  void shouldKeepTheServersWholeAnswerWhenItRefusesARecipient() throws Exception {
    String answer = "550 5.1.1 <nobody@provider-b.test>: Recipient address rejected: User unknown in virtual mailbox table";
    SendFailedException e = new SendFailedException("Invalid Addresses",
        new SMTPAddressFailedException(new InternetAddress("nobody@provider-b.test"), "RCPT TO:<nobody@provider-b.test>",
            550, answer + "\n"));
    assertThat(OutboxSender.serverAnswer(e)).isEqualTo(answer);
  }
}
