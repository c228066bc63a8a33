package io.marketdesk.review;

import io.marketdesk.command.CommandContext;
import io.marketdesk.command.CommandHandler;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.command.Role;
import java.util.List;
import java.util.Set;

/** {@code 待审核 / pending}: the open reviews, overdue first, with due dates. Read-only; stateless. */
final class PendingHandler implements CommandHandler {
  static final CommandSpec SPEC = new CommandSpec("review.pending",
      Set.of(Role.OPERATOR), CommandSpec.Body.NONE);

  private final Reviews reviews;

  PendingHandler(Reviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public boolean changesState() {
    return false;
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
    for (Review r : open) {
      sb.append("\n\n").append(describe(ctx, reviews, r, false));
    }
    sb.append("\n\n").append(ctx.m("pending-handler.handle.3"));
    return Outcome.done(sb.toString());
  }

  /** One review as a few lines of text (with its changes when {@code full}). */
  static String describe(CommandContext ctx, Reviews reviews, Review r, boolean full) {
    long now = ctx.now().toEpochMilli();
    StringBuilder sb = new StringBuilder();
    sb.append(ctx.m("pending-handler.describe.1", "id", r.id(), "overdue", r.overdue(now),
        "title", ctx.zh() ? r.titleZh() : r.titleEn()));
    sb.append('\n').append(ctx.m("pending-handler.describe.2", "kind", ctx.m("review-kind." + r.kind()), "subject", r.subject(), "requestedBy", r.requestedBy(), "dueAt", reviews.dueText(r.dueAt()), "kind2", r.kind()));
    if (!r.open()) {
      sb.append('\n').append(ctx.m("pending-handler.describe.3", "status", r.status(), "decidedBy", r.decidedBy()));
    }
    if (full) {
      for (Change c : r.changes()) {
        sb.append('\n').append(ctx.m("pending-handler.describe.4", "label", ctx.zh() ? c.labelZh() : c.labelEn(),
            "context", c.context(), "before", ctx.zh() ? c.before() : c.beforeInEnglish(),
            "after", ctx.zh() ? c.after() : c.afterInEnglish()));
      }
    }
    return sb.toString();
  }

}
