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
  void shouldCheckForMailWhileIdleEveryTenthOfASecondUnlessTold() {
    assertThat(Config.of(Map.of()).idleCheck).isEqualTo(Duration.ofMillis(100));
    Config c = Config.load(null, Map.of("MARKETDESK_MAIL_IDLE_CHECK", "PT0.05S"), Map.of());
    assertThat(c.idleCheck).isEqualTo(Duration.ofMillis(50));
    assertThatThrownBy(() -> Config.of(Map.of("mail.idle-check", "PT0S"))).hasMessageContaining("mail.idle-check");
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

  @Test
  void shouldAllowTheEmbeddedDemoTwoHundredRepliesAnHourAndOthersTwentyUnlessSet() {
    assertThat(Config.of(Map.of()).repliesPerHour).isEqualTo(200);
    Map<String, String> real = Map.of("embedded.mail", "false", "imap.url", "imaps://u:p@imap.example.com/INBOX",
        "smtp.url", "smtps://u:p@smtp.example.com");
    assertThat(Config.of(real).repliesPerHour).isEqualTo(20);
    assertThat(Config.of(Map.of("security.replies-per-hour", "7")).repliesPerHour).isEqualTo(7);
  }

  @Test
  void shouldSayHelloWithTheServiceDomainUnlessTheEhloNameIsSet() {
    assertThat(Config.of(Map.of()).smtpEhloName).isEqualTo("marketdesk.test");
    assertThat(Config.of(Map.of("mail.address", "desk@shop.example.com")).smtpEhloName).isEqualTo("shop.example.com");
    assertThat(Config.of(Map.of("smtp.ehlo-name", "mx1.example.com")).smtpEhloName).isEqualTo("mx1.example.com");
    assertThatThrownBy(() -> Config.of(Map.of("smtp.ehlo-name", "not a host")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("smtp.ehlo-name");
  }

  @Test
  void shouldWarnOfAMisspeltVariableNamingTheNearestKey() {
    Config c = Config.load(null, Map.of("MARKETDESK_SMTP_UR", "smtp://x", "MARKETDESK_SECURITY_REPLIES_PER_HOURS", "5",
        "MARKETDESK_LOG_LEVEL", "DEBUG", "MARKETDESK_TEST_PG_URL", "jdbc:postgresql://x", "PATH", "/bin"), Map.of());
    assertThat(c.warnings).hasSize(2);
    assertThat(c.warnings).anySatisfy(w -> assertThat(w).startsWith("MARKETDESK_SMTP_UR ")
        .contains("MARKETDESK_SMTP_URL (smtp.url)"));
    assertThat(c.warnings).anySatisfy(w -> assertThat(w).startsWith("MARKETDESK_SECURITY_REPLIES_PER_HOURS ")
        .contains("MARKETDESK_SECURITY_REPLIES_PER_HOUR (security.replies-per-hour)"));
    assertThat(c.repliesPerHour).isEqualTo(200);
    assertThat(Config.load(null, Map.of("MARKETDESK_WEB_PORT", "8081"), Map.of()).warnings).isEmpty();
  }
}
