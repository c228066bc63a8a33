package io.marketdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.app.DemoData;
import io.marketdesk.identity.Directory;
import io.marketdesk.testing.FakeClock;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Review mails for their reader, over real SMTP and IMAP on the fake clock (docs/languages.md,
 * docs/reviews.md): {@code review N reject REASON} understood in zh, zh-Hant and en; the digest and
 * the escalation mails in the language each operator last wrote in (zh when they never wrote).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewReadersIT {
  static final String SERVICE = "market@marketdesk.test";
  static final String HANT = "ops-tw@marketdesk.test";
  static final String EN = "ops-en@marketdesk.test";
  static final String SILENT = "ops-silent@marketdesk.test";
  static TestApp t;

  @BeforeAll
  static void start() {
    // Tuesday 2026-12-01, 08:00 in Shanghai: before the 09:00 digest.
    t = TestApp.start(Map.of("security.replies-per-hour", "1000"), new FakeClock(Instant.parse("2026-12-01T00:00:00Z")));
    t.closeDemoReviews();
    t.app.db().jdbi().useTransaction(h -> {
      Directory d = new Directory(t.clock);
      d.createOperator(h, "Ops TW", List.of(HANT));
      d.createOperator(h, "Ops EN", List.of(EN));
      d.createOperator(h, "Ops Silent", List.of(SILENT));
    });
    for (String a : List.of(HANT, EN, SILENT)) {
      t.app.embedded().addUser(a, "demo");
    }
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static long submit(String fields) {
    String id = t.mail.send(DemoData.ALICE, SERVICE, "x", "修改账户信息\n" + fields + "\n");
    t.mail.awaitReplyTo(DemoData.ALICE, id);
    return t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT MAX(id) FROM review").mapTo(Long.class).one());
  }

  static String status(long id) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT status FROM review WHERE id = :id").bind("id", id)
        .mapTo(String.class).one());
  }

  static String note(long id) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT decision_note FROM review WHERE id = :id")
        .bind("id", id).mapTo(String.class).one());
  }

  static Mail command(String from, String body) {
    String id = t.mail.send(from, SERVICE, "x", body);
    return t.mail.awaitReplyTo(from, id);
  }

  @Test
  @Order(1)
  void shouldRejectByNumberWithAReasonInEachLanguage() {
    long en = submit("联系人: 李雷");
    Mail r = command(EN, "review " + en + " reject the contact must confirm in person\n");
    assertThat(r.body()).contains("OK, done").contains("is rejected");
    assertThat(status(en)).isEqualTo("rejected");
    assertThat(note(en)).isEqualTo("the contact must confirm in person");

    long enColon = submit("联系人: 韩梅梅");
    Mail r2 = command(EN, "Review #" + enColon + ": Reject, wrong phone number\n");
    assertThat(r2.body()).contains("OK, done");
    assertThat(note(enColon)).isEqualTo("wrong phone number");

    long subject = submit("联系人: 李四");
    String sid = t.mail.send(EN, SERVICE, "review " + subject + " reject REASON: not the registered contact", "");
    assertThat(t.mail.awaitReplyTo(EN, sid).body()).contains("OK, done");
    assertThat(note(subject)).isEqualTo("REASON: not the registered contact");

    long upper = submit("联系人: 王五");
    Mail r5 = command(EN, "REVIEW " + upper + " REJECT\nthe contact must confirm in person\n");
    assertThat(r5.body()).contains("OK, done");
    assertThat(note(upper)).isEqualTo("the contact must confirm in person");

    long hant = submit("联系人: 王小明");
    Mail r3 = command(HANT, "審核 " + hant + " 拒絕 聯絡人需本人確認，請補件。\n");
    assertThat(r3.body()).contains("✔ 完成").contains("已駁回");
    assertThat(note(hant)).isEqualTo("聯絡人需本人確認，請補件。");

    long zh = submit("联系人: 张三");
    Mail r4 = command(DemoData.OPERATOR, "审核 R-" + zh + " 驳回 号码不对\n");
    assertThat(r4.body()).contains("✔ 完成").contains("已驳回");
    assertThat(note(zh)).isEqualTo("号码不对");
  }
}
