package io.marketdesk.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.TestApp;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The order feed: API statuses, events, the CSV/JSON import, demo orders and the status card. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class OrderFeedIT {
  static TestApp t;
  static OrderTesting o;

  @BeforeAll
  static void start() {
    t = TestApp.start(Map.of("api.token", OrderTesting.TOKEN));
    o = new OrderTesting(t);
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @Test
  void shouldAnswerTheFeedWithTheRightStatus() {
    String no = OrderTesting.newOrderNo();
    assertThat(o.createOrder(no, "P1002", "Buyer@Customer.TEST", "¥2,000").status()).isEqualTo(201);
    OrderTesting.Answer again = o.createOrder(no, "P1002", "buyer@customer.test", "2000.00");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).contains("\"price\":\"2000.00\"").contains("\"providerAccountId\":\"100087654321\"");
    assertThat(o.createOrder(no, "P1002", "buyer@customer.test", "1999.00").status()).isEqualTo(409);
    assertThat(o.createOrder(OrderTesting.newOrderNo(), "P9999", "buyer@customer.test", "10").status()).isEqualTo(422);
    t.app.db().jdbi().useHandle(h -> h.execute("INSERT INTO product (id, provider_id, type, status, name, price, unit, created_at,"
        + " updated_at) SELECT 'P1900', id, 'ops', 'delisted', 'old', 100, '次', 0, 0 FROM provider WHERE account_id = '100012345678'"
        + " ON CONFLICT (id) DO NOTHING"));
    OrderTesting.Answer delisted = o.createOrder(OrderTesting.newOrderNo(), "P1900", "buyer@customer.test", "10");
    assertThat(delisted.status()).isEqualTo(422);
    assertThat(delisted.body()).contains("\"status\":422").contains("not on sale");
    assertThat(o.createOrder("x", "P1002", "buyer@customer.test", "10").status()).isEqualTo(400);
    assertThat(o.createOrder(OrderTesting.newOrderNo(), "P1002", "not-an-email", "10").status()).isEqualTo(400);
    assertThat(o.createOrder(OrderTesting.newOrderNo(), "P1002", "buyer@customer.test", "-1").status()).isEqualTo(400);
    assertThat(o.api("POST", "/api/orders", "{nope").status()).isEqualTo(400);
    assertThat(o.api("GET", "/api/orders/424242424242", null).status()).isEqualTo(404);
    assertThat(o.api("POST", "/api/orders/424242424242/paid", null).status()).isEqualTo(404);

    assertThat(o.api("POST", "/api/orders/" + no + "/paid", null).status()).isEqualTo(200);
    assertThat(o.api("POST", "/api/orders/" + no + "/paid", null).status()).isEqualTo(200);
    assertThat(o.api("POST", "/api/orders/" + no + "/cancel", null).status()).isEqualTo(409);
    o.awaitNotices(DemoData.BOB, no, 1);

    String unpaid = OrderTesting.newOrderNo();
    o.createOrder(unpaid, "P1002", "buyer@customer.test", "10");
    assertThat(o.api("POST", "/api/orders/" + unpaid + "/cancel", null).body()).contains("\"status\":\"cancelled\"")
        .contains("\"buyerStatus\":\"已取消\"");
    assertThat(o.api("POST", "/api/orders/" + unpaid + "/cancel", null).status()).isEqualTo(200);
    assertThat(o.api("POST", "/api/orders/" + unpaid + "/paid", null).status()).isEqualTo(409);
    assertThat(o.awaitNotices(DemoData.BOB, unpaid, 1).get(0).subject()).contains("已取消");
    assertThat(o.notices(DemoData.BUYER, unpaid)).isEmpty();
  }

  @Test
  void shouldRefuseTheApiWithoutTheToken() throws Exception {
    var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(t.baseUrl() + "/api/orders/20261128000123")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(401);
  }

  @Test
  void shouldCompleteASoftwareOrderOnPayment() {
    String no = OrderTesting.newOrderNo();
    o.createOrder(no, "P1003", "buyer@customer.test", "500");
    assertThat(o.api("POST", "/api/orders/" + no + "/paid", null).body()).contains("\"status\":\"completed\"")
        .contains("\"buyerStatus\":\"分配完成\"");
    assertThat(o.awaitNotices(DemoData.BUYER, no, 1).get(0).subject()).contains("已完成");
  }

  @Test
  void shouldImportCsvAndJsonFiles() throws Exception {
    String a = OrderTesting.newOrderNo();
    String b = OrderTesting.newOrderNo();
    Path csv = Files.createTempFile(t.dir, "orders", ".csv");
    Files.writeString(csv, "event,orderNo,productId,buyerEmail,price\norder," + a + ",P1001,buyer@customer.test,\"1,000.00\"\n"
        + "paid," + a + ",,,\norder," + a + ",P1001,other@customer.test,1\n");
    OrderImport imp = new OrderImport(t.app.db(), t.app.core().order().workflow());
    StringWriter out = new StringWriter();
    assertThat(imp.run(csv, new PrintWriter(out))).isEqualTo(1);
    assertThat(out.toString()).contains("line 2: order " + a + " -> unpaid").contains("line 3: paid " + a + " -> paid")
        .contains("line 4: order " + a + " refused (409)");
    Path json = Files.createTempFile(t.dir, "orders", ".json");
    Files.writeString(json, "[{\"orderNo\":\"" + b + "\",\"productId\":\"P1002\",\"buyerEmail\":\"buyer@customer.test\",\"price\":88},"
        + "{\"event\":\"cancel\",\"orderNo\":\"" + b + "\"}]");
    assertThat(imp.run(json, new PrintWriter(new StringWriter()))).isZero();
    assertThat(o.order(b).status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(o.order(a).price()).isEqualTo(100000);
  }

  @Test
  void shouldHoldDemoOrdersInEveryStateAndCountThemOnTheStatusPage() throws Exception {
    for (OrderStatus s : OrderStatus.values()) {
      long n = t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM orders WHERE status = :s AND order_no LIKE '202611280%'")
          .bind("s", s.code()).mapTo(Long.class).one());
      assertThat(n).as(s.code()).isPositive();
    }
    var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(t.baseUrl() + "/?lang=zh")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(r.body()).contains("id=\"orders\"").contains("申诉中").doesNotContain("buyer@customer.test");
  }
}
