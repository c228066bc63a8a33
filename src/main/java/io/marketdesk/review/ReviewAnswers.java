package io.marketdesk.review;

import io.marketdesk.command.CommandContext;
import io.marketdesk.command.Outcome;
import io.marketdesk.token.Tokens;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Answers to a review mail ({@code 同意}/{@code 拒绝} in a reply): finds the review through the
 * tokens the mail presents (SPEC §7): the token must be of purpose {@code review}, mailed to this
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
    String byId = approve ? ctx.t("审核 编号 同意", "review ID approve") : ctx.t("审核 编号 拒绝 理由", "review ID reject REASON");
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
      return Outcome.refused(ctx.t(
          "没有找到要答复的审核：请直接回复系统发给您的审核邮件，或者写明审核编号。",
          "There is no review to answer here: reply to the review mail you were sent, or give the review number."),
          ctx.t("直接回复审核邮件写：", "Reply to the review mail with: ") + (approve ? ctx.t("同意", "approve")
              : ctx.t("拒绝 理由", "reject REASON")) + ctx.t("\n或另发邮件：", "\nor send: ") + byId);
    }
    Tokens.Token token = best.token();
    switch (best.status()) {
      case VALID:
        break;
      case USED: {
        Optional<Review> r = reviews.find(ctx.handle(), Long.parseLong(token.subjectId()));
        String used = ctx.t("这封审核邮件的答复码已于 " + time(token.usedAt()) + " 用过，不能再用一次，什么也没有改变。",
            "This review mail's code was already used at " + time(token.usedAt()) + "; it works once, and nothing changed.");
        if (r.isPresent() && !r.get().open()) {
          used += "\n" + reviews.alreadyDecided(ctx, r.get()).message();
        }
        return Outcome.refused(used, "");
      }
      case EXPIRED:
        return Outcome.refused(ctx.t(
            "这封审核邮件的答复码已于 " + time(token.expiresAt()) + " 过期，什么也没有改变。如审核仍未处理，请用审核编号答复。",
            "This review mail's code expired at " + time(token.expiresAt())
                + "; nothing changed. If the review is still open, answer it by its number."),
            byId.replace(ctx.t("编号", "ID"), token.subjectId()));
      case WRONG_ADDRESS:
        return Outcome.refused(ctx.t(
            "这封审核邮件不是发给您的地址的（答复码与收件人绑定），什么也没有改变。请答复发给您本人的审核邮件。",
            "This review mail was not sent to your address (its code is bound to the person it was sent to), so nothing changed."
                + " Answer the review mail sent to you."), byId);
      case WRONG_PURPOSE:
        return Outcome.refused(ctx.t("您回复的邮件不是审核邮件，什么也没有改变。",
            "The mail you answered is not a review mail, so nothing changed."), byId);
      default:
        return Outcome.refused(ctx.t("审核答复码无效（不是本系统发出的），什么也没有改变。",
            "The review code is not valid (it was not issued here), so nothing changed."), byId);
    }
    long reviewId = Long.parseLong(token.subjectId());
    if (!tokens.consume(ctx.handle(), token.token(), ctx.actor().address())) {
      return Outcome.refused(ctx.t("这封审核邮件的答复码刚刚已被使用，什么也没有改变。",
          "This review mail's code was just used; nothing changed."), "");
    }
    return reviews.decide(ctx, reviewId, approve, note);
  }

  private String time(Long millis) {
    return millis == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(Instant.ofEpochMilli(millis).atZone(zone));
  }
}
