package io.marketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.Web;
import io.marketdesk.testing.TestApp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The API's bearer token is checked once for every {@code /api/} route (docs/web.md): each route the
 * server has, as the features added it, answers 401 without the token or with a wrong one, so a new
 * route cannot be left open by forgetting a line.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ApiTokenIT {
  private static final String TOKEN = "api-token-it-" + Long.toHexString(System.nanoTime());
  private static final Set<String> ENDPOINTS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
  static TestApp t;

  @BeforeAll
  static void start() {
    t = TestApp.start(Map.of("api.token", TOKEN));
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  private static List<WebServer.Route> apiRoutes() {
    return t.app.webRoutes().stream().filter(r -> ENDPOINTS.contains(r.method()) && r.path().startsWith("/api/")).toList();
  }

  private static int call(String method, String path, String authorization, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.baseUrl() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return WebFixtures.send(b.build()).statusCode();
  }

  @Test
  void shouldAnswer401OnEveryApiRouteWithoutTheToken() {
    List<WebServer.Route> api = apiRoutes();
    assertThat(api).extracting(r -> r.method() + " " + r.path()).contains("POST /api/providers", "POST /api/operators",
        "POST /api/orders", "POST /api/orders/{no}/paid", "POST /api/orders/{no}/cancel", "GET /api/orders/{no}",
        "GET /api/products", "GET /api/products/{id}", "GET /api/reviews", "GET /api/reviews/{id}", "GET /api/settlements",
        "GET /api/settlements/{id}", "GET /api/status");
    for (WebServer.Route r : api) {
      if (r.roles().contains(Web.Access.PUBLIC)) {
        continue;
      }
      String path = r.path().replaceAll("\\{[^}]+}", "1");
      assertThat(call(r.method(), path, null, "{}")).as("%s %s without a token", r.method(), path).isEqualTo(401);
      assertThat(call(r.method(), path, "Bearer wrong-" + TOKEN, "{}")).as("%s %s with a wrong token", r.method(), path)
          .isEqualTo(401);
      assertThat(call(r.method(), path, TOKEN, "{}")).as("%s %s without the Bearer scheme", r.method(), path).isEqualTo(401);
    }
  }

  @Test
  void shouldOpenOnlyTheStatusWithoutTheToken() {
    assertThat(apiRoutes().stream().filter(r -> r.roles().contains(Web.Access.PUBLIC)))
        .extracting(WebServer.Route::path).containsExactly("/api/status");
    assertThat(call("GET", "/api/status", null, null)).isEqualTo(200);
  }

  @Test
  void shouldNotRunTheRouteWhenTheTokenIsMissing() {
    String body = "{\"name\": \"Token Test\", \"addresses\": [\"token-test@marketdesk.test\"]}";
    assertThat(call("POST", "/api/operators", null, body)).isEqualTo(401);
    int made = t.app.db().jdbi().withHandle(h -> h.createQuery(
        "SELECT COUNT(*) FROM operator_address WHERE address = 'token-test@marketdesk.test'").mapTo(Integer.class).one());
    assertThat(made).isZero();
    assertThat(call("POST", "/api/operators", "Bearer " + TOKEN, body)).isEqualTo(201);
  }

  @Test
  void shouldLetTheRouteAnswerWithTheToken() {
    assertThat(call("GET", "/api/orders/1", "Bearer " + TOKEN, null)).isEqualTo(404);
    // the scheme is case-insensitive (RFC 7235); the route runs and asks for its parameter
    assertThat(call("GET", "/api/products", "bearer " + TOKEN, null)).isEqualTo(400);
  }
}
