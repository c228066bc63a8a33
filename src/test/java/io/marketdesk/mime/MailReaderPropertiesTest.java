package io.marketdesk.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random and adversarial mails for {@link MailReader}: a mail is read or refused with {@link
 * MailFormatException} (which names a reason), never another exception, within a time budget; and
 * the sender and subject of any mail with a readable header can be read for the reply.
 */
class MailReaderPropertiesTest {
  static final Duration BUDGET = Duration.ofSeconds(2);
  private final MailReader reader = new MailReader(MailReader.Limits.defaults());

  @Property(tries = 300)
  void shouldReadOrRefuseWhenTheMailIsRandom(@ForAll("mails") byte[] raw) {
    long start = System.nanoTime();
    try {
      ParsedMail mail = reader.read(new ByteArrayInputStream(raw));
      assertThat(mail).isNotNull();
    } catch (MailFormatException e) {
      assertThat(e.reason()).isNotNull();
    }
    MailReader.Envelope envelope = MailReader.envelope(raw);
    assertThat(envelope).isNotNull();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BUDGET);
  }

  @Property(tries = 30)
  void shouldReadTheSenderAndSubjectWhenTheRestIsOverALimit(@ForAll("overLimit") String rest) {
    String raw = "From: Alice <alice@cloud.test>\r\nMessage-ID: <m1@cloud.test>\r\n"
        + "Subject: =?UTF-8?B?5biu5Yqp?= hello\r\n" + rest;
    MailReader.Envelope envelope = MailReader.envelope(raw.getBytes(StandardCharsets.UTF_8));
    assertThat(envelope.from()).isEqualTo("alice@cloud.test");
    assertThat(envelope.subject()).isEqualTo("帮助 hello");
    assertThat(envelope.messageId()).isEqualTo("m1@cloud.test");
  }

  @Provide
  Arbitrary<byte[]> mails() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(80),
        Arbitraries.of("From: a@b.test\r\n", "Subject: x\r\n", "Content-Type: multipart/mixed; boundary=b\r\n", "--b\r\n",
            "--b--\r\n", "\r\n", "Content-Transfer-Encoding: base64\r\n", "=?UTF-8?B?5biu?=", "MIME-Version: 1.0\r\n",
            "Content-Type: text/plain; charset=gb2312\r\n", "\u0000", "X: " + "y".repeat(200) + "\r\n"));
    return piece.list().ofMaxSize(60).map(l -> String.join("", l).getBytes(StandardCharsets.UTF_8));
  }

  @Provide
  Arbitrary<String> overLimit() {
    return Arbitraries.of(
        "X-Junk: " + "y".repeat(220_000) + "\r\n\r\nbody\r\n",
        "X-Field: v\r\n".repeat(2_000) + "\r\nbody\r\n",
        "To: " + "r@cloud.test, ".repeat(5_000) + "\r\n\r\nbody\r\n",
        "Content-Type: multipart/mixed; boundary=bb\r\n\r\n" + "--bb\r\nContent-Type: text/plain\r\n\r\nhelp\r\n".repeat(500));
  }
}
