package io.marketdesk.account;

import io.marketdesk.command.CommandContext;
import io.marketdesk.command.DeclaredCommand;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.command.Role;
import io.marketdesk.identity.Directory;
import io.marketdesk.identity.Provider;
import io.marketdesk.review.Change;
import io.marketdesk.review.Review;
import io.marketdesk.review.Reviews;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code 账户信息 / account}: the provider's account ID (docs/accounts.md), every account field, the
 * sender addresses, and the pending account change if there is one. Read-only; stateless.
 */
public final class AccountInfoHandler extends DeclaredCommand {
  static final CommandSpec SPEC = new CommandSpec("account", Set.of(Role.PROVIDER), CommandSpec.Body.NONE);

  private final Directory directory;
  private final Reviews reviews;

  public AccountInfoHandler(Directory directory, Reviews reviews) {
    super(SPEC, false);
    this.directory = directory;
    this.reviews = reviews;
  }

  @Override
  public Outcome handle(CommandContext ctx, ParsedCommand cmd) {
    Optional<Provider> found = directory.provider(ctx.handle(), ctx.actor().providerId());
    if (found.isEmpty()) {
      return Outcome.refused(ctx.m("account-info-handler.handle.1"), "");
    }
    Provider p = found.get();
    StringBuilder sb = new StringBuilder();
    sb.append(ctx.m("account-info-handler.handle.2")).append(p.accountId()).append('\n');
    for (Map.Entry<AccountFields.Field, String> e : AccountFields.values(p).entrySet()) {
      sb.append(ctx.m("account-info-handler.handle.3", "label", ctx.m(e.getKey().labelKey())))
          .append(e.getValue().isEmpty() ? ctx.m("account-info-handler.handle.4") : e.getValue()).append('\n');
    }
    sb.append(ctx.m("account-info-handler.handle.5")).append(String.join(ctx.m("account-info-handler.handle.6"), p.addresses()))
        .append('\n');
    Optional<Review> pending = reviews.openFor(ctx.handle(), AccountReviewKind.KIND, p.accountId());
    if (pending.isPresent()) {
      Review r = pending.get();
      sb.append('\n').append(ctx.m("account-info-handler.handle.7", "id", r.id(), "dueAt", reviews.dueText(r.dueAt()))).append('\n');
      for (Change c : r.changes()) {
        sb.append(ctx.m("account-info-handler.handle.8", "labelZh", c.labelZh(), "before", c.before(), "after", c.after(), "labelEn", c.labelEn())).append('\n');
      }
      sb.append(ctx.m("account-info-handler.handle.9"));
    } else {
      sb.append(ctx.m("account-info-handler.handle.10"));
    }
    return Outcome.done(sb.toString().stripTrailing());
  }
}
