package io.marketdesk.product;

import io.marketdesk.app.DemoData;
import io.marketdesk.app.Wiring;
import io.marketdesk.command.CommandContext;
import io.marketdesk.command.Language;
import io.marketdesk.command.Outcome;
import io.marketdesk.review.Review;
import io.marketdesk.review.Reviews;
import io.marketdesk.testing.TestApp;
import java.util.List;

/**
 * Test helper: decides a product's open review as the demo operator by calling {@link
 * Reviews#decide} in a transaction, the way the operator commands (同意/拒绝/审核, built
 * separately) will, so these tests do not depend on that work. The review's effects and mails are
 * the real ones.
 */
final class OperatorDecisions {
  private OperatorDecisions() {}

  /** Approves (or rejects with the note as reason) the open review of a product; returns its id. */
  static long decide(TestApp t, String productId, boolean approve, String note) {
    Wiring w = t.app.wiring();
    Reviews reviews = w.get(Reviews.class);
    return t.app.db().jdbi().inTransaction(h -> {
      Review r = reviews.openFor(h, Products.REVIEW_KIND, productId)
          .orElseThrow(() -> new AssertionError("no open review for " + productId));
      CommandContext ctx = new CommandContext(h, w.directory.actor(h, DemoData.OPERATOR), null, null, Language.ZH,
          List.of(), true, t.clock, w.mailer, w.audit);
      Outcome o = reviews.decide(ctx, r.id(), approve, note);
      if (!o.done()) {
        throw new AssertionError("decision refused: " + o.message());
      }
      return r.id();
    });
  }

  static long approve(TestApp t, String productId) {
    return decide(t, productId, true, "");
  }

  static long reject(TestApp t, String productId, String reason) {
    return decide(t, productId, false, reason);
  }
}
