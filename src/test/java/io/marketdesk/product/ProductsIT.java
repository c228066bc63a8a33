package io.marketdesk.product;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ProductWorkflow end to end (docs/products.md): real mail through GreenMail, the real store, real HTTP. Operators'
 * decisions go through {@link OperatorDecisions} (the operator's 审核 command by mail).
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ProductsIT {
  static final String SERVICE = "market@marketdesk.test";
  static final String TOKEN = "test-token";
  static final ObjectMapper JSON = new ObjectMapper();
  static TestApp t;
  static HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    t = TestApp.start(Map.of("api.token", TOKEN, "security.replies-per-hour", "1000"));
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  // ---- helpers ----

  static Mail command(String from, String body) {
    String id = t.mail.send(from, SERVICE, "商品", body);
    return t.mail.awaitReplyTo(from, id);
  }

  static String newProduct(String from, String name, String type, String price) {
    Mail reply = command(from, "新建商品\n名称: " + name + "\n服务类型: " + type + "\n价格: " + price
        + "\n计费单位: 次\n简介: 一句话简介\n详情: 第一行\n第二行\n");
    Matcher m = Pattern.compile("已新建商品 (P\\d+)").matcher(reply.body());
    assertThat(m.find()).as(reply.body()).isTrue();
    return m.group(1);
  }

  static String listedProduct(String from, String name, String price) {
    String id = newProduct(from, name, "运维服务", price);
    OperatorDecisions.approve(t, id);
    return id;
  }

  static HttpResponse<String> get(String path, boolean withToken) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.baseUrl() + path)).header("Accept-Language", "zh-CN");
      if (withToken) {
        b.header("Authorization", "Bearer " + TOKEN);
      }
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode api(String id) {
    HttpResponse<String> r = get("/api/products/" + id, true);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String status(String id) {
    return api(id).get("status").asText();
  }

  static boolean listedForOrders(String id) {
    return t.app.db().jdbi().withHandle(h -> new ProductLookup().find(h, id).orElseThrow().listed());
  }

  // ---- tests ----

  @Test
  void shouldListNewProductOnlyAfterApproval() {
    String id = newProduct(DemoData.ALICE, "数据库巡检", "运维服务", "¥1,280.50");
    assertThat(status(id)).isEqualTo("in_review");
    assertThat(api(id).get("pendingRevision").asBoolean()).isTrue();
    assertThat(get("/products/" + id, false).statusCode()).isEqualTo(404);
    assertThat(listedForOrders(id)).isFalse();
    Mail review = t.mail.await(DemoData.OPERATOR, m -> m.subject().contains("新商品上架 " + id));
    assertThat(review.body()).contains("¥1,280.50").contains("数据库巡检").contains("运维服务");
    assertThat(review.replyTo()).startsWith("market+");

    OperatorDecisions.approve(t, id);

    JsonNode p = api(id);
    assertThat(p.get("status").asText()).isEqualTo("listed");
    assertThat(p.get("pendingRevision").asBoolean()).isFalse();
    assertThat(p.get("price").asText()).isEqualTo("1280.50");
    assertThat(p.get("type").asText()).isEqualTo("ops");
    assertThat(p.get("providerAccountId").asText()).isEqualTo(DemoData.ALICE_ACCOUNT);
    assertThat(listedForOrders(id)).isTrue();
    HttpResponse<String> page = get("/products/" + id, false);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("数据库巡检").contains("¥1,280.50").doesNotContain("已下架");
    Mail result = t.mail.await(DemoData.ALICE, m -> m.subject().contains("审核结果") && m.subject().contains(id));
    assertThat(result.subject()).contains("已通过");
  }

  @Test
  void shouldRejectNeverListedProductAndAcceptItsResubmission() {
    String id = newProduct(DemoData.ALICE, "待驳回的商品", "软件服务", "300");
    OperatorDecisions.reject(t, id, "简介不清楚");
    assertThat(status(id)).isEqualTo("rejected");
    assertThat(get("/products/" + id, false).statusCode()).isEqualTo(404);
    Mail result = t.mail.await(DemoData.ALICE, m -> m.subject().contains(id) && m.subject().contains("已驳回"));
    assertThat(result.body()).contains("简介不清楚");

    Mail reply = command(DemoData.ALICE, "修改商品 " + id + "\n简介: 更清楚的简介\n");
    assertThat(reply.body()).contains("⧗ 已提交审核").contains(id).contains("重新提交审核");
    assertThat(status(id)).isEqualTo("in_review");
    OperatorDecisions.approve(t, id);
    assertThat(status(id)).isEqualTo("listed");
    assertThat(get("/products/" + id, false).body()).contains("更清楚的简介");
  }

  @Test
  void shouldKeepLiveVersionWhileRevisionIsInReview() {
    String id = listedProduct(DemoData.ALICE, "网站备份", "880");
    Mail reply = command(DemoData.ALICE, "修改商品 " + id + "\n价格: 800\n名称: 网站备份（新版）\n");
    assertThat(reply.body()).contains("⧗ 已提交审核").contains(id).contains("审核通过前，买家仍看到当前在售的版本");

    JsonNode p = api(id);
    assertThat(p.get("status").asText()).isEqualTo("listed");
    assertThat(p.get("pendingRevision").asBoolean()).isTrue();
    assertThat(p.get("price").asText()).isEqualTo("880.00");
    String page = get("/products/" + id, false).body();
    assertThat(page).contains("¥880.00").contains("网站备份").doesNotContain("800.00").doesNotContain("新版");
    assertThat(listedForOrders(id)).isTrue();
    Mail review = t.mail.await(DemoData.OPERATOR, m -> m.subject().contains("商品修改 " + id));
    assertThat(review.body()).contains("¥880.00 → ¥800.00").contains("网站备份 → 网站备份（新版）");
    assertThat(command(DemoData.ALICE, "查看商品 " + id).body()).contains("审核中的版本").contains("/products/" + id);

    OperatorDecisions.reject(t, id, "价格说明不足");
    p = api(id);
    assertThat(p.get("status").asText()).isEqualTo("listed");
    assertThat(p.get("pendingRevision").asBoolean()).isFalse();
    assertThat(p.get("price").asText()).isEqualTo("880.00");

    command(DemoData.ALICE, "修改商品 " + id + "\n价格: 820\n");
    OperatorDecisions.approve(t, id);
    p = api(id);
    assertThat(p.get("price").asText()).isEqualTo("820.00");
    assertThat(p.get("liveVersion").asInt()).isEqualTo(3);
    assertThat(get("/products/" + id, false).body()).contains("¥820.00");
  }

  @Test
  void shouldReplaceRevisionInReviewAndTellOperators() {
    String id = listedProduct(DemoData.ALICE, "安全加固", "500");
    command(DemoData.ALICE, "修改商品 " + id + "\n名称: 安全加固 Pro\n");
    Mail second = command(DemoData.ALICE, "修改商品 " + id + "\n价格: 450\n");
    assertThat(second.body()).contains("取代了之前尚未审核完的修改");
    Mail review = t.mail.await(DemoData.OPERATOR, m -> m.subject().contains("商品修改 " + id) && m.body().contains("取代了"));
    assertThat(review.body()).contains("¥500.00 → ¥450.00").contains("安全加固 → 安全加固 Pro");
    OperatorDecisions.approve(t, id);
    JsonNode p = api(id);
    assertThat(p.get("name").asText()).isEqualTo("安全加固 Pro");
    assertThat(p.get("price").asText()).isEqualTo("450.00");
    long open = t.app.db().jdbi().withHandle(h -> h.createQuery(
        "SELECT COUNT(*) FROM review WHERE subject = :s AND status = 'open'").bind("s", id).mapTo(Long.class).one());
    assertThat(open).isZero();
  }

  @Test
  void shouldDelistOnlyAfterConfirmationAndRelistThroughReview() {
    String id = listedProduct(DemoData.ALICE, "下架测试", "100");
    Mail ask = command(DemoData.ALICE, "下架商品 " + id);
    assertThat(ask.body()).contains("◎ 等您确认").contains(id);
    assertThat(ask.token()).isNotNull();
    assertThat(status(id)).isEqualTo("listed");

    String confirmId = t.mail.reply(DemoData.ALICE, ask, "确定");
    Mail done = t.mail.awaitReplyTo(DemoData.ALICE, confirmId);
    assertThat(done.body()).contains("✔ 完成").contains(id).contains("已下架");
    assertThat(status(id)).isEqualTo("delisted");
    assertThat(listedForOrders(id)).isFalse();
    HttpResponse<String> page = get("/products/" + id, false);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("已下架").contains("下架测试");

    Mail relist = command(DemoData.ALICE, "上架商品 " + id);
    assertThat(relist.body()).contains("⧗ 已提交审核").contains(id).contains("重新上架");
    assertThat(status(id)).isEqualTo("in_review");
    assertThat(get("/products/" + id, false).body()).contains("已下架");
    OperatorDecisions.reject(t, id, "请更新详情");
    assertThat(status(id)).isEqualTo("delisted");

    command(DemoData.ALICE, "上架商品 " + id + "\n详情: 新的详情\n");
    Mail review = t.mail.await(DemoData.OPERATOR, m -> m.subject().contains("商品重新上架 " + id) && m.body().contains("新的详情"));
    assertThat(review.body()).contains("已下架 → 已上架");
    OperatorDecisions.approve(t, id);
    assertThat(status(id)).isEqualTo("listed");
    assertThat(listedForOrders(id)).isTrue();
    assertThat(get("/products/" + id, false).body()).contains("新的详情").doesNotContain("此商品已下架");
  }

  @Test
  void shouldDelistAtOnceWhenConfirmedInlineAndWithdrawRevision() {
    String id = listedProduct(DemoData.ALICE, "即时下架", "100");
    command(DemoData.ALICE, "修改商品 " + id + "\n价格: 90\n");
    Mail reply = command(DemoData.ALICE, "下架商品 " + id + " 确定");
    assertThat(reply.body()).contains("✔ 完成").contains("已撤回");
    JsonNode p = api(id);
    assertThat(p.get("status").asText()).isEqualTo("delisted");
    assertThat(p.get("pendingRevision").asBoolean()).isFalse();
    assertThat(p.get("price").asText()).isEqualTo("100.00");
    t.mail.await(DemoData.OPERATOR, m -> m.subject().contains("已撤回") && m.subject().contains(id));
    String reviewStatus = t.app.db().jdbi().withHandle(h -> h.createQuery(
        "SELECT status FROM review WHERE kind = :k AND subject = :s ORDER BY id DESC LIMIT 1")
        .bind("k", ProductWorkflow.REVIEW_KIND).bind("s", id).mapTo(String.class).one());
    assertThat(reviewStatus).isEqualTo("withdrawn");
    long reviewId = t.app.db().jdbi().withHandle(h -> h.createQuery(
        "SELECT id FROM review WHERE kind = :k AND subject = :s ORDER BY id DESC LIMIT 1")
        .bind("k", ProductWorkflow.REVIEW_KIND).bind("s", id).mapTo(Long.class).one());
    Mail late = command(DemoData.OPERATOR, "审核 " + reviewId + " 同意");
    assertThat(late.body()).contains("✘ 未执行").contains("审核 #" + reviewId + " 已由申请人 " + DemoData.ALICE)
        .contains("撤回");
    assertThat(api(id).get("status").asText()).isEqualTo("delisted");
  }

  @Test
  void shouldChangeNothingWhenAnotherProviderAnswersTheConfirmation() {
    String id = listedProduct(DemoData.ALICE, "确认归属测试", "100");
    Mail ask = command(DemoData.ALICE, "下架商品 " + id);
    String bobId = t.mail.reply(DemoData.BOB, ask, "确定");
    Mail bobReply = t.mail.awaitReplyTo(DemoData.BOB, bobId);
    assertThat(bobReply.body()).contains("✘ 未执行");
    assertThat(status(id)).isEqualTo("listed");
    String aliceId = t.mail.reply(DemoData.ALICE, ask, "确定");
    assertThat(t.mail.awaitReplyTo(DemoData.ALICE, aliceId).body()).contains("✔ 完成");
    assertThat(status(id)).isEqualTo("delisted");
  }

  @Test
  void shouldRefuseEveryChangeToAnotherProvidersProduct() {
    String id = listedProduct(DemoData.ALICE, "只属于 alice", "100");
    Mail reply = command(DemoData.BOB, "修改商品 " + id + "\n价格: 1\n\n下架商品 " + id + " 确定\n上架商品 " + id
        + "\n查看商品 " + id + "\n");
    assertThat(reply.body().split("不是您的商品", -1)).hasSize(5);
    assertThat(reply.body()).doesNotContain("✔ 完成");
    JsonNode p = api(id);
    assertThat(p.get("status").asText()).isEqualTo("listed");
    assertThat(p.get("pendingRevision").asBoolean()).isFalse();
    assertThat(p.get("price").asText()).isEqualTo("100.00");
  }

  @Test
  void shouldExplainEveryBadFieldAndCreateNothing() {
    long before = t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM product").mapTo(Long.class).one());
    Mail reply = command(DemoData.ALICE, "新建商品\n名称: 坏商品\n服务类型: 硬件\n价格: 0\n计费单位: 次\n详情: x\n");
    assertThat(reply.body()).contains("✘ 未执行").contains("服务类型“硬件”不认识").contains("价格必须大于 0")
        .contains("缺少字段 简介").contains("正确写法示例").contains("新建商品\n名称:");
    Mail en = command(DemoData.ALICE, "product new\nname: x\ntype: ops\nprice: 12.345\nunit: time\nsummary: s\ndescription: d\n");
    assertThat(en.body()).contains("X refused").contains("is not an amount");
    long after = t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM product").mapTo(Long.class).one());
    assertThat(after).isEqualTo(before);
  }

  @Test
  void shouldWorkInEnglish() {
    String id;
    Mail reply = command(DemoData.BOB, "product new\nname: Log shipping\ntype: SaaS\nprice: 39\nunit: month\n"
        + "summary: Ship logs\ndescription: Ships logs.\n");
    Matcher m = Pattern.compile("Created product (P\\d+)").matcher(reply.body());
    assertThat(m.find()).as(reply.body()).isTrue();
    id = m.group(1);
    assertThat(api(id).get("type").asText()).isEqualTo("saas");
    OperatorDecisions.approve(t, id);
    assertThat(command(DemoData.BOB, "products listed").body()).contains(id).contains("Log shipping").contains("listed");
    assertThat(command(DemoData.BOB, "product view " + id).body()).contains("What buyers see").contains("/products/" + id);
  }

  @Test
  void shouldEscapeEveryFieldOnTheProductPage() {
    String evil = "<script>alert(1)</script>";
    Mail reply = command(DemoData.ALICE, "新建商品\n名称: " + evil + "\n服务类型: 镜像服务\n价格: 9\n计费单位: <b>月</b>\n"
        + "简介: <img src=x onerror=alert(2)>\n详情: \"><script>alert(3)</script>\n<a href=javascript:alert(4)>x</a>\n");
    Matcher m = Pattern.compile("已新建商品 (P\\d+)").matcher(reply.body());
    assertThat(m.find()).as(reply.body()).isTrue();
    String id = m.group(1);
    t.mail.await(DemoData.OPERATOR, x -> x.subject().contains(id));
    OperatorDecisions.approve(t, id);
    String page = get("/products/" + id, false).body();
    assertThat(page).doesNotContain("<script>").doesNotContain("<img").doesNotContain("<b>").doesNotContain("<a href=javascript");
    assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;img src=x onerror=alert(2)&gt;")
        .contains("&lt;b&gt;月&lt;/b&gt;");
    assertThat(get("/products/%3Cscript%3E", false).body()).doesNotContain("<script>");
  }

  @Test
  void shouldServeProductsApiWithTokenOnly() throws IOException {
    assertThat(get("/api/products/P1001", false).statusCode()).isEqualTo(401);
    assertThat(get("/api/products", true).statusCode()).isEqualTo(400);
    assertThat(get("/api/products?provider=999", true).statusCode()).isEqualTo(404);
    assertThat(get("/api/products/P999999", true).statusCode()).isEqualTo(404);
    HttpResponse<String> list = get("/api/products?provider=" + DemoData.BOB_ACCOUNT, true);
    assertThat(list.statusCode()).isEqualTo(200);
    JsonNode arr = JSON.readTree(list.body());
    assertThat(arr.isArray()).isTrue();
    assertThat(arr).allMatch(n -> n.get("providerAccountId").asText().equals(DemoData.BOB_ACCOUNT));
    assertThat(arr).anyMatch(n -> n.get("id").asText().equals("P1002"));
    JsonNode p = api("P1001");
    assertThat(p.fieldNames()).toIterable().contains("id", "providerAccountId", "type", "name", "price", "unit", "status",
        "pendingRevision");
  }

  @Test
  void shouldLoadDemoProductsOfEveryState() {
    JsonNode p1 = api("P1001");
    assertThat(p1.get("providerAccountId").asText()).isEqualTo(DemoData.ALICE_ACCOUNT);
    assertThat(p1.get("type").asText()).isEqualTo("ops");
    assertThat(p1.get("status").asText()).isEqualTo("listed");
    JsonNode p2 = api("P1002");
    assertThat(p2.get("providerAccountId").asText()).isEqualTo(DemoData.BOB_ACCOUNT);
    assertThat(p2.get("type").asText()).isEqualTo("ops");
    assertThat(p2.get("status").asText()).isEqualTo("listed");
    assertThat(api("P1003").get("pendingRevision").asBoolean()).isTrue();
    assertThat(api("P1003").get("status").asText()).isEqualTo("listed");
    assertThat(api("P1005").get("status").asText()).isEqualTo("in_review");
    assertThat(api("P1007").get("status").asText()).isEqualTo("delisted");
    assertThat(api("P1009").get("status").asText()).isEqualTo("rejected");
    assertThat(get("/", false).body()).contains("id=\"products\"").contains("已上架");
    Mail list = command(DemoData.ALICE, "商品列表");
    assertThat(list.body()).contains("P1001").contains("P1003").contains("修改审核中").contains("P1007").doesNotContain("P1002");
  }
}
