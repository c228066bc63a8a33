package io.marketdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.FakeClock;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Operators at scale over real SMTP/IMAP on the fake clock (docs/reviews.md): a digest of 30 reviews
 * decided by one reply with ranges and full-width numbers, one item changed after the digest and one
 * withdrawn (both skipped), a second operator's later answer told who decided; escalation reminders
 * and overdue mails to the lead; time away by command and by out-of-office replies.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorsAtScaleIT {
  static final String SERVICE = "market@marketdesk.test";
  static final String OPS = DemoData.OPERATOR;
  static final String OPS2 = "lead@marketdesk.test";
  static final ObjectMapper JSON = new ObjectMapper();
  static TestApp t;

  @BeforeAll
  static void start() {
    // Tuesday 2026-12-01, 08:00 in Shanghai: before the 09:00 digest.
    t = TestApp.start(Map.of("security.replies-per-hour", "1000", "reviews.lead", OPS2, "api.token", "t0ken"),
        new FakeClock(Instant.parse("2026-12-01T00:00:00Z")));
    t.closeDemoReviews();
    t.app.db().jdbi().useTransaction(h -> t.app.core().shared().directory().createOperator(h, "Lead", List.of(OPS2)));
    t.mailServer.addUser(OPS2, "demo");
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static Mail command(String from, String body) {
    String id = t.mail.send(from, SERVICE, "cmd", body);
    return t.mail.awaitReplyTo(from, id);
  }

  static String newProduct(String from, String name) {
    Mail reply = command(from, "新建商品\n名称: " + name + "\n服务类型: 运维服务\n价格: 100\n计费单位: 次\n简介: 简介\n详情: 详情\n");
    Matcher m = Pattern.compile("(P\\d+)").matcher(reply.body());
    assertThat(m.find()).as(reply.body()).isTrue();
    return m.group(1);
  }

  static long openReviewOf(String subject) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery(
        "SELECT id FROM review WHERE subject = :s AND status = 'open'").bind("s", subject).mapTo(Long.class).one());
  }

  /** The review mail to an operator, in whichever language that operator last wrote in. */
  static Mail reviewMail(String to, long reviewId) {
    return t.mail.await(to, m -> m.subject().contains("#" + reviewId + "】") || m.subject().contains("#" + reviewId + "]"));
  }

  /** Every operator last wrote in Chinese: their digests, reminders and review mails are Chinese. */
  @org.junit.jupiter.api.BeforeEach
  void operatorsWroteChinese() {
    t.app.db().jdbi().useTransaction(h -> {
      for (String op : h.createQuery("SELECT address FROM operator_address").mapTo(String.class).list()) {
        io.marketdesk.command.WrittenLanguages.record(h, op, io.marketdesk.text.Language.ZH, t.clock.millis());
      }
    });
  }

  static long count(String sql, Object... binds) {
    return t.app.db().jdbi().withHandle(h -> {
      var q = h.createQuery(sql);
      for (int i = 0; i < binds.length; i += 2) {
        q.bind((String) binds[i], binds[i + 1]);
      }
      return q.mapTo(Long.class).one();
    });
  }

  static String changedProduct;
  static String withdrawnProduct;
  static Map<Integer, Long> numbers = new LinkedHashMap<>();

  @Test
  @Order(1)
  void shouldDecideThirtyReviewsFromTheDigestInOneReplySkippingChangedAndWithdrawn() {
    // Two listed products whose revisions are items 1 and 2 of the digest.
    changedProduct = newProduct(DemoData.ALICE, "变更测试");
    withdrawnProduct = newProduct(DemoData.ALICE, "撤回测试");
    for (String p : List.of(changedProduct, withdrawnProduct)) {
      Mail review = reviewMail(OPS, openReviewOf(p));
      String id = t.mail.reply(OPS, review, "同意");
      assertThat(t.mail.awaitReplyTo(OPS, id).body()).contains("✔");
      command(DemoData.ALICE, "修改商品 " + p + "\n价格: 90\n");
    }
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 28; i++) {
      String from = i % 2 == 0 ? DemoData.ALICE : DemoData.BOB;
      ids.add(t.mail.send(from, SERVICE, "new", "新建商品\n名称: 批量商品" + i + "\n服务类型: 运维服务\n价格: " + (100 + i)
          + "\n计费单位: 次\n简介: 简介\n详情: 详情\n"));
    }
    for (int i = 0; i < 28; i++) {
      t.mail.awaitReplyTo(i % 2 == 0 ? DemoData.ALICE : DemoData.BOB, ids.get(i));
    }
    assertThat(count("SELECT COUNT(*) FROM review WHERE status = 'open'")).isEqualTo(30);

    t.clock.set(Instant.parse("2026-12-01T01:05:00Z"));
    t.app.scheduler().tickNow();
    Mail digest = t.mail.await(OPS, m -> m.subject().contains("待审核汇总"));
    Mail digest2 = t.mail.await(OPS2, m -> m.subject().contains("待审核汇总"));
    assertThat(digest.subject()).contains("30 项待审核");
    assertThat(digest.token()).isNotNull().isNotEqualTo(digest2.token());
    Matcher m = Pattern.compile("(?m)^(\\d+)\\. #(\\d+)").matcher(digest.body());
    while (m.find()) {
      numbers.put(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
    }
    assertThat(numbers).hasSize(30);
    // Decidable from the list alone: what changes, who asked, how long it waited.
    assertThat(digest.body()).contains("改动：价格 ¥100.00 → ¥90.00").contains("申请人 " + DemoData.ALICE).contains("已等 1 小时");

    // After the digest: item 1's revision is changed (resubmitted), item 2's is withdrawn (delisted).
    command(DemoData.ALICE, "修改商品 " + changedProduct + "\n价格: 80\n");
    // Withdrawn the way delisting withdraws a revision in review (Reviews.withdraw).
    long withdrawn = openReviewOf(withdrawnProduct);
    boolean done = t.app.db().jdbi().inTransaction(h -> t.app.core().review().reviews().withdraw(h, withdrawn, DemoData.ALICE));
    assertThat(done).isTrue();

    String replyId = t.mail.reply(OPS, digest, "通过 １－２０，２１、22\n驳回 23-25 资质证明不清晰\n通过 26-30\n");
    Mail result = t.mail.awaitReplyTo(OPS, replyId);
    assertThat(result.body())
        .contains("1. #" + numbers.get(1)).contains("跳过，列表发出后申请已修改，新的审核是 #")
        .contains("2. #" + numbers.get(2)).contains("跳过，申请人已于")
        .contains("3. #" + numbers.get(3) + " 新商品上架").contains("已通过")
        .contains("23. #" + numbers.get(23)).contains("已驳回")
        // each decision line is a command of its own, with its own outcome (docs/commands.md)
        .contains("【3】通过 26-30")
        .contains("通过 20 项，驳回 0 项，跳过 2 项").contains("通过 0 项，驳回 3 项，跳过 0 项")
        .contains("通过 5 项，驳回 0 项，跳过 0 项")
        .doesNotContain("✘");
    assertThat(count("SELECT COUNT(*) FROM review WHERE decided_by = :o AND status = 'approved' AND id >= :first",
        "o", OPS, "first", numbers.get(3))).isEqualTo(25);
    assertThat(count("SELECT COUNT(*) FROM review WHERE decided_by = :o AND status = 'rejected' AND decision_note = :n",
        "o", OPS, "n", "资质证明不清晰")).isEqualTo(3);
    // Every provider got the usual result mail, one per decided review.
    long inbound = count("SELECT MAX(id) FROM inbound_mail WHERE from_addr = :o", "o", OPS);
    assertThat(count("SELECT COUNT(*) FROM outbox WHERE inbound_id = :i AND to_addr IN (:a, :b)",
        "i", inbound, "a", DemoData.ALICE, "b", DemoData.BOB)).isEqualTo(28);
    t.mail.await(DemoData.BOB, x -> x.body().contains("资质证明不清晰"));

    // The second operator answers their own digest later: told it was decided, by whom; nothing changes.
    String lateId = t.mail.reply(OPS2, digest2, "驳回 3 不行");
    Mail late = t.mail.awaitReplyTo(OPS2, lateId);
    assertThat(late.body()).contains("3. #" + numbers.get(3)).contains("跳过，已由 " + OPS).contains("通过");
    assertThat(count("SELECT COUNT(*) FROM review WHERE id = :id AND status = 'approved'", "id", numbers.get(3))).isEqualTo(1);

    // Someone else's list: its numbers are not theirs.
    String wrong = t.mail.send(OPS2, digest.replyTo(), "Re: " + digest.subject(), "通过 4", Map.of(), digest);
    assertThat(t.mail.awaitReplyTo(OPS2, wrong).body()).contains("发给其他运营人员");
  }

  @Test
  @Order(2)
  void shouldNumberThePendingListAndDecideFromItInEnglish() {
    long open = count("SELECT COUNT(*) FROM review WHERE status = 'open'");
    assertThat(open).isEqualTo(1); // the changed product's new revision
    Mail list = command(OPS, "pending");
    assertThat(list.body()).contains("1. #").contains("80.00").contains("approve 1-6,9");
    assertThat(list.token()).isNotNull();
    String id = t.mail.reply(OPS, list, "reject 1 the price is not explained\n");
    assertThat(t.mail.awaitReplyTo(OPS, id).body()).contains("1 rejected").contains(": rejected");
    assertThat(count("SELECT COUNT(*) FROM review WHERE status = 'open'")).isZero();
  }

  @Test
  @Order(3)
  void shouldRemindAtEightyPercentAndEscalateOverdueDailyToTheLeadRestartSafe() throws Exception {
    // Wednesday 2026-12-02 10:00 Shanghai: a review due Monday 12-07 (3 working days: Thu, Fri, Mon).
    t.clock.set(Instant.parse("2026-12-02T02:00:00Z"));
    String p = newProduct(DemoData.BOB, "升级测试");
    long r = openReviewOf(p);
    Instant remindAt = new ReviewEscalation(null, null, null, t.app.core().shared().calendar(), t.app.config().zone, 9)
        .remindAt(t.app.db().jdbi().withHandle(h -> t.app.core().review().reviews().find(h, r).orElseThrow()));
    // 80 % of three working days is 2.4 days: Monday 09:36 Shanghai.
    assertThat(remindAt).isEqualTo(Instant.parse("2026-12-07T01:36:00Z"));
    t.clock.set(Instant.parse("2026-12-07T01:30:00Z"));
    t.app.scheduler().tickNow();
    assertThat(count("SELECT COUNT(*) FROM outbox WHERE subject LIKE :s", "s", "%审核提醒 #" + r + "】%")).isZero();
    t.clock.set(Instant.parse("2026-12-07T01:40:00Z"));
    t.app.scheduler().tickNow();
    t.app.scheduler().tickNow();
    Mail reminder = t.mail.await(OPS, x -> x.subject().contains("审核提醒 #" + r + "】"));
    assertThat(reminder.body()).contains("80%").contains(DemoData.BOB);
    assertThat(count("SELECT COUNT(*) FROM outbox WHERE subject LIKE :s", "s", "%审核提醒 #" + r + "】%")).isEqualTo(2);

    // Overdue from Tuesday 12-08: mailed to the lead only, once a day, also after a "restart" (a new job).
    t.clock.set(Instant.parse("2026-12-08T01:10:00Z"));
    t.app.scheduler().tickNow();
    ReviewEscalation again = new ReviewEscalation(t.app.db().jdbi(), t.app.core().review().reviews(), t.app.core().shared().mailer(),
        t.app.core().shared().calendar(), t.app.config().zone, t.app.config().digestHour);
    again.tick(t.clock.instant());
    t.mail.await(OPS2, x -> x.subject().contains("审核逾期 #" + r + "】"));
    String overdue = "%审核逾期 #" + r + "】%";
    assertThat(count("SELECT COUNT(*) FROM outbox WHERE subject LIKE :s", "s", overdue)).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM outbox WHERE subject LIKE :s AND to_addr = :o", "s", overdue, "o", OPS)).isZero();
    t.clock.set(Instant.parse("2026-12-09T01:10:00Z"));
    t.app.scheduler().tickNow();
    assertThat(count("SELECT COUNT(*) FROM outbox WHERE subject LIKE :s", "s", overdue)).isEqualTo(2);

    JsonNode json = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(t.baseUrl() + "/api/reviews/" + r))
        .header("Authorization", "Bearer t0ken").GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    assertThat(json.get("escalated").asBoolean()).isTrue();
    assertThat(json.get("decidedBy").isNull()).isTrue();
    String status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(t.baseUrl() + "/api/status")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertThat(status).contains("\"status-page.reviews.escalated\"");

    String id = t.mail.reply(OPS, reminder, "同意");
    assertThat(t.mail.awaitReplyTo(OPS, id).body()).contains("✔");
    t.clock.set(Instant.parse("2026-12-10T01:10:00Z"));
    t.app.scheduler().tickNow();
    assertThat(count("SELECT COUNT(*) FROM outbox WHERE subject LIKE :s", "s", overdue)).isEqualTo(2);
  }

  @Test
  @Order(4)
  void shouldSendReviewsToOthersWhileAwayAndTakeOutOfOfficeRepliesAsTimeAway() {
    // 2026-12-10 09:10 Shanghai.
    Mail away = command(OPS, "休假 至 2026-12-20");
    assertThat(away.body()).contains("已设置休假至 2026-12-20");
    long r1 = openReviewOf(newProduct(DemoData.ALICE, "休假测试一"));
    reviewMail(OPS2, r1);
    assertThat(count("SELECT COUNT(*) FROM outbox WHERE to_addr = :o AND (subject LIKE :s OR subject LIKE :e)", "o", OPS, "s",
        "%#" + r1 + "】%", "e", "%#" + r1 + "]%"))
        .isZero();

    // The lead's Exchange answers the review mail with an out-of-office reply: away three days, no reply to it.
    Mail review = reviewMail(OPS2, r1);
    long before = count("SELECT COUNT(*) FROM outbox WHERE to_addr = :o", "o", OPS2);
    t.mail.send(OPS2, review.replyTo(), "自动回复: " + review.subject(), "我正在休假，12 月 14 日回来。",
        Map.of("Auto-Submitted", "auto-replied", "X-MS-Exchange-Inbox-Rules-Loop", OPS2,
            "X-Auto-Response-Suppress", "All", "Thread-Topic", review.subject()), review);
    org.awaitility.Awaitility.await().until(() -> count(
        "SELECT COUNT(*) FROM operator_away a JOIN operator_address d ON d.operator_id = a.operator_id"
            + " WHERE d.address = :o AND a.source = 'auto_reply'", "o", OPS2) == 1);
    assertThat(count("SELECT COUNT(*) FROM inbound_mail WHERE from_addr = :o AND status = 'ignored'", "o", OPS2)).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM outbox WHERE to_addr = :o", "o", OPS2)).isEqualTo(before);

    // Nobody left: the lead still gets new reviews.
    long r2 = openReviewOf(newProduct(DemoData.BOB, "休假测试二"));
    reviewMail(OPS2, r2);
    assertThat(count("SELECT COUNT(*) FROM outbox WHERE to_addr = :o AND (subject LIKE :s OR subject LIKE :e)", "o", OPS, "s",
        "%#" + r2 + "】%", "e", "%#" + r2 + "]%"))
        .isZero();

    // Back early; then a Gmail vacation reply to the next review mail sets three days again.
    assertThat(command(OPS, "away off").body()).contains("Time away ended");
    long r3 = openReviewOf(newProduct(DemoData.ALICE, "休假测试三"));
    Mail mine = reviewMail(OPS, r3);
    // Gmail's vacation responder writes to the From address; only its In-Reply-To ties it to the review mail.
    t.mail.send(OPS, SERVICE, "Out of office", "I am away until Monday.",
        Map.of("Auto-Submitted", "auto-replied"), mine);
    org.awaitility.Awaitility.await().until(() -> count(
        "SELECT COUNT(*) FROM operator_away a JOIN operator_address d ON d.operator_id = a.operator_id"
            + " WHERE d.address = :o AND a.source = 'auto_reply'", "o", OPS) == 1);
    assertThat(command(OPS, "休假").body()).contains("您休假至 2026-12-13");
  }
}
