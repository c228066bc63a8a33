package io.marketdesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.config.Config.MailUrl;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The connection properties the mailbox and the outbox share, keyed by the protocol the URL names. */
class MailConnectionTest {
  @Test
  void shouldKeyImplicitTlsUnderTheSecureProtocolAndLeaveStartTlsOff() {
    MailUrl url = new MailUrl("imaps", "market", "pw", "mail.example.test", 993, "/INBOX", false);
    Properties p = MailConnection.properties("imap", url, MailTls.jdkDefault(), 70_000);
    assertThat(MailConnection.protocol("imap", url)).isEqualTo("imaps");
    assertThat(p.getProperty("mail.imaps.host")).isEqualTo("mail.example.test");
    assertThat(p.getProperty("mail.imaps.port")).isEqualTo("993");
    assertThat(p.getProperty("mail.imaps.timeout")).isEqualTo("70000");
    assertThat(p.getProperty("mail.imaps.connectiontimeout")).isEqualTo("10000");
    assertThat(p.getProperty("mail.imaps.writetimeout")).isEqualTo("30000");
    assertThat(p.get("mail.imaps.socketFactory")).isNotNull();
    assertThat(p.getProperty("mail.imap.starttls.required")).isNull();
  }

  @Test
  void shouldRequireStartTlsUnderThePlainProtocolWhenTheUrlAsksForIt() {
    MailUrl url = new MailUrl("smtp", "market", "pw", "mail.example.test", 587, "", true);
    Properties p = MailConnection.properties("smtp", url, MailTls.jdkDefault(), 30_000);
    assertThat(MailConnection.protocol("smtp", url)).isEqualTo("smtp");
    assertThat(p.getProperty("mail.smtp.host")).isEqualTo("mail.example.test");
    assertThat(p.getProperty("mail.smtp.starttls.enable")).isEqualTo("true");
    assertThat(p.getProperty("mail.smtp.starttls.required")).isEqualTo("true");
  }
}
