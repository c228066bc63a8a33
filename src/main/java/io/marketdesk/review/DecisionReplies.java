package io.marketdesk.review;

import io.marketdesk.command.CommandContext;
import io.marketdesk.command.Outcome;
import io.marketdesk.text.Dates;

/**
 * The reply to an operator's decision ({@code 同意}, {@code 拒绝}, {@code 审核 ID 同意}, a numbered
 * list): {@link Reviews#decide}'s result worded from catalog keys in the reply's language. Stateless.
 */
final class DecisionReplies {
  private DecisionReplies() {}

  /** The outcome of a decision for the operator's reply. */
  static Outcome outcome(CommandContext ctx, Reviews reviews, Reviews.Result result) {
    if (result instanceof Reviews.Decided d) {
      return Outcome.done(decided(ctx, reviews, d));
    }
    if (result instanceof Reviews.Closed c) {
      return Outcome.refused(closed(ctx, reviews, c.review()), "");
    }
    if (result instanceof Reviews.NotFound nf) {
      return Outcome.refused(ctx.m("reviews.decide.1", "reviewId", nf.id()), ctx.m("reviews.decide.2"));
    }
    if (result instanceof Reviews.OwnRequest own) {
      return Outcome.refused(ctx.m("reviews.decide.3", "reviewId", own.id()), "");
    }
    throw new IllegalStateException("not the result of a decision: " + result);
  }

  private static String decided(CommandContext ctx, Reviews reviews, Reviews.Decided d) {
    Review r = d.review();
    String title = reviews.title(r, ctx.language().code());
    String done = ctx.m(d.approved() ? "reviews.decide.4" : "reviews.decide.5", "reviewId", r.id(), "titleZh", title,
        "titleEn", title);
    if (d.effect() != null) {
      done += "\n" + ctx.m(d.effect());
    }
    return done + "\n" + ctx.m("reviews.decide.6", "requestedBy", r.requestedBy());
  }

  /** Why a review can no longer be decided: withdrawn, superseded, or decided by whom and when. */
  static String closed(CommandContext ctx, Reviews reviews, Review r) {
    String when = r.decidedAt() == null ? "" : Dates.minute(r.decidedAt(), reviews.zone());
    String by = r.decidedBy() == null ? "" : r.decidedBy();
    if (r.status().equals("withdrawn")) {
      return ctx.m("withdraw.later-answer", "id", r.id(), "by", by, "when", when);
    }
    if (r.status().equals("superseded")) {
      return ctx.m("reviews.decide.7", "id", r.id(), "when", when);
    }
    return ctx.m("reviews.decide.8", "id", r.id(), "by", by, "when", when, "approved", r.status().equals("approved"));
  }
}
