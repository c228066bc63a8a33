package io.marketdesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Map;
import java.util.Properties;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailTlsTest {
  private static Path ca(Path dir) throws Exception {
    Path pem = dir.resolve("ca.pem");
    try (InputStream in = MailTlsTest.class.getResourceAsStream("/tls/test-ca.pem")) {
      Files.write(pem, in.readAllBytes());
    }
    return pem;
  }

  @Test
  void shouldTrustTheCasOfAPemFileAndSetJakartaMailsProperties(@TempDir Path dir) throws Exception {
    MailTls tls = MailTls.of(ca(dir).toString(), "");
    Properties p = new Properties();
    tls.apply(p, "imaps");
    assertThat(p.get("mail.imaps.ssl.socketFactory")).isSameAs(tls.socketFactory());
    assertThat(p.getProperty("mail.imaps.ssl.checkserveridentity")).isEqualTo("true");
    assertThat(p.getProperty("mail.imaps.socketFactory.fallback")).isEqualTo("false");
    assertThat(tls.source()).endsWith("ca.pem");
  }

  @Test
  void shouldReadAPkcs12TrustStoreWithItsPassword(@TempDir Path dir) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    try (InputStream in = Files.newInputStream(ca(dir))) {
      ks.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    Path store = dir.resolve("trust.p12");
    try (OutputStream out = Files.newOutputStream(store)) {
      ks.store(out, "changeit".toCharArray());
    }
    assertThat(MailTls.of(store.toString(), "changeit").source()).endsWith("trust.p12");
  }

  @Test
  void shouldUseTheJdksTrustStoreWhenNoneIsSet() {
    assertThat(MailTls.of("", "").source()).isEqualTo("the JDK's trust store");
    assertThat(Config.of(Map.of()).mailTls.source()).isEqualTo("the JDK's trust store");
  }

  @Test
  void shouldReportAnUnreadableTrustStoreAsAConfigurationError(@TempDir Path dir) throws Exception {
    Path junk = dir.resolve("junk.pem");
    Files.writeString(junk, "not a certificate");
    assertThatThrownBy(() -> Config.of(Map.of("mail.trust-store", junk.toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("mail.trust-store (MARKETDESK_MAIL_TRUST_STORE)");
    assertThatThrownBy(() -> Config.of(Map.of("mail.trust-store", dir.resolve("missing.pem").toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("missing.pem");
  }

  @Test
  void shouldNameACertificateRefusalAndNothingElse() {
    MessagingException refused = new MessagingException("Couldn't connect",
        new SSLHandshakeException("PKIX path building failed"));
    assertThat(MailTls.refusal(refused, "imap.example.com:993")).hasValueSatisfying(line -> assertThat(line)
        .startsWith("TLS certificate of imap.example.com:993 refused (SSLHandshakeException: PKIX path building failed)")
        .contains("mail.trust-store"));
    assertThat(MailTls.refusal(new MessagingException("Connection refused"), "imap.example.com:993")).isEmpty();
  }
}
