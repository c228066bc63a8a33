package io.marketdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The RFC 8601 parser and the sender check on golden headers as four real receiving servers write
 * them, and on the ways a header has been used to fool a regex.
 */
class AuthenticationResultsTest {
  static final String MX = "mx.marketdesk.test";
  static final SenderAuthentication OURS = new SenderAuthentication(MX);

  /** Postfix with OpenDKIM (signature details) and policyd-spf, each milter its own header, folded with tabs. */
  static final List<String> POSTFIX_OPENDKIM = List.of(
      MX + ";\r\n\tdkim=pass (2048-bit key; unprotected) header.d=provider-a.test header.i=@provider-a.test"
          + " header.a=rsa-sha256 header.s=mail header.b=Qx1bC2dE;\r\n\tdkim-atps=neutral",
      MX + "; spf=pass (sender SPF authorized) smtp.mailfrom=provider-a.test"
          + " (client-ip=203.0.113.5; helo=mail.provider-a.test; envelope-from=alice@provider-a.test)");

  /** Gmail: header.i instead of header.d, base64 with '+' and '/' in header.b, comments with colons. */
  static final String GMAIL = "mx.google.com;\r\n       dkim=pass header.i=@provider-a.test header.s=20230601"
      + " header.b=Ab3+/xYz;\r\n       spf=pass (google.com: domain of alice@provider-a.test designates 203.0.113.5 as"
      + " permitted sender) smtp.mailfrom=alice@provider-a.test;\r\n       dmarc=pass (p=NONE sp=NONE dis=NONE)"
      + " header.from=provider-a.test";

  /** Exchange Online: no authserv-id at all, ';' without a space, reason= and action= that are not properties. */
  static final String EXCHANGE_ONLINE = "spf=pass (sender IP is 40.107.22.51)\r\n smtp.mailfrom=provider-a.test; dkim=pass"
      + " (signature was verified)\r\n header.d=provider-a.test;dmarc=pass action=none\r\n header.from=provider-a.test;"
      + "compauth=pass reason=100";

  /**
   * Tencent Exmail (腾讯企业邮), in the shape its inbound servers use: a version-less id and short
   * clauses. Reconstructed from its documented fields, not captured from a live server.
   */
  static final String TENCENT_EXMAIL = "mx.exmail.qq.com; dkim=pass header.d=provider-a.test header.s=s1;"
      + " spf=pass smtp.mailfrom=alice@provider-a.test; dmarc=pass header.from=provider-a.test";

  @Test
  void shouldReadPostfixAndOpenDkimHeaders() {
    AuthenticationResults ar = AuthenticationResults.parse(POSTFIX_OPENDKIM.get(0));
    assertThat(ar.authservId()).isEqualTo(MX);
    assertThat(ar.results()).extracting(AuthenticationResults.Result::method).containsExactly("dkim", "dkim-atps");
    assertThat(ar.results().get(0).property("header.d")).contains("provider-a.test");
    assertThat(ar.results().get(0).property("header.b")).contains("Qx1bC2dE");
    assertThat(OURS.authenticated("alice@provider-a.test", POSTFIX_OPENDKIM)).isTrue();
    assertThat(OURS.authenticated("alice@provider-a.test", List.of(POSTFIX_OPENDKIM.get(1)))).isTrue();
    assertThat(OURS.authenticated("mallory@provider-b.test", POSTFIX_OPENDKIM)).isFalse();
  }

  @Test
  void shouldReadGmailHeaders() {
    AuthenticationResults ar = AuthenticationResults.parse(GMAIL);
    assertThat(ar.authservId()).isEqualTo("mx.google.com");
    assertThat(ar.results()).extracting(AuthenticationResults.Result::method).containsExactly("dkim", "spf", "dmarc");
    assertThat(ar.results().get(0).property("header.b")).contains("Ab3+/xYz");
    assertThat(ar.results().get(1).property("smtp.mailfrom")).contains("alice@provider-a.test");
    assertThat(new SenderAuthentication("mx.google.com").authenticated("alice@provider-a.test", List.of(GMAIL))).isTrue();
    assertThat(OURS.authenticated("alice@provider-a.test", List.of(GMAIL))).isFalse();
  }

  @Test
  void shouldReadExchangeOnlineHeadersButNeverTrustThemForTheyNameNoServer() {
    AuthenticationResults ar = AuthenticationResults.parse(EXCHANGE_ONLINE);
    assertThat(ar.authservId()).isEmpty();
    assertThat(ar.results()).extracting(AuthenticationResults.Result::method)
        .containsExactly("spf", "dkim", "dmarc", "compauth");
    assertThat(ar.results()).allMatch(r -> r.result().equals("pass"));
    assertThat(ar.results().get(0).property("smtp.mailfrom")).contains("provider-a.test");
    assertThat(ar.results().get(1).property("header.d")).contains("provider-a.test");
    assertThat(OURS.authenticated("alice@provider-a.test", List.of(EXCHANGE_ONLINE))).isFalse();
  }

