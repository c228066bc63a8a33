package io.marketdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
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

  @Test
  @Order(2)
  void shouldMailTheReviewRequestTheDigestAndTheEscalationsInEachOperatorsLanguage() {
    long rid = submit("客服电话: 400-800-7777");
    Mail enRequest = t.mail.await(EN, m -> m.subject().startsWith("[Review #" + rid + "]"));
    assertThat(enRequest.subject()).contains("Account change of");
    assertThat(enRequest.body()).contains("Service phone: 400-800-1234 -> 400-800-7777").doesNotContain("客服电话");
    Mail hantRequest = t.mail.await(HANT, m -> m.subject().startsWith("【待審核 #" + rid + "】"));
    assertThat(hantRequest.subject()).contains("服務商").contains("帳號 ID").doesNotContain("账号");
    assertThat(hantRequest.body()).contains("客服電話：400-800-1234 → 400-800-7777").doesNotContain("客服电话");
    Mail zhRequest = t.mail.await(SILENT, m -> m.subject().startsWith("【待审核 #" + rid + "】"));
    assertThat(zhRequest.subject()).contains("服务商").contains("账号 ID");

    t.clock.set(Instant.parse("2026-12-01T01:05:00Z")); // 09:05 in Shanghai: the digest
    t.app.scheduler().tickNow();
    Mail enDigest = t.mail.await(EN, m -> m.subject().startsWith("[Review digest]"));
    assertThat(enDigest.body()).contains("#" + rid).contains("Account change of").contains("kind Account change")
        .contains("approve 1-6,9").doesNotContain("待审核").doesNotContain("服务商");
    Mail hantDigest = t.mail.await(HANT, m -> m.subject().startsWith("【待審核彙總】"));
    assertThat(hantDigest.body()).contains("#" + rid).contains("服務商").contains("帳戶").contains("通過 1-6,9")
        .doesNotContain("账户").doesNotContain("Daily digest").doesNotContain("(Or reply");
    Mail zhDigest = t.mail.await(SILENT, m -> m.subject().startsWith("【待审核汇总】"));
    assertThat(zhDigest.body()).contains("#" + rid).contains("修改账户信息").doesNotContain("Daily digest");
    assertThat(t.mail.await(DemoData.OPERATOR, m -> m.subject().startsWith("【待审核汇总】")).body()).contains("#" + rid);

    t.clock.set(Instant.parse("2026-12-04T03:00:00Z")); // Friday 11:00: 80 % of the time has passed
    t.app.scheduler().tickNow();
    assertThat(t.mail.await(EN, m -> m.subject().startsWith("[Review reminder #" + rid + "]")).body())
        .contains("80 %").contains("Account change of");
    assertThat(t.mail.await(HANT, m -> m.subject().startsWith("【審核提醒 #" + rid + "】")).subject()).contains("帳戶資訊");
    assertThat(t.mail.await(SILENT, m -> m.subject().startsWith("【审核提醒 #" + rid + "】")).subject()).contains("账户信息");

    t.clock.set(Instant.parse("2026-12-07T02:00:00Z")); // Monday 10:00: overdue, mailed to every operator (no lead)
    t.app.scheduler().tickNow();
    assertThat(t.mail.await(EN, m -> m.subject().startsWith("[Review overdue #" + rid + "]")).body())
        .contains("is overdue").doesNotContain("逾期");
    assertThat(t.mail.await(HANT, m -> m.subject().startsWith("【審核逾期 #" + rid + "】")).body())
        .contains("已逾期").contains("帳戶資訊").doesNotContain("账户");
    assertThat(t.mail.await(SILENT, m -> m.subject().startsWith("【审核逾期 #" + rid + "】")).body()).contains("已逾期");

    // the title is stored as what it is made of, and worded for each reader
    String stored = t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT title_msg FROM review WHERE id = :id")
        .bind("id", rid).mapTo(String.class).one());
    assertThat(stored).contains("\"key\":\"account.review.title\"").contains("100012345678");
  }

  @Test
  @Order(3)
  void shouldWordTheValuesOfAReviewForEachOperator() {
    // alice declines the demo buyer's refund of 20261128000108: a refund review whose values are words
    String no = "20261128000108";
    String id = t.mail.send(DemoData.ALICE, SERVICE, "x", "拒绝退款 " + no + " 已按需求单交付\n");
    assertThat(t.mail.awaitReplyTo(DemoData.ALICE, id).body()).contains("已提交审核");
    Mail en = t.mail.await(EN, m -> m.subject().startsWith("[Review #") && m.subject().contains(no));
    assertThat(en.body()).contains("How to decide: approve = refund ¥1,000.00 to the buyer")
        .contains("the order resumes as paid").doesNotContain("退款给买家").doesNotContain("处理方式");
    Mail hant = t.mail.await(HANT, m -> m.subject().startsWith("【待審核 #") && m.subject().contains(no));
    assertThat(hant.subject()).contains("訂單 " + no + " 退款申請");
    assertThat(hant.body()).contains("處理方式：同意 = 退款 ¥1,000.00 給買家").contains("訂單恢復為「已支付」")
        .doesNotContain("给买家");
    Mail zh = t.mail.await(SILENT, m -> m.subject().startsWith("【待审核 #") && m.subject().contains(no));
    assertThat(zh.body()).contains("处理方式：同意 = 退款 ¥1,000.00 给买家");
  }

  @Test
  @Order(5)
  void shouldTellEachOperatorOfAWithdrawalInTheirLanguage() {
    String sid = t.mail.send(DemoData.ALICE, SERVICE, "x", "修改账户信息\n联系人: 赵六\n");
    Mail ack = t.mail.awaitReplyTo(DemoData.ALICE, sid);
    long rid = t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT MAX(id) FROM review").mapTo(Long.class).one());
    Mail done = t.mail.awaitReplyTo(DemoData.ALICE, t.mail.reply(DemoData.ALICE, ack, "撤回"));
    assertThat(done.body()).contains("#" + rid).contains("服务商");
    Mail en = t.mail.await(EN, m -> m.subject().startsWith("[Withdrawn] Review #" + rid + ":"));
    assertThat(en.subject()).contains("Account change of").doesNotContain("服务商");
    Mail hant = t.mail.await(HANT, m -> m.subject().startsWith("【已撤回】審核 #" + rid));
    assertThat(hant.subject()).contains("服務商").doesNotContain("服务商");
    Mail zh = t.mail.await(SILENT, m -> m.subject().startsWith("【已撤回】审核 #" + rid));
    assertThat(zh.subject()).contains("服务商");
  }

  @Test
  @Order(4)
  void shouldWordAProductsTypeForEachOperator() {
    // written as a Taiwan provider writes it: 服務類型
    String id = t.mail.send(DemoData.ALICE, SERVICE, "x",
        "新建商品\n名稱：讀者測試\n服務類型：運維服務\n價格：1000\n計費單位：次\n簡介：測試\n詳情：測試\n");
    assertThat(t.mail.awaitReplyTo(DemoData.ALICE, id).body()).contains("已提交審核");
    Mail en = t.mail.await(EN, m -> m.subject().startsWith("[Review #") && m.subject().contains("讀者測試"));
    assertThat(en.body()).contains("- Type: (empty) -> ops service ops").doesNotContain("运维服务");
    Mail hant = t.mail.await(HANT, m -> m.subject().startsWith("【待審核 #") && m.subject().contains("讀者測試"));
    assertThat(hant.subject()).contains("運維服務").doesNotContain("运维服务");
    assertThat(hant.body()).contains("· 服務類型：（空） → 運維服務 ops").doesNotContain("型別");
  }
}
