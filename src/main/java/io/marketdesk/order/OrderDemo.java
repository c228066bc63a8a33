package io.marketdesk.order;

import io.marketdesk.audit.ActedBy;
import io.marketdesk.command.Actor;
import io.marketdesk.text.Language;
import io.marketdesk.feature.DemoData;
import io.marketdesk.identity.Directory;
import io.marketdesk.review.Change;
import io.marketdesk.review.Reviews;
import io.marketdesk.template.Catalog;
import io.marketdesk.text.Message;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.jdbi.v3.core.Handle;

/**
 * Demo orders in every state (docs/demo.md) for alice's ops service P1001 and bob's P1002, plus a
 * software order of P1003 that completed on payment, all for buyer@customer.test. The products are
 * the product feature's demo products (ProductDemo, loaded before this). The open appeal of order
 * 20261128000107 is opened through the review workflow, as the buyer's 申诉 would. The console guide's
 * order 20261128000123 is alice's unpaid order (the price-change example).
 */
final class OrderDemo implements DemoData.Loader {
  private static final long DAY = Duration.ofDays(1).toMillis();
  private final Clock clock;
  private final Reviews reviews;
  private final Directory directory;
  private final Catalog words;

  OrderDemo(Clock clock, Reviews reviews, Directory directory, Catalog words) {
    this.clock = clock;
    this.reviews = reviews;
    this.directory = directory;
    this.words = words;
  }

  /** The buyer's appeal of an order being implemented, in review: its state change and the buyer's reason. */
  private long appeal(Handle h, String no, long providerId, Properties t) {
    Actor buyer = directory.actor(h, DemoData.BUYER);
    Reviews.Requester who = new Reviews.Requester(new ActedBy(buyer.address(), null), Language.ZH, buyer.name());
    return reviews.submit(h, who, new Reviews.Submission(AppealReviewKind.KIND, no, providerId,
        Message.of("appeal.review.title", "orderNo", no),
        "{\"orderNo\":\"" + no + "\",\"resume\":\"" + OrderStatus.IMPLEMENTING.code() + "\"}",
        List.of(Change.words(words, "status", Message.of(OrderStatus.IMPLEMENTING.labelKey()),
                Message.of(OrderStatus.DISPUTED.labelKey())),
            Change.of(words, "appeal.reason", null, t.getProperty("order.appeal.reason"))),
        OrderWorkflow.APPEAL_REVIEW_DAYS)).id();
  }

  @Override
  public void load(Handle h) {
    long now = clock.millis();
    long alice = providerId(h, DemoData.ALICE_ACCOUNT);
    long bob = providerId(h, DemoData.BOB_ACCOUNT);
    Properties t = DemoData.text();
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
        .bind("id", form).bind("size", 38).bind("data", "web-1 10.0.0.11\nweb-2 10.0.0.12\ndb-1 10.0.0.21\n".getBytes(StandardCharsets.UTF_8))
        .execute();
    long review = appeal(h, "20261128000107", alice, t);
    h.createUpdate("UPDATE orders SET dispute_review_id = :r WHERE order_no = '20261128000107'").bind("r", review).execute();
  }

  private static long providerId(Handle h, String accountId) {
    return h.createQuery("SELECT id FROM provider WHERE account_id = :a").bind("a", accountId).mapTo(Long.class).one();
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