  @Test
  void shouldReadTencentExmailHeaders() {
    AuthenticationResults ar = AuthenticationResults.parse(TENCENT_EXMAIL);
    assertThat(ar.authservId()).isEqualTo("mx.exmail.qq.com");
    assertThat(ar.results()).hasSize(3);
    assertThat(new SenderAuthentication("MX.exmail.qq.com").authenticated("Alice@Provider-A.test", List.of(TENCENT_EXMAIL)))
        .isTrue();
  }

  @Test
  void shouldNotBeFooledByTheFourKnownExploits() {
    String from = "ops@marketdesk.test";
    assertThat(OURS.authenticated(from, List.of(MX + "; spf=fail smtp.mailfrom=dkim=pass@evil.test; dkim=none"))).isFalse();
    assertThat(OURS.authenticated(from, List.of(MX + "; dkim=pass"))).isFalse();
    assertThat(OURS.authenticated(from, List.of(MX + "; spf=pass smtp.helo=marketdesk.test"))).isFalse();
    assertThat(OURS.authenticated(from, List.of(MX + "; dkim=pass header.d=test"))).isFalse();
    // a header with our id under one that is not ours was written upstream
    assertThat(OURS.authenticated(from, List.of("relay.example; none", MX + "; dkim=pass header.d=marketdesk.test")))
        .isFalse();
  }

  @Test
  void shouldAlignByOrganizationalDomain() {
    assertThat(OURS.authenticated("a@provider-a.test", List.of(MX + "; dkim=pass header.d=mail.provider-a.test"))).isTrue();
    assertThat(OURS.authenticated("a@sub.provider-a.test", List.of(MX + "; spf=pass smtp.mailfrom=b@provider-a.test")))
        .isTrue();
    assertThat(OURS.authenticated("a@shop.co.uk", List.of(MX + "; dkim=pass header.d=evil.co.uk"))).isFalse();
    assertThat(OURS.authenticated("a@shop.co.uk", List.of(MX + "; dkim=pass header.d=co.uk"))).isFalse();
    assertThat(OURS.authenticated("a@foo.github.io", List.of(MX + "; dkim=pass header.d=bar.github.io"))).isFalse();
    assertThat(OURS.authenticated("a@qq.com", List.of(MX + "; dkim=pass header.d=qq.com"))).isTrue();
    assertThat(SenderAuthentication.organizational("mail.provider-a.test")).isEqualTo("provider-a.test");
    assertThat(SenderAuthentication.organizational("test")).isEmpty();
    assertThat(SenderAuthentication.organizational("com.cn")).isEmpty();
    assertThat(SenderAuthentication.organizational("a.b.example.com.cn")).isEqualTo("example.com.cn");
  }

  @Test
  void shouldTreatCommentsAndQuotedStringsAsTheRfcSays() {
    AuthenticationResults ar = AuthenticationResults.parse(
        MX + " 1 (version (nested) \\) one); dkim=fail (was dkim=pass header.d=provider-a.test; honest) header.d=x.test;"
            + " spf=pass reason=\"a; b\" smtp.mailfrom=\"alice@provider-a.test\"");
    assertThat(ar.authservId()).isEqualTo(MX);
    assertThat(ar.results()).extracting(AuthenticationResults.Result::method).containsExactly("dkim", "spf");
    assertThat(ar.results().get(0).result()).isEqualTo("fail");
    assertThat(ar.results().get(0).property("header.d")).contains("x.test");
    assertThat(ar.results().get(1).property("smtp.mailfrom")).contains("alice@provider-a.test");
    assertThat(AuthenticationResults.parse(MX + "; none").results()).isEmpty();
    assertThat(AuthenticationResults.parse("\"" + MX + "\"; dkim=pass header.d=a.test").authservId()).isEqualTo(MX);
  }

  @Test
  void shouldDropOnlyTheBrokenClause() {
    AuthenticationResults ar = AuthenticationResults.parse(MX + "; dkim=pass header.d; spf = pass smtp . mailfrom = a.test");
    assertThat(ar.results()).extracting(AuthenticationResults.Result::method).containsExactly("spf");
    assertThat(ar.results().get(0).property("smtp.mailfrom")).contains("a.test");
  }
}
