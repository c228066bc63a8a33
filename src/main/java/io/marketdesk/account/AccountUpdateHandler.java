package io.marketdesk.account;

import io.marketdesk.account.AccountFields.Field;
import io.marketdesk.command.CommandContext;
import io.marketdesk.command.DeclaredCommand;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.command.Role;
import io.marketdesk.review.Change;
import io.marketdesk.review.Review;
import io.marketdesk.review.Reviews;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code 修改账户信息 / account update} with {@code 字段: 值} lines (Chinese or English field names):
 * the mail's side of {@link AccountChanges}: it words each problem on its own line, or the review
 * the request became. Stateless.
 */
public final class AccountUpdateHandler extends DeclaredCommand {
  static final CommandSpec SPEC = new CommandSpec("account.update", Set.of(Role.PROVIDER), CommandSpec.Body.FIELDS);
  /** docs/reviews.md: account changes are reviewed within 3 working days. */
  public static final int WORKING_DAYS = AccountChanges.WORKING_DAYS;

  private final AccountChanges changes;
  private final Reviews reviews;

  public AccountUpdateHandler(AccountChanges changes, Reviews reviews) {
    super(SPEC, true);
    this.changes = changes;
    this.reviews = reviews;
  }

  private static String example(CommandContext ctx) {
    return ctx.m("account-update-handler.example.1");
  }

  @Override
  public Outcome handle(CommandContext ctx, ParsedCommand cmd) {
    AccountChanges.Proposal proposal = changes.propose(ctx.handle(), Reviews.Requester.of(ctx), ctx.actor().providerId(),
        cmd.fields());
    if (proposal instanceof AccountChanges.Refused no) {
      switch (no.why()) {
        case NO_ACCOUNT:
          return Outcome.refused(ctx.m("account-update-handler.handle.1"), "");
        case NO_FIELDS:
          return Outcome.refused(ctx.m("account-update-handler.handle.2", "names", names(ctx)), example(ctx));
        case NOTHING_CHANGED:
          return Outcome.refused(ctx.m("account-update-handler.handle.8"), example(ctx));
        default:
          return Outcome.refused(ctx.m("account-update-handler.handle.6") + "\n" + String.join("\n",
              no.problems().stream().map(x -> ctx.m("account-update-handler.handle.7") + problem(ctx, x)).toList()),
              example(ctx));
      }
    }
    AccountChanges.InReview done = (AccountChanges.InReview) proposal;
    Review r = done.review();
    StringBuilder sb = new StringBuilder(ctx.m("account-update-handler.handle.9", "id", r.id(), "dueAt",
        reviews.dueText(r.dueAt()), "WORKING_DAYS", WORKING_DAYS));
    if (done.replaced() != null) {
      sb.append('\n').append(ctx.m("account-update-handler.handle.10", "id", done.replaced()));
    }
    for (Change c : done.changes()) {
      sb.append('\n').append(ctx.m("account-update-handler.handle.11", "label", ctx.m(c.labelKey()), "before", c.before(), "after", c.after()));
    }
    return Outcome.sentForReview(sb.toString());
  }

  private static String problem(CommandContext ctx, AccountChanges.FieldProblem problem) {
    if (problem instanceof AccountChanges.UnknownField u) {
      return ctx.m("account-update-handler.handle.3", "getKey", u.written(), "names", names(ctx));
    }
    if (problem instanceof AccountChanges.BadValue b) {
      return ctx.m(b.reason());
    }
    return ctx.m("account-update-handler.handle.5", "label", ctx.m(((AccountChanges.Missing) problem).field().labelKey()));
  }

  private static String names(CommandContext ctx) {
    List<String> out = new ArrayList<>();
    for (Field f : Field.values()) {
      out.add(ctx.m(f.labelKey()));
    }
    return String.join(ctx.m("list.separator"), out);
  }
}
