package io.marketdesk.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each reading limit is refused with its own reason, and the envelope is still read. */
class MailReaderLimitsTest {
  private final MailReader reader = new MailReader(MailReader.Limits.defaults());

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource({
    "huge-header, LINE_TOO_LONG",
    "folded-header, HEADER_TOO_LONG",
    "many-header-fields, TOO_MANY_HEADER_FIELDS",
    "many-recipients, HEADER_TOO_LONG",
    "many-parts, TOO_MANY_PARTS",
  })
  void shouldNameTheLimitWhenAMailIsOverIt(String kind, MailFormatException.Reason reason) {
    byte[] raw = mail(kind).getBytes(StandardCharsets.UTF_8);
    MailFormatException e = catchThrowableOfType(MailFormatException.class,
        () -> reader.read(new ByteArrayInputStream(raw)));
    assertThat(e).as(kind).isNotNull();
    assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
    MailReader.Envelope env = MailReader.envelope(raw);
    assertThat(env.from()).isEqualTo("alice@provider-a.test");
    assertThat(env.subject()).isEqualTo(kind);
    assertThat(env.messageId()).isEqualTo("m@client.test");
  }

  static String mail(String kind) {
    String head = "From: alice@provider-a.test\r\nTo: market@marketdesk.test\r\nMessage-ID: <m@client.test>\r\n"
        + "MIME-Version: 1.0\r\nSubject: " + kind + "\r\n";
    switch (kind) {
      case "huge-header":
        return head + "X-Junk: " + "y".repeat(220 * 1024) + "\r\nContent-Type: text/plain\r\n\r\nhelp\r\n";
      case "folded-header":
        return head + "X-Junk: " + "y".repeat(1000 - 2).concat("\r\n ").repeat(220) + "\r\nContent-Type: text/plain\r\n\r\nhelp\r\n";
      case "many-header-fields":
        return head + "X-Field: v\r\n".repeat(2_000) + "Content-Type: text/plain\r\n\r\nhelp\r\n";
      case "many-recipients":
        return head + "Cc: " + "r@cloud.test,\r\n ".repeat(5_000) + "r@cloud.test\r\nContent-Type: text/plain\r\n\r\nhelp\r\n";
      case "many-parts":
        return head + "Content-Type: multipart/mixed; boundary=bb\r\n\r\n"
            + "--bb\r\nContent-Type: text/plain\r\n\r\nhelp\r\n".repeat(500) + "--bb--\r\n";
      default:
        throw new IllegalArgumentException(kind);
    }
  }
}
