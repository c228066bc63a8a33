package io.marketdesk.web;

import static io.marketdesk.web.WebFixtures.get;
import static io.marketdesk.web.WebFixtures.login;
import static io.marketdesk.web.WebFixtures.mailtos;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.settlement.Settlements;
import io.marketdesk.testing.FakeClock;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import io.marketdesk.web.WebFixtures.MailtoLink;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Refunds and settlement statements on the personal pages over HTTP, the rows made by real mails
 * (docs/after-the-sale.md): the provider sees its refunds and statements with mailto links to answer
 * them, the buyer its own refund requests, operators the refunds and statement disputes waiting for
 * them; nobody sees another's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AfterTheSalePagesIT {
  static final String SERVICE = "market@marketdesk.test";
  static final String DEMO_REFUND = "20261128000108";
  static final String STATEMENT = "S202611-" + DemoData.ALICE_ACCOUNT;
  static TestApp t;

  @BeforeAll
  static void start() {
    // the demo orders are made on 2026-11-20; alice's completed ones fall in November
    t = TestApp.start(Map.of("settlement.day", "28", "security.replies-per-hour", "1000"),
        new FakeClock(Instant.parse("2026-11-20T01:00:00Z")));
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static Mail command(String from, String body) {
    return t.mail.awaitReplyTo(from, t.mail.send(from, SERVICE, "x", body));
  }

  static String page(String who, String lang) {
    return get(t, "/me?lang=" + lang, login(t, who)).body();
  }

  @Test
  @Order(1)
  void shouldShowTheProviderItsRefundsWithAcceptAndDeclineLinks() {
    String zh = page(DemoData.ALICE, "zh");
    assertThat(zh).contains("id=\"refunds\"").contains(DEMO_REFUND).contains("等待服务商答复").contains("¥1,000.00");
    assertThat(mailtos(zh)).contains(new MailtoLink(SERVICE, "同意退款 " + DEMO_REFUND, "同意退款 " + DEMO_REFUND))
        .anySatisfy(l -> {
          assertThat(l.subject()).isEqualTo("拒绝退款 " + DEMO_REFUND);
          assertThat(l.body()).matches("(?s)拒绝退款 " + DEMO_REFUND + " \\r?\n.*理由.*");
        });
    assertThat(mailtos(page(DemoData.ALICE, "en")))
        .contains(new MailtoLink(SERVICE, "accept refund " + DEMO_REFUND, "accept refund " + DEMO_REFUND));
    assertThat(page(DemoData.ALICE, "zh-Hant")).contains("退款").contains("等待服務商答覆");
    // bob has no refunds and never sees alice's
    String bob = page(DemoData.BOB, "zh");
    assertThat(bob).contains("id=\"refunds\"").contains("没有退款申请").doesNotContain(DEMO_REFUND);
  }

  @Test
  @Order(2)
  void shouldShowTheBuyerTheirOwnRefundRequests() {
    String no = "20261128000202"; // bob's paid demo order, bought by the demo buyer
    assertThat(command(DemoData.BUYER, "申请退款 " + no + " 服务一直没有开始").body()).contains("✔");
    String buyer = page(DemoData.BUYER, "zh");
    assertThat(buyer).contains("id=\"my-refunds\"").contains(no).contains("服务一直没有开始").contains("等待服务商答复")
        .doesNotContain("id=\"refunds\"").doesNotContain("同意退款 " + no);
    String bob = page(DemoData.BOB, "zh");
    assertThat(bob).contains(no).contains("服务一直没有开始");
    assertThat(page(DemoData.ALICE, "zh")).doesNotContain(no);
  }

  @Test
  @Order(3)
  void shouldShowOperatorsTheDeclinedRefundWithTheReviewsLinks() {
    assertThat(command(DemoData.ALICE, "拒绝退款 " + DEMO_REFUND + " 已按需求单交付，买家已使用").body()).contains("已提交审核");
    long review = t.app.db().jdbi().withHandle(h -> h.createQuery(
        "SELECT review_id FROM order_refund WHERE order_no = :no").bind("no", DEMO_REFUND).mapTo(Long.class).one());
    String ops = page(DemoData.OPERATOR, "zh");
    assertThat(ops).contains("id=\"refund-reviews\"").contains("#" + review).contains("已按需求单交付，买家已使用")
        .contains(DemoData.ALICE_ACCOUNT);
    assertThat(mailtos(ops)).contains(new MailtoLink(SERVICE, "审核 " + review + " 同意", "审核 " + review + " 同意"));
    String alice = page(DemoData.ALICE, "zh");
    assertThat(alice).contains("运营人员裁决中").doesNotContain("id=\"refund-reviews\"");
    assertThat(mailtos(alice)).noneSatisfy(l -> assertThat(l.subject()).isEqualTo("同意退款 " + DEMO_REFUND));
  }

  @Test
  @Order(4)
  void shouldShowTheProviderItsStatementsAndOperatorsTheDisputes() {
    t.clock.set(Instant.parse("2026-12-02T01:00:00Z"));
    Settlements s = t.app.core().settlement().settlements();
    assertThat(s.run(YearMonth.of(2026, 11)).made()).contains(STATEMENT);
    String zh = page(DemoData.ALICE, "zh");
    assertThat(zh).contains("id=\"statements\"").contains(STATEMENT).contains("2026-11").contains("已发送");
    assertThat(mailtos(zh)).contains(new MailtoLink(SERVICE, "确认 " + STATEMENT, "确认 " + STATEMENT))
        .anySatisfy(l -> assertThat(l.subject()).isEqualTo("异议 " + STATEMENT));
    assertThat(mailtos(page(DemoData.ALICE, "en")))
        .contains(new MailtoLink(SERVICE, "confirm statement " + STATEMENT, "confirm statement " + STATEMENT));
    assertThat(page(DemoData.BOB, "zh")).contains("还没有结算单").doesNotContain(STATEMENT);

    assertThat(command(DemoData.ALICE, "异议 " + STATEMENT + " 1 0.00 这一单按合同免佣金").body()).contains("已提交审核");
    long review = t.app.db().jdbi().withHandle(h -> h.createQuery(
        "SELECT MAX(id) FROM review WHERE kind = 'settlement'").mapTo(Long.class).one());
    String ops = page(DemoData.OPERATOR, "zh");
    assertThat(ops).contains("id=\"statement-disputes\"").contains("#" + review).contains(STATEMENT);
    assertThat(mailtos(ops)).contains(new MailtoLink(SERVICE, "审核 " + review + " 拒绝", "审核 " + review + " 拒绝 "));
    assertThat(page(DemoData.OPERATOR, "zh-Hant")).contains("結算單 " + STATEMENT);
    assertThat(page(DemoData.ALICE, "zh")).contains("有异议");
    for (String lang : new String[] {"zh", "zh-Hant", "en"}) {
      WebFixtures.assertLinksParseBack(t, page(DemoData.ALICE, lang));
      WebFixtures.assertLinksParseBack(t, page(DemoData.OPERATOR, lang));
    }

    assertThat(command(DemoData.ALICE, "确认 " + STATEMENT).body()).contains(STATEMENT);
  }

  @Test
  @Order(5)
  void shouldOpenThePageInTheLanguageTheLoginMailWasWrittenIn() {
    for (String[] c : new String[][] {{"登錄", "zh-Hant"}, {"登录", "zh"}, {"login", "en"}}) {
      String token = WebFixtures.loginToken(t, DemoData.ALICE, c[0]);
      var r = get(t, "/login/" + token, null);
      assertThat(r.statusCode()).isEqualTo(303);
      assertThat(r.headers().firstValue("Location")).hasValue("/me?lang=" + c[1]);
    }
    assertThat(page(DemoData.ALICE, "zh-Hant")).contains("結算單").contains(STATEMENT);
  }
}
