package io.marketdesk.product;

import io.marketdesk.feature.DemoData;
import io.marketdesk.review.Review;
import io.marketdesk.review.Reviews;
import io.marketdesk.testing.TestApp;

/**
 * Test helper: the demo operator decides a product's open review by mail ({@code 审核 ID 同意} /
 * {@code 审核 ID 拒绝 REASON}) over SMTP, as an operator does, and the reply must say it was done.
 * Only the review's number is looked up in the store.
 */
final class OperatorDecisions {
  private OperatorDecisions() {}

  /** Approves (or rejects with the note as reason) the open review of a product; returns its id. */
  static long decide(TestApp t, String productId, boolean approve, String note) {
    Reviews reviews = t.app.core().review().reviews();
    Review r = t.app.db().jdbi().withHandle(h -> reviews.openFor(h, ProductWorkflow.REVIEW_KIND, productId))
        .orElseThrow(() -> new AssertionError("no open review for " + productId));
    String line = "审核 " + r.id() + (approve ? " 同意" : " 拒绝 " + note);
    String id = t.mail.send(DemoData.OPERATOR, "market@marketdesk.test", "审核 " + r.id(), line + "\n");
    String body = t.mail.awaitReplyTo(DemoData.OPERATOR, id).body();
    if (!body.contains("✔ 完成") || body.contains("✘ 未执行")) {
      throw new AssertionError("decision refused: " + body);
    }
    return r.id();
  }

  static long approve(TestApp t, String productId) {
    return decide(t, productId, true, "");
  }

  static long reject(TestApp t, String productId, String reason) {
    return decide(t, productId, false, reason);
  }
}
