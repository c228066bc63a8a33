package io.marketdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.FakeClock;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The daily digest on the fake clock, the status section, {@code GET /api/reviews} and the onboarding
 * API, over real HTTP.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ReviewDigestAndApiIT {
  static final String SERVICE = "market@marketdesk.test";
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static TestApp t;
  static long reviewId;

  @BeforeAll
  static void start() {
    // Tuesday 2026-12-01, 08:00 in Shanghai: before the 09:00 digest.
    t = TestApp.start(Map.of(), new FakeClock(Instant.parse("2026-12-01T00:00:00Z")));
    t.closeDemoReviews();
    String id = t.mail.send(DemoData.ALICE, SERVICE, "x", "修改账户信息\n服务时间: 7x24\n");
    assertThat(t.mail.awaitReplyTo(DemoData.ALICE, id).body()).contains("2026-12-04");
    reviewId = t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT MAX(id) FROM review").mapTo(Long.class).one());
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static long digests() {
    return t.app.db().jdbi().withHandle(h -> h.createQuery(
        "SELECT COUNT(*) FROM outbox WHERE to_addr = :a AND subject LIKE '%待审核汇总%'").bind("a", DemoData.OPERATOR)
        .mapTo(Long.class).one());
  }

  static HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.baseUrl() + path)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String path, String body, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.baseUrl() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @Order(1)
  void shouldSendDigestOnceAtDigestHourAndOverdueFirstLater() {
    t.app.scheduler().tickNow();
    assertThat(digests()).isZero();
    t.clock.set(Instant.parse("2026-12-01T01:05:00Z")); // 09:05 Shanghai
    t.app.scheduler().tickNow();
    t.app.scheduler().tickNow();
    Mail digest = t.mail.await(DemoData.OPERATOR, m -> m.subject().contains("待审核汇总"));
    assertThat(digest.subject()).contains("2026-12-01").contains("1 项待审核").contains("0 项逾期");
    assertThat(digest.body()).contains("#" + reviewId).contains("期限 2026-12-04").contains(DemoData.ALICE);
    assertThat(digests()).isEqualTo(1);

    // A restarted app (a new job on the same database) does not send it again the same day.
    Reviews reviews = t.app.core().review().reviews();
    new ReviewDigest(t.app.db().jdbi(), reviews, t.app.core().shared().directory(), t.app.core().shared().mailer(), t.app.core().shared().calendar(),
        t.app.config().zone, t.app.config().digestHour).tick(t.clock.instant());
    assertThat(digests()).isEqualTo(1);

    // Saturday: no digest. Monday 2026-12-07: the review (due 12-04) is overdue and comes first.
    t.clock.set(Instant.parse("2026-12-05T02:00:00Z"));
    t.app.scheduler().tickNow();
    assertThat(digests()).isEqualTo(1);
    t.clock.set(Instant.parse("2026-12-07T01:30:00Z"));
    t.app.scheduler().tickNow();
    Mail second = t.mail.await(DemoData.OPERATOR, m -> m.subject().contains("待审核汇总") && m.subject().contains("2026-12-07"));
    assertThat(second.subject()).contains("1 项逾期");
    assertThat(second.body()).contains("#" + reviewId + " 【逾期】").doesNotContain("OVERDUE");
  }

  @Test
  @Order(2)
  void shouldShowOpenAndOverdueCountsOnStatusPageAndListReviewsInApi() throws Exception {
    JsonNode status = JSON.readTree(get("/api/status", null).body());
    JsonNode section = null;
    for (JsonNode s : status.get("sections")) {
      if (s.get("id").asText().equals("reviews")) {
        section = s;
      }
    }
    assertThat(section).isNotNull();
    assertThat(section.toString()).contains("\"status-page.reviews.open\"").contains("\"status-page.reviews.overdue\"").doesNotContain("@");
    assertThat(section.get("rows").get(0).get("value").asText()).isEqualTo("1");
    assertThat(section.get("rows").get(1).get("value").asText()).isEqualTo("1");

    HttpResponse<String> anonymous = get("/api/reviews?status=open", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(anonymous.body()).get("status").asInt()).isEqualTo(401);
    assertThat(get("/api/reviews?status=maybe", "demo-token").statusCode()).isEqualTo(400);

    HttpResponse<String> open = get("/api/reviews?status=open", "demo-token");
    assertThat(open.statusCode()).isEqualTo(200);
    JsonNode list = JSON.readTree(open.body());
    assertThat(list.isArray()).isTrue();
    JsonNode r = list.get(0);
    assertThat(r.get("id").asLong()).isEqualTo(reviewId);
    assertThat(r.get("kind").asText()).isEqualTo("account");
    assertThat(r.get("subject").asText()).isEqualTo(DemoData.ALICE_ACCOUNT);
    assertThat(r.get("status").asText()).isEqualTo("open");
    assertThat(r.get("due").asText()).isEqualTo("2026-12-04");
    assertThat(r.get("overdue").asBoolean()).isTrue();
    assertThat(get("/api/reviews/" + reviewId, "demo-token").statusCode()).isEqualTo(200);
    assertThat(get("/api/reviews/99999", "demo-token").statusCode()).isEqualTo(404);
  }

  @Test
  @Order(3)
  void shouldOnboardProviderWith201ThenAnswer200And409And400And422() throws Exception {
    String body = "{\"accountId\":\"100055556666\",\"companyName\":\"星河云服务有限公司\",\"companyAddress\":\"深圳市南山区科技园 1 号\","
        + "\"creditCode\":\"91440300708461136T\",\"csPhone\":\"400-700-7000\",\"csEmail\":\"cs@xinghe.test\",\"csHours\":\"7x24\","
        + "\"contactName\":\"张三\",\"contactPhone\":\"13700137000\",\"contactEmail\":\"zhang@xinghe.test\","
        + "\"addresses\":[\"Zhang@XingHe.test\"]}";
    assertThat(post("/api/providers", body, null).statusCode()).isEqualTo(401);
    HttpResponse<String> created = post("/api/providers", body, "demo-token");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(JSON.readTree(created.body()).get("addresses").get(0).asText()).isEqualTo("zhang@xinghe.test");
    assertThat(post("/api/providers", body, "demo-token").statusCode()).isEqualTo(200);
    HttpResponse<String> conflict = post("/api/providers", body.replace("7x24", "9-18"), "demo-token");
    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(conflict.body()).get("error").asText()).contains("100055556666");
    HttpResponse<String> takenAddress = post("/api/providers",
        body.replace("100055556666", "100055557777").replace("Zhang@XingHe.test", DemoData.ALICE), "demo-token");
    assertThat(takenAddress.statusCode()).isEqualTo(409);

    HttpResponse<String> bad = post("/api/providers",
        "{\"accountId\":\"12a\",\"companyName\":\"X\",\"creditCode\":\"91440300708461136A\",\"contactPhone\":\"phone\","
            + "\"fax\":\"1\",\"addresses\":[\"nope\"]}", "demo-token");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).get("error").asText()).contains("fax: unknown field").contains("accountId")
        .contains("creditCode").contains("contactPhone").contains("companyAddress").contains("\"nope\"");
    assertThat(post("/api/providers", "not json", "demo-token").statusCode()).isEqualTo(400);
    assertThat(post("/api/providers", body.replace("100055556666", "100055558888")
        .replace("Zhang@XingHe.test", "market+x@marketdesk.test"), "demo-token").statusCode()).isEqualTo(422);

    long audited = t.app.db().jdbi().withHandle(h -> h.createQuery(
        "SELECT COUNT(*) FROM audit_log WHERE entity = 'provider' AND entity_id = '100055556666' AND action = 'created'")
        .mapTo(Long.class).one());
    assertThat(audited).isEqualTo(1);
  }

  @Test
  @Order(4)
  void shouldOnboardOperatorWhoThenGetsReviewMails() throws Exception {
    String body = "{\"name\":\"运营小李\",\"addresses\":[\"li@marketdesk.test\"]}";
    t.app.embedded().addUser("li@marketdesk.test", "demo");
    assertThat(post("/api/operators", body, "demo-token").statusCode()).isEqualTo(201);
    assertThat(post("/api/operators", body, "demo-token").statusCode()).isEqualTo(200);
    assertThat(post("/api/operators", "{\"name\":\"Other\",\"addresses\":[\"li@marketdesk.test\"]}", "demo-token").statusCode())
        .isEqualTo(409);
    assertThat(post("/api/operators", "{\"addresses\":[]}", "demo-token").statusCode()).isEqualTo(400);

    String id = t.mail.send(DemoData.BOB, SERVICE, "x", "account update\ncontact: Bob Wang\n");
    assertThat(t.mail.awaitReplyTo(DemoData.BOB, id).body()).contains("~ sent for review");
    // li never wrote yet: the review mail is in the default language, not in bob's (docs/languages.md)
    Mail review = t.mail.await("li@marketdesk.test", m -> m.subject().contains("【待审核 #"));
    assertThat(review.body()).contains("联系人：Bob 王 → Bob Wang");
    String pending = t.mail.send("li@marketdesk.test", SERVICE, "x", "pending\n");
    Mail list = t.mail.awaitReplyTo("li@marketdesk.test", pending);
    assertThat(list.body()).contains("2 open reviews, 1 overdue");
    assertThat(list.body().indexOf("#" + reviewId + " [OVERDUE]")).isNotNegative()
        .isLessThan(list.body().indexOf("account ID " + DemoData.BOB_ACCOUNT));
  }
}
