package io.marketdesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.config.Config.MailUrl;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The connection properties the mailbox and the outbox share, keyed by the protocol the URL names. */
class MailConnectionTest {
  private static final String HOST = "mail.example.test";

  @Test
  void shouldKeyImplicitTlsUnderTheSecureProtocolAndStartTlsUnderThePlainOne() {
    MailUrl imaps = new MailUrl("imaps", "market", "pw", HOST, 993, "/INBOX", false);
    Properties p = MailConnection.properties("imap", imaps, MailTls.jdkDefault(), 70_000);
    assertThat(MailConnection.protocol("imap", imaps)).isEqualTo("imaps");
    assertThat(p.getProperty("mail.imaps.host")).isEqualTo(HOST);
    assertThat(p.getProperty("mail.imaps.port")).isEqualTo("993");
    assertThat(p.getProperty("mail.imaps.timeout")).isEqualTo("70000");
    assertThat(p.getProperty("mail.imaps.connectiontimeout")).isEqualTo("10000");
    assertThat(p.getProperty("mail.imaps.writetimeout")).isEqualTo("30000");
    assertThat(p.get("mail.imaps.socketFactory")).isNotNull();
    assertThat(p.getProperty("mail.imap.starttls.required")).isNull();

    MailUrl submission = new MailUrl("smtp", "market", "pw", HOST, 587, "", true);
    Properties s = MailConnection.properties("smtp", submission, MailTls.jdkDefault(), 30_000);
    assertThat(MailConnection.protocol("smtp", submission)).isEqualTo("smtp");
    assertThat(s.getProperty("mail.smtp.port")).isEqualTo("587");
    assertThat(s.getProperty("mail.smtp.starttls.enable")).isEqualTo("true");
    assertThat(s.getProperty("mail.smtp.starttls.required")).isEqualTo("true");
  }
}
