package io.marketdesk.confirm;

import io.marketdesk.command.CommandContext;
import io.marketdesk.command.CommandRegistry;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.command.DeclaredCommand;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.command.Role;
import io.marketdesk.token.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code 确定 / confirm}: answers a confirmation mail. The token comes from the reply (its address,
 * subject tag or thread) or is written after the keyword. It must be unused, unexpired, of a
 * confirmation purpose and mailed to this very sender. ({@code confirm NO} with an order number is
 * the buyer's 确认完成: the registry gives it to that command, {@link
 * CommandRegistry#yieldWhenAbout}.)
 */
public final class ConfirmHandler extends DeclaredCommand {
  private static final CommandSpec SPEC = new CommandSpec("confirm",
      Set.of(Role.PROVIDER, Role.BUYER, Role.OPERATOR), CommandSpec.Body.NONE);
  private static final Pattern TOKEN = Pattern.compile("\\b([a-z2-7]{26})\\b");

  private final Confirmations confirmations;
  private final Tokens tokens;

  public ConfirmHandler(Confirmations confirmations, Tokens tokens) {
    super(SPEC, true);
    this.confirmations = confirmations;
    this.tokens = tokens;
  }

  @Override
  public Outcome handle(CommandContext ctx, ParsedCommand cmd) {
    List<String> candidates = new ArrayList<>();
    Matcher m = TOKEN.matcher(cmd.args().toLowerCase(Locale.ROOT));
    if (m.find()) {
      candidates.add(m.group(1));
    }
    candidates.addAll(ctx.presentedTokens());
    String[] purposes = confirmations.purposes().toArray(new String[0]);
    Tokens.Check best = null;
    for (String t : candidates) {
      Tokens.Check c = tokens.check(ctx.handle(), t, ctx.actor().address(), purposes);
      if (c.valid()) {
        best = c;
        break;
      }
      if (best == null || (best.status() == Tokens.Status.UNKNOWN || best.status() == Tokens.Status.WRONG_PURPOSE)) {
        best = c;
      }
    }
    String example = ctx.m("confirm-handler.handle.1");
    if (best == null) {
      return Outcome.refused(ctx.m("confirm-handler.handle.2"), example);
    }
    switch (best.status()) {
      case VALID:
        break;
      case USED:
        return Outcome.refused(ctx.m("confirm-handler.handle.3"), "");
      case EXPIRED:
        return Outcome.refused(ctx.m("confirm-handler.handle.4"), "");
      case WRONG_ADDRESS:
        return Outcome.refused(ctx.m("confirm-handler.handle.5"), "");
      default:
        return Outcome.refused(ctx.m("confirm-handler.handle.6"), example);
    }
    Tokens.Token t = best.token();
    if (!tokens.consume(ctx.handle(), t.token(), ctx.actor().address())) {
      return Outcome.refused(ctx.m("confirm-handler.handle.7"), "");
    }
    return confirmations.confirmable(t.purpose()).perform(ctx, t.subjectId(), t.payload());
  }
}
