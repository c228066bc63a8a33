package io.marketdesk.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * History by mail, withdraw and undo over real SMTP and IMAP (GreenMail), with the refusals: someone
 * else's order, a decided review, undo after the window (docs/history.md, docs/undo.md).
 */
class HistoryMailIT {
  static final String SERVICE = "market@marketdesk.test";
  static final String ALICE = DemoData.ALICE;
  static final String BOB = DemoData.BOB;
  static final String BUYER = DemoData.BUYER;
  static final String OPS = DemoData.OPERATOR;
  static final String TOKEN = "history-token";
  static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static TestApp t;

  @BeforeAll
  static void start() {
    t = TestApp.start(Map.of("api.token", TOKEN, "security.replies-per-hour", "1000"));
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  private static Mail command(String from, String body) {
    return t.mail.awaitReplyTo(from, t.mail.send(from, SERVICE, "cmd", body));
  }

  private static int api(String method, String path, String json) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.baseUrl() + path)).header("Authorization", "Bearer " + TOKEN);
      b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
          : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new order of alice's P1001 for the demo buyer: unpaid, or paid. */
  private static String order(boolean paid) {
    String no = "2027" + String.format("%010d", SEQ.incrementAndGet());
    assertThat(api("POST", "/api/orders", "{\"orderNo\":\"" + no + "\",\"productId\":\"P1001\",\"buyerEmail\":\"" + BUYER
        + "\",\"price\":\"1000.00\"}")).isEqualTo(201);
    if (paid) {
      assertThat(api("POST", "/api/orders/" + no + "/paid", null)).isEqualTo(200);
    }
    return no;
  }

  private static String status(String table, String key, String id) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT status FROM " + table + " WHERE " + key + " = :id")
        .bind("id", id).mapTo(String.class).one());
  }

  private static String reviewStatus(long id) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT status FROM review WHERE id = :id")
        .bind("id", id).mapTo(String.class).one());
  }

  private static long reviewIdIn(Mail reply) {
    Matcher m = Pattern.compile("#(\\d+)").matcher(reply.body());
    assertThat(m.find()).as(reply.body()).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static void await(java.util.concurrent.Callable<Boolean> until) {
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(until);
  }

  // ---------------------------------------------------------------- history

  @Test
  void shouldShowTheProviderEveryChangeOfItsOrderWithTheMailItCameFrom() {
    String no = order(true);
    String startId = t.mail.send(ALICE, SERVICE, "Start please", "开始实施 " + no + " 确定");
    t.mail.awaitReplyTo(ALICE, startId);

    Mail history = command(ALICE, "历史 订单 " + no);

    assertThat(history.body()).contains("订单 " + no + " 的变更记录（3 条").contains("1. ").contains("created")
        .contains("接口（API）").contains("paid").contains("started").contains("已支付 → 实施中")
        .contains("您（" + ALICE + "）").contains("邮件「Start please」 <" + startId + ">")
        .contains("发件人认证：未验证（本服务配置为信任发件人）");
    assertThat(history.body().indexOf("created")).isLessThan(history.body().indexOf("started"));
  }

  @Test
  void shouldShowTheBuyerItsOrderWithoutTheProvidersRequestsOrMails() {
    String no = order(false);
    Mail asked = command(ALICE, "price " + no + " 800");
    assertThat(asked.body()).contains(no);

    Mail buyer = command(BUYER, "历史 订单 " + no);
    Mail provider = command(ALICE, "历史 订单 " + no);

    assertThat(provider.body()).contains("price_change_requested");
    assertThat(buyer.body()).contains("created：（无） → unpaid").doesNotContain("price_change_requested").doesNotContain(ALICE)
        .doesNotContain(DemoData.ALICE_ACCOUNT);
  }

  @Test
  void shouldRefuseTheHistoryOfSomeoneElsesOrder() {
    String no = order(true);

    Mail reply = command(BOB, "历史 订单 " + no);

    assertThat(reply.body()).contains("✘").contains("您的订单中没有 " + no).doesNotContain("created");
  }

  @Test
  void shouldSayAnOrderWithoutRecordsHasNoneAndNotThatTheyAreChained() {
    Mail demo = command(ALICE, "历史 订单 20261128000107");

    assertThat(demo.body()).contains("订单 20261128000107 的变更记录（0 条").contains("（还没有记录）")
        .doesNotContain("审计链");
  }

  @Test
  void shouldAnswerInEnglishAndTraditionalChinese() {
    Mail en = command(ALICE, "history product P1001");
    Mail hant = command(ALICE, "歷史 帳戶");

    assertThat(en.body()).contains("Changes of product P1001").contains("oldest first");
    assertThat(hant.body()).contains("帳號 ID " + DemoData.ALICE_ACCOUNT).contains("帳戶變更記錄");
  }

  @Test
  void shouldShowTheLastVerificationOnTheStatusPage() throws Exception {
    io.marketdesk.audit.AuditChain chain = t.app.core().history().chain();
    io.marketdesk.audit.AuditChain.Verification v = chain.verify(t.app.db().jdbi(), "test");
    assertThat(v.ok()).isTrue();

    String page = HTTP.send(HttpRequest.newBuilder(URI.create(t.baseUrl() + "/?lang=en")).build(),
        HttpResponse.BodyHandlers.ofString()).body();

    assertThat(page).contains("Audit log").contains("Last check passed (time · entries)").contains(" · " + v.entries());
  }

  @Test
  void shouldShowAnOperatorAnyAccountAndRefuseAProviderSomeoneElses() {
    Mail operator = command(OPS, "历史 账户 " + DemoData.BOB_ACCOUNT);
    Mail provider = command(ALICE, "历史 账户 " + DemoData.BOB_ACCOUNT);

    assertThat(operator.body()).contains("✔").contains("账号 ID " + DemoData.BOB_ACCOUNT + "（").contains("的账户变更记录");
    assertThat(provider.body()).contains("✘").contains("不是您的账户").doesNotContain("created");
  }

  // ---------------------------------------------------------------- withdraw

  @Test
  void shouldWithdrawInAReplyToTheAcknowledgementAndTellTheOperatorsAndALaterAnswer() {
    Mail ack = command(ALICE, "修改商品 P1001\n价格: 901");
    long id = reviewIdIn(ack);
    Mail request = t.mail.await(OPS, m -> m.subject().contains("#" + id) && m.token() != null);

    Mail withdrawn = t.mail.awaitReplyTo(ALICE, t.mail.reply(ALICE, ack, "撤回"));

    assertThat(withdrawn.body()).contains("✔").contains("审核 #" + id).contains("已撤回");
    assertThat(reviewStatus(id)).isEqualTo("withdrawn");
    // in the language the operator last wrote in: another test of this class has it write English
    Mail told = t.mail.await(OPS, m -> (m.subject().contains("已撤回") || m.subject().startsWith("[Withdrawn]"))
        && m.subject().contains("#" + id));
    assertThat(told.body()).contains(ALICE);
    Mail late = t.mail.awaitReplyTo(OPS, t.mail.reply(OPS, request, "同意"));
    assertThat(late.body()).contains("已由申请人 " + ALICE).contains("撤回");
    Mail history = command(ALICE, "历史 审核 " + id);
    assertThat(history.body()).contains("submitted").contains("withdrawn");
  }

  @Test
  void shouldRefuseToWithdrawADecidedReviewSayingByWhom() {
    long id = reviewIdIn(command(ALICE, "修改商品 P1001\n简介: 第 " + SEQ.incrementAndGet() + " 版"));
    Mail approved = command(OPS, "审核 " + id + " 同意");
    assertThat(approved.body()).contains("✔");

    Mail reply = command(ALICE, "撤回 审核 " + id);

    assertThat(reply.body()).contains("✘").contains("由 " + OPS).contains("通过").contains("不能再撤回");
  }

  @Test
  void shouldRefuseToWithdrawSomeoneElsesReview() {
    long id = reviewIdIn(command(ALICE, "修改商品 P1001\n简介: 又一版 " + SEQ.incrementAndGet()));

    Mail reply = command(BOB, "withdraw review " + id);

    assertThat(reply.body()).contains("no review #" + id);
    assertThat(reviewStatus(id)).isEqualTo("open");
  }

  // ---------------------------------------------------------------- undo

  @Test
  void shouldUndoAStartAndTellTheBuyer() {
    String no = order(true);
    command(ALICE, "开始实施 " + no + " 确定");
    assertThat(status("orders", "order_no", no)).isEqualTo("implementing");

    Mail reply = command(ALICE, "撤销");

    assertThat(reply.body()).contains("✔").contains("订单 " + no + " 回到“已支付”");
    assertThat(status("orders", "order_no", no)).isEqualTo("paid");
    Mail told = t.mail.await(BUYER, m -> m.subject().contains(no) && m.subject().contains("撤销"));
    assertThat(told.body()).contains("开始实施");
    Mail again = command(ALICE, "撤销");
    assertThat(again.body()).contains("✘").contains("没有可以撤销的操作");
  }

  @Test
  void shouldUndoDoneInEnglishAndTellTheBuyerThereIsNothingToConfirmYet() {
    String no = order(true);
    command(ALICE, "start " + no + " confirm");
    command(ALICE, "done " + no + " confirm");
    t.clock.advance(Duration.ofMinutes(9));

    Mail reply = command(ALICE, "undo");

    assertThat(reply.body()).contains("order " + no + " is back to implementing");
    assertThat(status("orders", "order_no", no)).isEqualTo("implementing");
    // the buyer's notices are in the buyer's language, not the provider's
    Mail told = t.mail.await(BUYER, m -> m.subject().contains(no) && m.subject().contains("撤销"));
    assertThat(told.body()).contains("撤销了刚才的“已完成”").contains("还不需要确认完成");
  }

  @Test
  void shouldWithdrawAPriceChangeByNumberInTraditionalChinese() {
    String no = order(false);
    long id = reviewIdIn(command(ALICE, "price " + no + " 700"));

    Mail reply = command(ALICE, "撤回 審核 " + id);

    assertThat(reply.body()).contains("審核 #" + id).contains("已撤回");
    assertThat(reviewStatus(id)).isEqualTo("withdrawn");
    Mail decide = command(OPS, "review " + id + " approve");
    assertThat(decide.body()).contains("withdrawn by " + ALICE);
  }

  @Test
  void shouldRefuseUndoAfterTheWindowSayingWhenItClosed() {
    String no = order(true);
    command(ALICE, "开始实施 " + no + " 确定");
    command(ALICE, "已完成 " + no + " 确定");
    assertThat(status("orders", "order_no", no)).isEqualTo("awaiting_confirmation");
    String closes = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
        .format(t.clock.instant().plus(Duration.ofMinutes(10)).atZone(t.app.config().zone));
    t.clock.advance(Duration.ofMinutes(11));

    Mail reply = command(ALICE, "undo");

    assertThat(reply.body()).contains("The time to undo marking order " + no + " done ended at " + closes);
    assertThat(status("orders", "order_no", no)).isEqualTo("awaiting_confirmation");
  }

  @Test
  void shouldUndoADelistingWithinTheWindow() {
    String[] found = t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT p.id, v.account_id FROM product p"
            + " JOIN provider v ON v.id = p.provider_id WHERE p.status = 'listed' AND p.pending_version IS NULL"
            + " AND p.id <> 'P1001' ORDER BY p.id")
        .map((rs, c) -> new String[] {rs.getString(1), rs.getString(2)}).first());
    String product = found[0];
    String owner = found[1].equals(DemoData.ALICE_ACCOUNT) ? ALICE : BOB;
    command(owner, "下架商品 " + product + " 确定");
    assertThat(status("product", "id", product)).isEqualTo("delisted");
    t.clock.advance(Duration.ofMinutes(9));

    Mail reply = command(owner, "撤銷");

    assertThat(reply.body()).contains("商品 " + product + " 重新上架");
    Mail history = command(owner, "历史 商品 " + product);
    assertThat(history.body()).contains("delisted").contains("undo delist").contains("已下架 → 已上架");
    assertThat(status("product", "id", product)).isEqualTo("listed");
  }
}
