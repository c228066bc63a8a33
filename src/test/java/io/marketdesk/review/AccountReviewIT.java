package io.marketdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.identity.Directory;
import io.marketdesk.identity.Provider;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import io.marketdesk.token.Tokens;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The account-change review by real mail: a provider asks, every operator is mailed, the first answer
 * decides, the provider is told, and forged, copied, reused and expired answers change nothing.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class AccountReviewIT {
  static final String SERVICE = "market@marketdesk.test";
  static final String OPS2 = "ops2@marketdesk.test";
  static TestApp t;

  @BeforeAll
  static void start() {
    t = TestApp.start();
    t.app.db().jdbi().useTransaction(h -> new Directory(t.clock).createOperator(h, "Ops Two", List.of(OPS2)));
    t.app.embedded().addUser(OPS2, "demo");
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static Provider alice() {
    return t.app.db().jdbi().withHandle(h -> new Directory(t.clock).providerByAccountId(h, DemoData.ALICE_ACCOUNT).orElseThrow());
  }

  static long lastReviewId() {
    return t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT MAX(id) FROM review").mapTo(Long.class).one());
  }

  static String status(long id) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT status FROM review WHERE id = :id").bind("id", id)
        .mapTo(String.class).one());
  }

  /**
   * Alice asks for an account change; the operators last wrote in Chinese (review mails follow the
   * language each operator last wrote in: docs/languages.md), so the review mails are Chinese.
   */
  static long submit(String fields) {
    t.app.db().jdbi().useTransaction(h -> {
      for (String op : List.of(DemoData.OPERATOR, OPS2)) {
        io.marketdesk.command.WrittenLanguages.record(h, op, io.marketdesk.text.Language.ZH, t.clock.millis());
      }
    });
    String id = t.mail.send(DemoData.ALICE, SERVICE, "账户", "修改账户信息\n" + fields + "\n");
    Mail reply = t.mail.awaitReplyTo(DemoData.ALICE, id);
    assertThat(reply.body()).contains("⧗ 已提交审核").contains("已提交审核").contains(DemoData.ALICE_ACCOUNT);
    return lastReviewId();
  }

  static Mail reviewMail(String operator, long reviewId) {
    return t.mail.await(operator, m -> m.subject().contains("#" + reviewId + "】"));
  }

  static Mail answer(String from, Mail reviewMail, String body) {
    String id = t.mail.reply(from, reviewMail, body);
    return t.mail.awaitReplyTo(from, id);
  }

  @Test
  void shouldShowAccountIdEveryFieldAndSenderAddressesWhenProviderAsksAccount() {
    String id = t.mail.send(DemoData.BOB, SERVICE, "hi", "account\n");
    Mail reply = t.mail.awaitReplyTo(DemoData.BOB, id);
    assertThat(reply.body()).contains("Account ID: " + DemoData.BOB_ACCOUNT)
        .contains("Company name: 北辰数据服务有限公司").contains("Company address:").contains("Credit code:")
        .contains("Service phone: 400-900-5678").contains("Service email: support@provider-b.test")
        .contains("Service hours: 7x24").contains("Contact: Bob 王").contains("Contact phone: 13900139000")
        .contains("Contact email: bob@provider-b.test").contains("Registered sender addresses: bob@provider-b.test")
        .contains("No change is pending");
  }

  @Test
  void shouldApplyChangeOnlyWhenOperatorApprovesByReplyAndTellSecondOperatorItWasDecided() {
    long rid = submit("客服电话: 400-800-9999\ncontact email: li@provider-a.test");
    assertThat(alice().csPhone()).isEqualTo("400-800-1234");
    Mail toOps = reviewMail(DemoData.OPERATOR, rid);
    Mail toOps2 = reviewMail(OPS2, rid);
    assertThat(toOps.body()).contains("客服电话：400-800-1234 → 400-800-9999").contains("审核期限").contains(DemoData.ALICE);
    assertThat(toOps.token()).isNotNull().isNotEqualTo(toOps2.token());
    assertThat(toOps.replyTo()).isEqualTo("market+" + toOps.token() + "@marketdesk.test");

    String infoId = t.mail.send(DemoData.ALICE, SERVICE, "info", "账户信息\n");
    assertThat(t.mail.awaitReplyTo(DemoData.ALICE, infoId).body()).contains("待审核的修改（审核 #" + rid)
        .contains("客服电话：400-800-1234").contains("400-800-9999");

    Mail done = answer(DemoData.OPERATOR, toOps, "同意 资料齐全");
    assertThat(done.body()).contains("✔ 完成").contains("已通过");
    assertThat(status(rid)).isEqualTo("approved");
    Provider after = alice();
    assertThat(after.csPhone()).isEqualTo("400-800-9999");
    assertThat(after.contactEmail()).isEqualTo("li@provider-a.test");
    Mail result = t.mail.await(DemoData.ALICE, m -> m.subject().contains("审核结果 #" + rid));
    assertThat(result.body()).contains("已通过").contains("资料齐全").contains(DemoData.ALICE_ACCOUNT);

    Mail late = answer(OPS2, toOps2, "拒绝 号码不对");
    assertThat(late.body()).contains("✘ 未执行").contains("已由 " + DemoData.OPERATOR).contains("通过");
    assertThat(alice().csPhone()).isEqualTo("400-800-9999");
    assertThat(auditActions(rid)).contains("submitted", "approved");
  }

  @Test
  void shouldKeepDataAndMailReasonWhenOperatorRejectsWithMultiLineReason() {
    long rid = submit("公司地址: 上海市徐汇区漕溪北路 1 号");
    Mail toOps2 = reviewMail(OPS2, rid);
    Mail none = answer(OPS2, toOps2, "拒绝\n");
    assertThat(none.body()).contains("✘ 未执行").contains("必须写明理由");
    assertThat(status(rid)).isEqualTo("open");

    Mail done = answer(OPS2, toOps2, "驳回 地址与营业执照不符\n请附上新的营业执照。");
    assertThat(done.body()).contains("✔ 完成").contains("已驳回");
    assertThat(status(rid)).isEqualTo("rejected");
    assertThat(alice().companyAddress()).isEqualTo("上海市浦东新区张江路 88 号");
    Mail result = t.mail.await(DemoData.ALICE, m -> m.subject().contains("审核结果 #" + rid));
    assertThat(result.body()).contains("驳回理由：地址与营业执照不符\n请附上新的营业执照。");
  }

  @Test
  void shouldReportEachBadFieldAndOpenNoReviewWhenUpdateIsInvalid() {
    long before = lastReviewId();
    String id = t.mail.send(DemoData.ALICE, SERVICE, "x",
        "修改账户信息\n客服电话: call me\n联系邮箱: nobody\n统一社会信用代码: 12345\n联系人:\n传真: 123\n");
    Mail reply = t.mail.awaitReplyTo(DemoData.ALICE, id);
    assertThat(reply.body()).contains("✘ 未执行").contains("客服电话“call me”不是有效的电话号码").contains("联系邮箱“nobody”不是有效的邮箱地址")
        .contains("统一社会信用代码应为 18 位").contains("联系人不能为空").contains("“传真”不是账户字段").contains("正确写法示例");
    assertThat(lastReviewId()).isEqualTo(before);
  }

  @Test
  void shouldReplaceOpenReviewWhenProviderSendsANewUpdate() {
    long first = submit("服务时间: 工作日 8:00-20:00");
    String id = t.mail.send(DemoData.ALICE, SERVICE, "x", "account update\nservice hours: 7x24\nCredit code: 91310115MA1K4XXX19\n");
    Mail reply = t.mail.awaitReplyTo(DemoData.ALICE, id);
    assertThat(reply.body()).contains("~ sent for review").contains("replaces your earlier pending change (review #" + first + ")");
    long second = lastReviewId();
    assertThat(status(first)).isEqualTo("superseded");
    Mail oldMail = reviewMail(DemoData.OPERATOR, first);
    Mail stale = answer(DemoData.OPERATOR, oldMail, "approve");
    assertThat(stale.body()).contains("X refused").contains("was replaced by a newer request");
    assertThat(alice().csHours()).isEqualTo("工作日 9:00-18:00");

    String byId = t.mail.send(DemoData.OPERATOR, SERVICE, "x", "review " + second + " approve\n");
    assertThat(t.mail.awaitReplyTo(DemoData.OPERATOR, byId).body()).contains("OK, done").contains("is approved");
    assertThat(alice().csHours()).isEqualTo("7x24");
    assertThat(alice().creditCode()).isEqualTo("91310115MA1K4XXX19");
  }

  @Test
  void shouldDecideByIdAndRequireReasonWithoutReplying() {
    long rid = submit("联系人: 李雷");
    String noReason = t.mail.send(DemoData.OPERATOR, SERVICE, "x", "审核 " + rid + " 拒绝\n");
    assertThat(t.mail.awaitReplyTo(DemoData.OPERATOR, noReason).body()).contains("必须写明理由");
    String pending = t.mail.send(DemoData.OPERATOR, SERVICE, "x", "待审核\n");
    assertThat(t.mail.awaitReplyTo(DemoData.OPERATOR, pending).body()).contains("#" + rid).contains("期限");
    String reject = t.mail.send(DemoData.OPERATOR, SERVICE, "x", "审核 #" + rid + " 拒绝 联系人需本人确认\n并提供身份证明");
    assertThat(t.mail.awaitReplyTo(DemoData.OPERATOR, reject).body()).contains("✔ 完成");
    assertThat(status(rid)).isEqualTo("rejected");
    assertThat(decisionNote(rid)).isEqualTo("联系人需本人确认\n并提供身份证明");
  }

  @Test
  void shouldChangeNothingWhenTokenIsCopiedReusedRandomOrExpired() {
    long rid = submit("客服邮箱: help@provider-a.test");
    Mail toOps = reviewMail(DemoData.OPERATOR, rid);

    // A provider who got hold of the operator's review mail.
    Mail copiedByProvider = answer(DemoData.BOB, toOps, "approve");
    assertThat(copiedByProvider.body()).contains("X refused").contains("for operators only");
    // Another operator answering with a token that was mailed to someone else.
    Mail copiedByOperator = answer(OPS2, toOps, "approve");
    assertThat(copiedByOperator.body()).contains("X refused").contains("not sent to your address");
    // A made-up token.
    String random = Tokens.random();
    String rid2 = t.mail.send(DemoData.OPERATOR, "market+" + random + "@marketdesk.test", "Re: review [MD#" + random + "]", "approve\n");
    assertThat(t.mail.awaitReplyTo(DemoData.OPERATOR, rid2).body()).contains("X refused").contains("not valid");
    assertThat(status(rid)).isEqualTo("open");

    // Expired: 15 days later the 14-day token no longer works; the review stays open.
    Instant now = t.clock.instant();
    t.clock.advance(Duration.ofDays(15));
    try {
      Mail expired = answer(DemoData.OPERATOR, toOps, "approve");
      assertThat(expired.body()).contains("X refused").contains("expired").contains("review " + rid + " approve");
      assertThat(status(rid)).isEqualTo("open");
    } finally {
      t.clock.set(now);
    }

    Mail ok = answer(DemoData.OPERATOR, toOps, "approve");
    assertThat(ok.body()).contains("OK, done");
    Mail reused = answer(DemoData.OPERATOR, toOps, "reject changed my mind");
    assertThat(reused.body()).contains("X refused").contains("already used").contains("already approved by " + DemoData.OPERATOR);
    assertThat(status(rid)).isEqualTo("approved");
    assertThat(alice().csEmail()).isEqualTo("help@provider-a.test");
  }

  @Test
  void shouldGiveFillInTemplatesForEachRole() {
    String ops = t.mail.send(DemoData.OPERATOR, SERVICE, "x", "帮助\n");
    assertThat(t.mail.awaitReplyTo(DemoData.OPERATOR, ops).body()).contains("审核 12 同意").contains("待审核")
        .contains("拒绝 统一社会信用代码与营业执照不符");
    String one = t.mail.send(DemoData.ALICE, SERVICE, "x", "help account update\n");
    assertThat(t.mail.awaitReplyTo(DemoData.ALICE, one).body()).contains("service phone: 400-800-1234")
        .doesNotContain("review 12 approve");
    String refused = t.mail.send(DemoData.ALICE, SERVICE, "x", "待审核\n");
    assertThat(t.mail.awaitReplyTo(DemoData.ALICE, refused).body()).contains("✘ 未执行").contains("只供运营人员使用");
  }

  static List<String> auditActions(long rid) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery(
        "SELECT action FROM audit_log WHERE entity = 'review' AND entity_id = :id ORDER BY id").bind("id", String.valueOf(rid))
        .mapTo(String.class).list());
  }

  static String decisionNote(long rid) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT decision_note FROM review WHERE id = :id").bind("id", rid)
        .mapTo(String.class).one());
  }
}
