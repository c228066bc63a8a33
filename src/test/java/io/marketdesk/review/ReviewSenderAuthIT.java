package io.marketdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.identity.Directory;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With {@code security.authserv-id} set and {@code security.unauthenticated=refuse}, account changes
 * and review answers need that server's Authentication-Results with an aligned dkim=pass or spf=pass
 * (or a reply carrying a token mailed to the sender); a header from any other server counts for
 * nothing, and read-only commands still work. (The default, confirm, is SenderProofIT's.)
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ReviewSenderAuthIT {
  static final String SERVICE = "market@marketdesk.test";
  static final String AR = "Authentication-Results";
  static TestApp t;

  @BeforeAll
  static void start() {
    t = TestApp.start(Map.of("security.authserv-id", "mx.marketdesk.test", "security.unauthenticated", "refuse"));
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static String csPhone() {
    return t.app.db().jdbi().withHandle(h -> new Directory(t.clock).providerByAccountId(h, DemoData.ALICE_ACCOUNT)
        .orElseThrow().csPhone());
  }

  static long lastReviewId() {
    return t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT COALESCE(MAX(id), 0) FROM review").mapTo(Long.class).one());
  }

  static String status(long id) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT status FROM review WHERE id = :id").bind("id", id)
        .mapTo(String.class).one());
  }

  static Mail send(String from, String to, String subject, String body, String authResults, Mail inReplyTo) {
    Map<String, String> headers = authResults == null ? Map.of() : Map.of(AR, authResults);
    String id = t.mail.send(from, to, subject, body, headers, inReplyTo);
    return t.mail.awaitReplyTo(from.toLowerCase(java.util.Locale.ROOT), id);
  }

  @Test
  void shouldRequireOwnServersPassForAccountUpdateAndReviewAnswers() {
    long before = lastReviewId();
    Mail none = send(DemoData.ALICE, SERVICE, "x", "修改账户信息\n客服电话: 400-111-2222\n", null, null);
    assertThat(none.body()).contains("✘ 未执行").contains("DKIM/SPF");
    Mail failed = send(DemoData.ALICE, SERVICE, "x", "修改账户信息\n客服电话: 400-111-2222\n",
        "mx.marketdesk.test; dkim=fail header.d=provider-a.test; spf=softfail smtp.mailfrom=alice@provider-a.test", null);
    assertThat(failed.body()).contains("✘ 未执行").contains("DKIM/SPF");
    Mail foreign = send(DemoData.ALICE, SERVICE, "x", "修改账户信息\n客服电话: 400-111-2222\n",
        "evil.example; dkim=pass header.d=provider-a.test; spf=pass smtp.mailfrom=alice@provider-a.test", null);
    assertThat(foreign.body()).contains("✘ 未执行").contains("DKIM/SPF");
    Mail unaligned = send(DemoData.ALICE, SERVICE, "x", "修改账户信息\n客服电话: 400-111-2222\n",
        "mx.marketdesk.test; dkim=pass header.d=attacker.example", null);
    assertThat(unaligned.body()).contains("✘ 未执行");
    assertThat(lastReviewId()).isEqualTo(before);

    Mail info = send(DemoData.ALICE, SERVICE, "x", "账户信息\n", null, null);
    assertThat(info.body()).contains("✔ 完成").contains("账号 ID：" + DemoData.ALICE_ACCOUNT);

    Mail passed = send("Alice@Provider-A.TEST", SERVICE, "x", "修改账户信息\n客服电话: 400-111-2222\n",
        "mx.marketdesk.test; dkim=pass header.d=provider-a.test header.s=s1", null);
    assertThat(passed.body()).contains("⧗ 已提交审核").contains("已提交审核");
    long rid = lastReviewId();
    Mail reviewMail = t.mail.await(DemoData.OPERATOR, m -> m.subject().contains("#" + rid + "】"));

    // A forged From: the operator's address, but neither a pass from our server nor the review mail's token.
    Mail forged = send(DemoData.OPERATOR, SERVICE, "x", "审核 " + rid + " 同意\n", null, null);
    assertThat(forged.body()).contains("✘ 未执行").contains("DKIM/SPF");
    Mail foreignPass = send(DemoData.OPERATOR, SERVICE, "x", "审核 " + rid + " 同意\n",
        "mx.attacker.example; dkim=pass header.d=marketdesk.test", null);
    assertThat(foreignPass.body()).contains("✘ 未执行");
    assertThat(status(rid)).isEqualTo("open");
    assertThat(csPhone()).isEqualTo("400-800-1234");

    assertThat(reviewMail.token()).isNotNull();
    Mail spfPass = send(DemoData.OPERATOR, SERVICE, "x", "审核 " + rid + " 同意\n",
        "mx.marketdesk.test (mail from check); spf=pass smtp.mailfrom=ops@marketdesk.test", null);
    assertThat(spfPass.body()).contains("✔ 完成");
    assertThat(status(rid)).isEqualTo("approved");
    assertThat(csPhone()).isEqualTo("400-111-2222");
  }
}
