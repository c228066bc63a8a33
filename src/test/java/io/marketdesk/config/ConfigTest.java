package io.marketdesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
  @Test
  void shouldStartFromTheBundledDefaults() {
    Config c = Config.of(Map.of());
    assertThat(c.mailAddress).isEqualTo("market@marketdesk.test");
    assertThat(c.embeddedMail).isTrue();
    assertThat(c.demoData).isTrue();
    assertThat(c.apiToken).isEqualTo("demo-token");
    assertThat(c.webPort).isEqualTo(7070);
    assertThat(c.pollInterval).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.tokenAddress("abc")).isEqualTo("market+abc@marketdesk.test");
  }

  @Test
  void shouldNameEveryKeysEnvironmentVariable() {
    assertThat(Config.envName("security.replies-per-hour")).isEqualTo("MARKETDESK_SECURITY_REPLIES_PER_HOUR");
    assertThat(Config.envName("imap.url")).isEqualTo("MARKETDESK_IMAP_URL");
    assertThat(Config.envName("embedded.mail")).isEqualTo("MARKETDESK_EMBEDDED_MAIL");
    assertThat(Config.envName("demo.data")).isEqualTo("MARKETDESK_DEMO_DATA");
    assertThat(Config.envName("db.url")).isEqualTo("MARKETDESK_DB_URL");
    assertThat(Config.envName("mail.address")).isEqualTo("MARKETDESK_MAIL_ADDRESS");
  }

  @Test
  void shouldLetTheEnvironmentWinOverTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("my.properties");
    Files.writeString(file, "security.replies-per-hour=7\nweb.port=8080\n");
    Config c = Config.load(file, Map.of("MARKETDESK_SECURITY_REPLIES_PER_HOUR", "9", "PATH", "/bin"), Map.of());
    assertThat(c.repliesPerHour).isEqualTo(9);
    assertThat(c.webPort).isEqualTo(8080);
  }

  @Test
  void shouldReadRealMailServersFromTheEnvironment() {
    Config c = Config.load(null, Map.of(
        "MARKETDESK_EMBEDDED_MAIL", "false",
        "MARKETDESK_IMAP_URL", "imaps://desk%40example.com:s3cr%2Ft@imap.example.com/INBOX",
        "MARKETDESK_SMTP_URL", "smtp://desk%40example.com:pw@smtp.example.com:587?starttls=true",
        "MARKETDESK_DB_URL", "jdbc:postgresql://db/marketdesk",
        "MARKETDESK_MAIL_ADDRESS", "desk@example.com",
        "MARKETDESK_DEMO_DATA", "false"), Map.of());
    assertThat(c.imapUrl.host()).isEqualTo("imap.example.com");
    assertThat(c.imapUrl.port()).isEqualTo(993);
    assertThat(c.imapUrl.user()).isEqualTo("desk@example.com");
    assertThat(c.imapUrl.password()).isEqualTo("s3cr/t");
    assertThat(c.imapUrl.toString()).doesNotContain("s3cr");
    assertThat(c.smtpUrl.startTls()).isTrue();
    assertThat(c.smtpUrl.port()).isEqualTo(587);
    assertThat(c.demoData).isFalse();
    assertThat(c.apiToken).isEmpty();
    assertThat(c.unauthenticated).isEqualTo(Config.Unauthenticated.CONFIRM);
  }

  @Test
  void shouldTrustOnlyTheEmbeddedDemoByDefault() {
    assertThat(Config.of(Map.of()).unauthenticated).isEqualTo(Config.Unauthenticated.TRUST);
    assertThat(Config.of(Map.of("security.authserv-id", "mx.example.com")).unauthenticated)
        .isEqualTo(Config.Unauthenticated.CONFIRM);
    assertThat(Config.of(Map.of("security.unauthenticated", "Refuse")).unauthenticated)
        .isEqualTo(Config.Unauthenticated.REFUSE);
    assertThat(Config.of(Map.of()).unregisteredReplyNever).isFalse();
    assertThatThrownBy(() -> Config.of(Map.of("security.unauthenticated", "maybe", "security.unregistered-reply", "always")))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(2));
  }

  @Test
  void shouldReportEveryBadKeyAtOnce() {
    assertThatThrownBy(() -> Config.load(null, Map.of(
        "MARKETDESK_WEB_PORT", "seventy",
        "MARKETDESK_MAIL_POLL_INTERVAL", "soon",
        "MARKETDESK_EMBEDDED_MAIL", "false",
        "MARKETDESK_NO_SUCH_KEY", "1"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(4)
            .noneMatch(p -> p.contains("MARKETDESK_NO_SUCH_KEY")));
    assertThatThrownBy(() -> Config.load(null, Map.of(
        "MARKETDESK_WEB_PORT", "seventy",
        "MARKETDESK_MAIL_POLL_INTERVAL", "soon",
        "MARKETDESK_EMBEDDED_MAIL", "false"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).problems())
            .anyMatch(p -> p.startsWith("web.port"))
            .anyMatch(p -> p.startsWith("mail.poll-interval"))
            .anyMatch(p -> p.startsWith("imap.url"))
            .anyMatch(p -> p.startsWith("smtp.url")));
  }
}
