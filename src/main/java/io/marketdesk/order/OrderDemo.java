package io.marketdesk.order;

import io.marketdesk.feature.DemoData;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Handle;

/**
 * Demo orders in every state (docs/demo.md) for alice's ops service P1001 and bob's P1002, plus a
 * software order that completed on payment, all for buyer@customer.test. The products are created
 * here only if the products feature has not created them ({@code ON CONFLICT DO NOTHING}). The
 * console guide's order 20261128000123 is alice's unpaid order (the price-change example).
 */
final class OrderDemo implements DemoData.Loader {
  private static final long DAY = Duration.ofDays(1).toMillis();
  private final Clock clock;
  private final io.marketdesk.template.Catalog words;

  OrderDemo(Clock clock, io.marketdesk.template.Catalog words) {
    this.clock = clock;
    this.words = words;
  }

  /** The open appeal's review lines: its state change and the buyer's reason, labels from the catalog. */
  private String changes(java.util.Properties t) {
    java.util.List<Object> list = java.util.List.of(
        java.util.Map.of("field", "status", "labelZh", words.text("zh", "change.status"), "labelEn", words.text("en", "change.status"),
            "before", words.text("zh", OrderStatus.IMPLEMENTING.labelKey()), "after", words.text("zh", OrderStatus.DISPUTED.labelKey())),
        new java.util.HashMap<>(java.util.Map.of("field", "appeal.reason", "labelZh", words.text("zh", "change.appeal.reason"),
            "labelEn", words.text("en", "change.appeal.reason"), "after", t.getProperty("order.appeal.reason"))));
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(list);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void load(Handle h) {
    long now = clock.millis();
    long alice = providerId(h, DemoData.ALICE_ACCOUNT);
    long bob = providerId(h, DemoData.BOB_ACCOUNT);
    java.util.Properties t = DemoData.text();
    product(h, "P1001", alice, "ops", t, 100000, now);
    product(h, "P1002", bob, "ops", t, 200000, now);
    product(h, "P1003", alice, "software", t, 50000, now);
    String b = DemoData.BUYER;
    order(h, "20261128000123", "P1001", alice, b, 100000, "unpaid", now - DAY, null, null, null, null, null, 0, null);
    order(h, "20261128000102", "P1001", alice, b, 100000, "paid", now - 3 * DAY, now - 2 * DAY, null, null, null, null, 0, null);
    order(h, "20261128000103", "P1001", alice, b, 100000, "implementing", now - 5 * DAY, now - 5 * DAY, now - 4 * DAY, null, null,
        null, 0, null);
    order(h, "20261128000104", "P1001", alice, b, 100000, "awaiting_confirmation", now - 8 * DAY, now - 8 * DAY, now - 7 * DAY,
        now - DAY, null, null, 0, null);
    order(h, "20261128000105", "P1001", alice, b, 100000, "completed", now - 20 * DAY, now - 20 * DAY, now - 19 * DAY, now - 15 * DAY,
        now - 14 * DAY, null, 0, null);
    order(h, "20261128000106", "P1001", alice, b, 100000, "cancelled", now - 10 * DAY, null, null, null, null, now - 9 * DAY, 0, null);
    order(h, "20261128000107", "P1001", alice, b, 100000, "disputed", now - 30 * DAY, now - 30 * DAY, now - 29 * DAY, null, null,
        null, 3, "implementing");
    // refunds (docs/after-the-sale.md): one waiting for alice's answer (a deadline a year away, so
    // that it waits for someone trying the demo rather than going to operators), one refunded in full
    order(h, "20261128000108", "P1001", alice, b, 100000, "refunding", now - 6 * DAY, now - 6 * DAY, null, null, null, null, 0, null);
    h.createUpdate("INSERT INTO order_refund (order_no, amount, reason, requested_by, status_before, status, requested_at,"
            + " answer_due) SELECT '20261128000108', 100000, 'Demo: the service was not started', :b, 'paid', 'asked', :at, :due"
            + " WHERE NOT EXISTS (SELECT 1 FROM order_refund WHERE order_no = '20261128000108')")
        .bind("b", b).bind("at", now - DAY).bind("due", now + 365 * DAY).execute();
    order(h, "20261128000109", "P1001", alice, b, 100000, "refunded", now - 25 * DAY, now - 25 * DAY, now - 24 * DAY, null, null,
        null, 0, null);
    h.createUpdate("UPDATE orders SET refunded_amount = price WHERE order_no = '20261128000109'").execute();
    order(h, "20261128000201", "P1002", bob, b, 200000, "unpaid", now - DAY, null, null, null, null, null, 0, null);
    order(h, "20261128000202", "P1002", bob, b, 200000, "paid", now - 2 * DAY, now - DAY, null, null, null, null, 0, null);
    order(h, "20261128000203", "P1002", bob, b, 200000, "implementing", now - 6 * DAY, now - 6 * DAY, now - 5 * DAY, null, null,
        null, 1, null);
    order(h, "20261128000204", "P1002", bob, b, 200000, "awaiting_confirmation", now - 9 * DAY, now - 9 * DAY, now - 8 * DAY,
        now - 2 * DAY, null, null, 0, null);
    order(h, "20261128000205", "P1002", bob, b, 200000, "completed", now - 40 * DAY, now - 40 * DAY, now - 39 * DAY, now - 35 * DAY,
        now - 33 * DAY, null, 0, null);
    order(h, "20261128000206", "P1002", bob, b, 200000, "cancelled", now - 12 * DAY, null, null, null, null, now - 11 * DAY, 0, null);
    order(h, "20261128000301", "P1003", alice, b, 50000, "completed", now - 4 * DAY, now - 4 * DAY, null, null, now - 4 * DAY, null, 0,
        null);
    long form = h.createUpdate("INSERT INTO order_requirement (order_no, submitted_by, text, created_at)"
            + " VALUES ('20261128000103', :b, :t, :at)")
        .bind("b", b).bind("t", t.getProperty("order.requirement")).bind("at", now - 4 * DAY - 3_600_000)
        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    h.createUpdate("INSERT INTO order_attachment (requirement_id, filename, content_type, size, data)"
            + " VALUES (:id, 'servers.txt', 'text/plain', :size, :data)")
        .bind("id", form).bind("size", 38).bind("data", "web-1 10.0.0.11\nweb-2 10.0.0.12\ndb-1 10.0.0.21\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .execute();
    long review = h.createUpdate("INSERT INTO review (kind, subject, provider_id, requested_by, lang, title_zh, title_en, payload,"
            + " changes, status, submitted_at, due_at) VALUES ('appeal', '20261128000107', :pid, :b, 'zh', :tz, :te, :payload,"
            + " :changes, 'open', :at, :due)")
        .bind("pid", alice).bind("b", b)
        .bind("tz", words.text("zh", "appeal.review.title", "orderNo", "20261128000107"))
        .bind("te", words.text("en", "appeal.review.title", "orderNo", "20261128000107"))
        .bind("payload", "{\"orderNo\":\"20261128000107\",\"resume\":\"implementing\"}")
        .bind("changes", changes(t))
        .bind("at", now - DAY).bind("due", now + 2 * DAY)
        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    h.createUpdate("UPDATE orders SET dispute_review_id = :r WHERE order_no = '20261128000107'").bind("r", review).execute();
  }

  private static long providerId(Handle h, String accountId) {
    return h.createQuery("SELECT id FROM provider WHERE account_id = :a").bind("a", accountId).mapTo(Long.class).one();
  }

  private static void product(Handle h, String id, long providerId, String type, java.util.Properties t, long price, long now) {
    String[] v = t.getProperty("order-product." + id).split("\\s*\\|\\s*", 2);
    String name = v[0];
    String unit = v[1];
    h.createUpdate("INSERT INTO product (id, provider_id, type, status, live_version, name, price, unit, summary, description,"
            + " created_at, updated_at) VALUES (:id, :pid, :type, 'listed', 1, :name, :price, :unit, :name, :name, :now, :now)"
            + " ON CONFLICT (id) DO NOTHING")
        .bind("id", id).bind("pid", providerId).bind("type", type).bind("name", name).bind("price", price).bind("unit", unit)
        .bind("now", now).execute();
    h.createUpdate("INSERT INTO product_version (product_id, version, type, name, price, unit, summary, description, status,"
            + " submitted_by, submitted_at) VALUES (:id, 1, :type, :name, :price, :unit, :name, :name, 'approved', 'demo', :now)"
            + " ON CONFLICT (product_id, version) DO NOTHING")
        .bind("id", id).bind("type", type).bind("name", name).bind("price", price).bind("unit", unit).bind("now", now).execute();
  }

  private static void order(Handle h, String no, String product, long providerId, String buyer, long price, String status,
      long created, Long paid, Long started, Long done, Long completed, Long cancelled, int rejections, String before) {
    Long waiting = started != null ? started : paid;
    h.createUpdate("INSERT INTO orders (order_no, product_id, provider_id, buyer_email, price, original_price, status,"
            + " status_before_dispute, created_at, paid_at, started_at, done_at, completed_at, cancelled_at, rejections,"
            + " updated_at, waiting_since) VALUES (:no, :product, :pid, :buyer, :price, :price, :status, :before, :created, :paid,"
            + " :started, :done, :completed, :cancelled, :rejections, :created, :waiting) ON CONFLICT (order_no) DO NOTHING")
        .bind("no", no).bind("product", product).bind("pid", providerId).bind("buyer", buyer).bind("price", price)
        .bind("status", status).bind("before", before).bind("created", created).bind("paid", paid).bind("started", started)
        .bind("done", done).bind("completed", completed).bind("cancelled", cancelled).bind("rejections", rejections)
        .bind("waiting", waiting).execute();
  }
}
