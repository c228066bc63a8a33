package io.marketdesk.pricing;

import io.marketdesk.feature.DemoData;
import io.marketdesk.command.Outcome;
import io.marketdesk.review.Review;
import io.marketdesk.review.Reviews;
import io.marketdesk.testing.TestApp;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * ProductWorkflow and orders written straight into the V3/V4 tables (the product and order features are
 * built elsewhere), and an operator's decision sent by mail as an operator's {@code 审核} command.
 */
final class PricingFixture {
  static final String ALICE_PRODUCT = "P9001";
  static final String BOB_PRODUCT = "P9002";
  private static final AtomicLong SEQ = new AtomicLong(20261130900000L);

  private final TestApp t;

  PricingFixture(TestApp t) {
    this.t = t;
    long now = t.clock.millis();
    t.app.db().jdbi().useTransaction(h -> {
      for (String[] p : new String[][] {{ALICE_PRODUCT, DemoData.ALICE_ACCOUNT, "云上运维托管"},
          {BOB_PRODUCT, DemoData.BOB_ACCOUNT, "数据库迁移服务"}}) {
        h.createUpdate("INSERT INTO product (id, provider_id, type, status, live_version, name, price, unit, summary,"
                + " description, created_at, updated_at) SELECT :id, id, 'ops', 'listed', 1, :name, 100000, '次', 's', 'd',"
                + " :now, :now FROM provider WHERE account_id = :acc")
            .bind("id", p[0]).bind("acc", p[1]).bind("name", p[2]).bind("now", now).execute();
      }
    });
  }

  /** A new order of alice's product at 1,000.00, unpaid, bought by the demo buyer. */
  String aliceOrder() {
    return order(ALICE_PRODUCT, DemoData.ALICE_ACCOUNT, 100000, "unpaid");
  }

  String order(String productId, String account, long price, String status) {
    String no = String.valueOf(SEQ.incrementAndGet());
    long now = t.clock.millis();
    t.app.db().jdbi().useHandle(h -> h.createUpdate(
            "INSERT INTO orders (order_no, product_id, provider_id, buyer_email, price, original_price, status,"
                + " created_at, updated_at) SELECT :no, :pid, id, :buyer, :price, :price, :status, :now, :now"
                + " FROM provider WHERE account_id = :acc")
        .bind("no", no).bind("pid", productId).bind("buyer", DemoData.BUYER).bind("price", price)
        .bind("status", status).bind("now", now).bind("acc", account).execute());
    return no;
  }

  void setStatus(String orderNo, String status) {
    t.app.db().jdbi().useHandle(h -> h.createUpdate("UPDATE orders SET status = :s WHERE order_no = :no")
        .bind("s", status).bind("no", orderNo).execute());
  }

  long price(String orderNo) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT price FROM orders WHERE order_no = :no")
        .bind("no", orderNo).mapTo(Long.class).one());
  }

  Reviews reviews() {
    return t.app.core().review().reviews();
  }

  Optional<Review> openReview(String orderNo) {
    return t.app.db().jdbi().withHandle(h -> reviews().openFor(h, "price", orderNo));
  }

  List<Review> reviewsOf(String orderNo) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT id FROM review WHERE kind = 'price' AND subject = :s"
            + " ORDER BY id").bind("s", orderNo).mapTo(Long.class).list()
        .stream().map(id -> reviews().find(h, id).orElseThrow()).toList());
  }

  long providerId(String account) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT id FROM provider WHERE account_id = :a")
        .bind("a", account).mapTo(Long.class).one());
  }

  List<String> auditActions(String orderNo) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery(
            "SELECT action FROM audit_log WHERE entity = 'order' AND entity_id = :id ORDER BY id")
        .bind("id", orderNo).mapTo(String.class).list());
  }

  /**
   * The demo operator approves or rejects a review by mail ({@code 审核 ID 同意} / {@code 审核 ID 拒绝
   * REASON}) over SMTP, as an operator does; the outcome is read back from the reply: done when the
   * reply marks the command done, its message the reply's body.
   */
  Outcome decide(long reviewId, boolean approve, String note) {
    String line = "审核 " + reviewId + (approve ? " 同意" : " 拒绝 " + note);
    String id = t.mail.send(DemoData.OPERATOR, "market@marketdesk.test", "审核 " + reviewId, line + "\n");
    String body = t.mail.awaitReplyTo(DemoData.OPERATOR, id).body();
    return body.contains("✔ 完成") && !body.contains("✘ 未执行") ? Outcome.done(body) : Outcome.refused(body, "");
  }
}
