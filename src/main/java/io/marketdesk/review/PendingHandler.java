package io.marketdesk.review;

import io.marketdesk.command.CommandContext;
import io.marketdesk.command.DeclaredCommand;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.command.Role;
import java.util.List;
import java.util.Set;

/**
 * {@code 待审核 / pending}: the open reviews, overdue first, numbered, each with what changes, who
 * asked, how long it has waited and its due date. The reply carries the list's token, so that
 * answering it with {@code 通过 1-3} decides by number (docs/reviews.md). Stateless.
 */
final class PendingHandler extends DeclaredCommand {
  static final CommandSpec SPEC = new CommandSpec("review.pending",
      Set.of(Role.OPERATOR), CommandSpec.Body.NONE);

  private final Reviews reviews;
  private final ReviewLists lists;

  PendingHandler(Reviews reviews, ReviewLists lists) {
    super(SPEC, false);
    this.reviews = reviews;
    this.lists = lists;
  }

  @Override
  public Outcome handle(CommandContext ctx, ParsedCommand cmd) {
    List<Review> open = reviews.openReviews(ctx.handle());
    if (open.isEmpty()) {
      return Outcome.done(ctx.m("pending-handler.handle.1"));
    }
    long now = ctx.now().toEpochMilli();
    long overdue = open.stream().filter(r -> r.overdue(now)).count();
    StringBuilder sb = new StringBuilder(ctx.m("pending-handler.handle.2", "open", open.size(), "overdue", overdue, "open2", (open.size() == 1 ? "" : "s")));
    String lang = ctx.language().code();
    int n = 0;
    for (Review r : open) {
      sb.append("\n\n").append(++n).append(". ").append(describe(ctx, reviews, r, false));
      String changes = ListWords.changes(ctx.mailer().catalog(), lang, r);
      sb.append('\n').append(ctx.m("list.item-detail", "changes", changes, "waited",
          ListWords.waited(ctx.mailer().catalog(), lang, r, now)));
    }
    sb.append("\n\n").append(ctx.m("pending-handler.handle.3"));
    sb.append('\n').append(ctx.m("list.how-to-decide"));
    // The list is numbered for this operator: a reply deciding by number means these items as shown.
    ReviewLists.Made list = lists.create(ctx.handle(), ctx.actor().address(), "pending", open, now);
    return new Outcome(Outcome.Kind.DONE, sb.toString(), "", list.token());
  }

  /** One review as a few lines of text (with its changes when {@code full}). */
  static String describe(CommandContext ctx, Reviews reviews, Review r, boolean full) {
    long now = ctx.now().toEpochMilli();
    StringBuilder sb = new StringBuilder();
    sb.append(ctx.m("pending-handler.describe.1", "id", r.id(), "overdue", r.overdue(now),
        "title", reviews.title(r, ctx.language().code())));
    sb.append('\n').append(ctx.m("pending-handler.describe.2", "kind", ctx.m("review-kind." + r.kind()), "subject", r.subject(), "requestedBy", r.requestedBy(), "dueAt", reviews.dueText(r.dueAt()), "kind2", r.kind()));
    if (!r.open()) {
      sb.append('\n').append(ctx.m("pending-handler.describe.3", "status", r.status(), "decidedBy", r.decidedBy()));
    }
    if (full) {
      for (Reviews.ChangeLine c : Reviews.lines(ctx.mailer().catalog(), ctx.language().code(), r)) {
        sb.append('\n').append(ctx.m("pending-handler.describe.4", "label", c.label(),
            "context", c.context(), "before", c.before(), "after", c.after()));
      }
    }
    return sb.toString();
  }

}
