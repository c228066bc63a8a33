package io.marketdesk.review;

import io.marketdesk.text.Dates;
import io.marketdesk.command.CommandContext;
import io.marketdesk.command.Outcome;
import io.marketdesk.token.Tokens;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Answers to a review mail ({@code 同意}/{@code 拒绝} in a reply): finds the review through the
 * tokens the mail presents (docs/security.md): the token must be of purpose {@code review}, mailed to this
 * very sender, unused and unexpired. A copied, reused, expired or made-up token changes nothing, and
 * the reply says which it was. Stateless and thread-safe.
 */
final class ReviewAnswers {
  private static final List<Tokens.Status> PREFERENCE = List.of(Tokens.Status.USED, Tokens.Status.EXPIRED,
      Tokens.Status.WRONG_ADDRESS, Tokens.Status.WRONG_PURPOSE, Tokens.Status.UNKNOWN);

  private final Reviews reviews;
  private final Tokens tokens;
  private final ZoneId zone;

  ReviewAnswers(Reviews reviews, Tokens tokens, ZoneId zone) {
    this.reviews = reviews;
    this.tokens = tokens;
    this.zone = zone;
  }

  /** Decides the review the mail answers, or refuses with why not. */
  Outcome answer(CommandContext ctx, boolean approve, String note) {
    String byId = approve ? ctx.m("review-answers.x.1") : ctx.m("review-answers.x.2");
    Tokens.Check best = null;
    for (String t : ctx.presentedTokens()) {
      Tokens.Check c = tokens.check(ctx.handle(), t, ctx.actor().address(), Reviews.TOKEN_PURPOSE);
      if (c.valid()) {
        best = c;
        break;
      }
      if (best == null || PREFERENCE.indexOf(c.status()) < PREFERENCE.indexOf(best.status())) {
        best = c;
      }
    }
    if (best == null) {
      return Outcome.refused(ctx.m("review-answers.x.3"),
          ctx.m("review-answers.x.4") + (approve ? ctx.m("review-answers.x.5")
              : ctx.m("review-answers.x.6")) + ctx.m("review-answers.x.7") + byId);
    }
    Tokens.Token token = best.token();
    switch (best.status()) {
      case VALID:
        break;
      case USED: {
        Optional<Review> r = reviews.find(ctx.handle(), Long.parseLong(token.subjectId()));
        String used = ctx.m("review-answers.x.8", "usedAt", time(token.usedAt()));
        if (r.isPresent() && !r.get().open()) {
          used += "\n" + DecisionReplies.closed(ctx, reviews, r.get());
        }
        return Outcome.refused(used, "");
      }
      case EXPIRED:
        return Outcome.refused(ctx.m("review-answers.x.9", "expiresAt", time(token.expiresAt())),
            byId.replace(ctx.m("review-answers.x.10"), token.subjectId()));
      case WRONG_ADDRESS:
        return Outcome.refused(ctx.m("review-answers.x.11"), byId);
      case WRONG_PURPOSE:
        return Outcome.refused(ctx.m("review-answers.x.12"), byId);
      default:
        return Outcome.refused(ctx.m("review-answers.x.13"), byId);
    }
    long reviewId = Long.parseLong(token.subjectId());
    if (!tokens.consume(ctx.handle(), token.token(), ctx.actor().address())) {
      return Outcome.refused(ctx.m("review-answers.x.14"), "");
    }
    return DecisionReplies.outcome(ctx, reviews, reviews.decide(ctx.handle(), ctx.actedBy(), reviewId, approve, note));
  }

  private String time(Long millis) {
    return millis == null ? "" : Dates.minute(millis, zone);
  }
}
