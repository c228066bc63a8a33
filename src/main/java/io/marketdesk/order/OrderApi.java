package io.marketdesk.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.marketdesk.audit.ActedBy;
import io.marketdesk.feature.ApiException;
import io.marketdesk.feature.Web;
import io.marketdesk.feature.WebModule;
import io.marketdesk.money.Money;
import io.marketdesk.template.Catalog;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The order feed of the marketplace (docs/web.md), with the bearer token: {@code POST /api/orders},
 * {@code POST /api/orders/{no}/paid}, {@code POST /api/orders/{no}/cancel}, {@code GET
 * /api/orders/{no}}. Every call runs in one transaction with the mails it causes. Thread-safe.
 */
final class OrderApi implements WebModule {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Jdbi jdbi;
  private final OrderWorkflow workflow;

  OrderApi(Jdbi jdbi, OrderWorkflow workflow) {
    this.jdbi = jdbi;
    this.workflow = workflow;
  }

  /** An order as the API shows it. */
  record OrderJson(String orderNo, String productId, String productName, String productType, String providerAccountId,
      String buyerEmail, String price, String originalPrice, String status, String buyerStatus, String buyerStatusEn,
      boolean refund, int rejections, long createdAt, String refundedAmount) {
    static OrderJson of(Order o, Catalog words) {
      return new OrderJson(o.orderNo(), o.productId(), o.productName(), o.productType(), o.accountId(), o.buyerEmail(),
          Money.format(o.price()), Money.format(o.originalPrice()), o.status().code(),
          words.text("zh", o.status().buyerLabelKey()), words.text("en", o.status().buyerLabelKey()),
          o.refundFlag(), o.rejections(), o.createdAt(), Money.format(o.refundedAmount()));
    }
  }

  @Override
  public void routes(Javalin app, Web web) {
    app.post("/api/orders", ctx -> {
      JsonNode body = body(ctx);
      OrderResult r = jdbi.inTransaction(h -> workflow.create(h, ActedBy.API, text(body, "orderNo"), text(body, "productId"),
          text(body, "buyerEmail"), text(body, "price"), text(body, "language")));
      answer(ctx, r, 201);
    });
    app.post("/api/orders/{no}/paid", ctx -> {
      answer(ctx, jdbi.inTransaction(h -> workflow.paid(h, ActedBy.API, ctx.pathParam("no"))), 200);
    });
    app.post("/api/orders/{no}/cancel", ctx -> {
      answer(ctx, jdbi.inTransaction(h -> workflow.cancel(h, ActedBy.API, ctx.pathParam("no"))), 200);
    });
    app.get("/api/orders/{no}", ctx -> {
      Order o = jdbi.withHandle(h -> workflow.find(h, ctx.pathParam("no")))
          .orElseThrow(() -> ApiException.notFound("there is no order " + ctx.pathParam("no")));
      ctx.json(OrderJson.of(o, workflow.catalog()));
    });
  }

  private void answer(Context ctx, OrderResult r, int createdStatus) {
    if (!r.ok()) {
      throw new ApiException(r.refusal().httpStatus(), workflow.catalog().text("en", r.refusal().reason()));
    }
    ctx.status(r.changed() ? createdStatus : 200).json(OrderJson.of(r.order(), workflow.catalog()));
  }

  private static JsonNode body(Context ctx) {
    String raw = ctx.body();
    if (raw.isBlank()) {
      throw ApiException.badRequest("the body must be a JSON object {\"orderNo\", \"productId\", \"buyerEmail\", \"price\"}");
    }
    try {
      JsonNode n = JSON.readTree(raw);
      if (n == null || !n.isObject()) {
        throw ApiException.badRequest("the body must be a JSON object");
      }
      return n;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ApiException.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** A string or number field as text; null when absent; 400 for objects and arrays. */
  static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isTextual()) {
      return v.asText();
    }
    if (v.isNumber()) {
      return v.decimalValue().toPlainString();
    }
    throw ApiException.badRequest(field + " must be a string");
  }

  static Map<String, Object> error(int status, String message) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", status);
    m.put("error", message);
    return m;
  }
}
