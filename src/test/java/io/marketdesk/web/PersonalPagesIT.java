package io.marketdesk.web;

import static io.marketdesk.web.WebFixtures.get;
import static io.marketdesk.web.WebFixtures.login;
import static io.marketdesk.web.WebFixtures.loginToken;
import static io.marketdesk.web.WebFixtures.mailtos;
import static io.marketdesk.web.WebFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.TestApp;
import io.marketdesk.web.WebFixtures.MailtoLink;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Login links, sessions and the personal pages, end to end: mail in, link out, pages over HTTP. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class PersonalPagesIT {
  static TestApp t;

  @BeforeAll
  static void start() {
    t = TestApp.start();
    WebFixtures.seed(t);
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @Test
  void shouldOpenASessionWithSafeCookieFlagsAndRedirectToMe() {
    String token = loginToken(t, DemoData.ALICE, "登录");
    HttpResponse<String> r = get(t, "/login/" + token, null);
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).hasValue("/me?lang=zh");
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).startsWith("md_session=").contains("; HttpOnly").contains("; SameSite=Lax").contains("; Path=/")
        .doesNotContain("Secure");
    HttpResponse<String> me = get(t, "/me", cookie.substring(0, cookie.indexOf(';')));
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("100012345678").contains("云帆科技有限公司").contains("91310115MA1K4XXX1A");
  }

  @Test
  void shouldRefuseALoginLinkUsedTwice() {
    String token = loginToken(t, DemoData.ALICE, "login");
    assertThat(get(t, "/login/" + token, null).statusCode()).isEqualTo(303);
    HttpResponse<String> again = get(t, "/login/" + token, null);
    assertThat(again.statusCode()).isEqualTo(410);
    assertThat(again.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(get(t, "/login/" + token + "?lang=zh", null).body()).contains("登录链接已使用过").contains("登录");
    assertThat(get(t, "/login/" + token + "?lang=en", null).body()).contains("already used").contains("login");
  }

  @Test
  void shouldRefuseAnExpiredLoginLinkAndSayHowToGetANewOne() {
    String token = loginToken(t, DemoData.BOB, "登录");
    t.clock.advance(Duration.ofMinutes(16));
    try {
      HttpResponse<String> r = get(t, "/login/" + token + "?lang=zh", null);
      assertThat(r.statusCode()).isEqualTo(410);
      assertThat(r.body()).contains("登录链接已过期").contains("15 分钟").contains("market@marketdesk.test");
      assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
      List<MailtoLink> links = mailtos(r.body());
      assertThat(links).containsExactly(new MailtoLink("market@marketdesk.test", "登录", "登录"));
    } finally {
      t.clock.advance(Duration.ofMinutes(-16));
    }
  }

  @Test
  void shouldAnswerAnUnknownOrForeignTokenWithNotFound() {
    assertThat(get(t, "/login/aaaaaaaaaaaaaaaaaaaaaaaaaa", null).statusCode()).isEqualTo(404);
    assertThat(get(t, "/login/not-a-token", null).statusCode()).isEqualTo(404);
    String review = t.app.db().jdbi().withHandle(h -> t.app.core().shared().tokens().issue(h, "review", "1", DemoData.ALICE, null,
        Duration.ofDays(1)));
    assertThat(get(t, "/login/" + review, null).statusCode()).isEqualTo(404);
  }

  @Test
  void shouldShowTheProviderOnlyItsOwnThings() {
    String cookie = login(t, DemoData.ALICE);
    String page = get(t, "/me?lang=zh", cookie).body();
    assertThat(page).contains("P-A1").contains("云帆 Linux 运维托管").contains("已上架")
        .contains("P-A2").contains("云帆新软件 Alice").contains("审核中")
        .contains("20260101000001").contains("20260101000002").contains("已支付").contains("待支付")
        .contains("新商品：云帆新软件").contains("已超期")
        .contains("product P-A1 · listed");
    assertThat(page).doesNotContain("P-B1").doesNotContain("北辰秘密数据服务").doesNotContain("20260101000003")
        .doesNotContain("20260101000004").doesNotContain(WebFixtures.BOB_SECRET_BUYER).doesNotContain("13911112222")
        .doesNotContain(DemoData.BOB_ACCOUNT).doesNotContain(DemoData.BOB).doesNotContain("bob-private-audit")
        .doesNotContain("北辰");
    assertThat(page).doesNotContain("id=\"review-queue\"");
  }

  @Test
  void shouldWriteTheProviderCommandsIntoMailtoLinks() {
    String page = get(t, "/me?lang=zh", login(t, DemoData.ALICE)).body();
    List<MailtoLink> links = mailtos(page);
    assertThat(links).allSatisfy(l -> assertThat(l.to()).isEqualTo("market@marketdesk.test"));
    assertThat(links).contains(
        new MailtoLink("market@marketdesk.test", "下架商品 P-A1", "下架商品 P-A1"),
        new MailtoLink("market@marketdesk.test", "开始实施 20260101000001", "开始实施 20260101000001"),
        new MailtoLink("market@marketdesk.test", "申请改价 20260101000002",
            "云帆科技有限公司服务商（腾讯云账号 ID : 100012345678），申请将订单20260101000002价格修改为折扣价\r\n理由: "));
    assertThat(links).anySatisfy(l -> assertThat(l.body()).startsWith("新建商品\r\n名称: \r\n服务类型: 运维服务"));
    List<MailtoLink> en = mailtos(get(t, "/me?lang=en", login(t, DemoData.ALICE)).body());
    assertThat(en).contains(new MailtoLink("market@marketdesk.test", "product delist P-A1", "product delist P-A1"),
        new MailtoLink("market@marketdesk.test", "start 20260101000001", "start 20260101000001"));
  }

  @Test
  void shouldShowTheOperatorTheQueueOverdueFirstWithApproveAndRejectLinks() {
    String cookie = login(t, DemoData.OPERATOR);
    String page = get(t, "/me?lang=zh", cookie).body();
    assertThat(page).contains("id=\"review-queue\"").contains("新商品：云帆新软件").contains("北辰修改账户信息")
        .contains("13900139000").contains("13911112222").contains("20260101000004").contains("申诉中的订单");
    assertThat(page.indexOf("新商品：云帆新软件")).isLessThan(page.indexOf("北辰修改账户信息"));
    long id = t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT id FROM review WHERE subject = 'P-A2'")
        .mapTo(Long.class).one());
    assertThat(mailtos(page)).contains(
        new MailtoLink("market@marketdesk.test", "审核 " + id + " 同意", "审核 " + id + " 同意"),
        new MailtoLink("market@marketdesk.test", "审核 " + id + " 拒绝", "审核 " + id + " 拒绝 "));
    assertThat(mailtos(get(t, "/me?lang=en", cookie).body())).contains(
        new MailtoLink("market@marketdesk.test", "review " + id + " approve", "review " + id + " approve"));
  }

  @Test
  void shouldShowTheBuyerOnlyTheirOrdersWithBuyerLabels() {
    String page = get(t, "/me?lang=zh", login(t, DemoData.BUYER)).body();
    assertThat(page).contains("20260101000001").contains("处理中").contains("20260101000004")
        .contains("提交需求单");
    assertThat(page).doesNotContain("20260101000002").doesNotContain("20260101000003")
        .doesNotContain("已支付").doesNotContain("id=\"review-queue\"").doesNotContain("id=\"account\"");
    assertThat(mailtos(page)).contains(new MailtoLink("market@marketdesk.test", "查询订单 20260101000001",
        "查询订单 20260101000001"));
  }

  @Test
  void shouldWriteLinksThatParseBackToTheirCommandsInEveryLanguage() {
    for (String who : List.of(DemoData.ALICE, DemoData.OPERATOR, DemoData.BUYER)) {
      String cookie = login(t, who);
      for (String lang : List.of("zh", "zh-Hant", "en")) {
        WebFixtures.assertLinksParseBack(t, get(t, "/me?lang=" + lang, cookie).body());
      }
    }
  }

  @Test
  void shouldAskBeforeLoggingOutAndEndTheSession() {
    String cookie = login(t, DemoData.ALICE);
    assertThat(get(t, "/me", cookie).statusCode()).isEqualTo(200);
    HttpResponse<String> ask = get(t, "/logout?lang=en", cookie);
    assertThat(ask.body()).contains("Log out?").contains("method=\"post\"");
    assertThat(get(t, "/me", cookie).statusCode()).isEqualTo(200);
    HttpResponse<String> out = post(t, "/logout?lang=zh", cookie);
    assertThat(out.statusCode()).isEqualTo(200);
    assertThat(out.body()).contains("已退出登录");
    assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("md_session=;").contains("Max-Age=0");
    HttpResponse<String> me = get(t, "/me?lang=zh", cookie);
    assertThat(me.statusCode()).isEqualTo(401);
    assertThat(me.body()).contains("请先登录").doesNotContain("100012345678");
  }

  @Test
  void shouldRefuseAForgedOrMissingSession() {
    assertThat(get(t, "/me", null).statusCode()).isEqualTo(401);
    assertThat(get(t, "/me", "md_session=" + "a".repeat(52)).statusCode()).isEqualTo(401);
  }

  @Test
  void shouldEndASessionAfterItsLifetime() {
    String cookie = login(t, DemoData.ALICE);
    t.clock.advance(io.marketdesk.login.Sessions.TTL.plusMinutes(1));
    try {
      assertThat(get(t, "/me", cookie).statusCode()).isEqualTo(401);
    } finally {
      t.clock.advance(io.marketdesk.login.Sessions.TTL.plusMinutes(1).negated());
    }
  }
}
