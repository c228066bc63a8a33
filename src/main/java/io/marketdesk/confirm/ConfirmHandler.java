package io.marketdesk.confirm;

import io.marketdesk.command.CommandContext;
import io.marketdesk.command.CommandHandler;
import io.marketdesk.command.CommandRegistry;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.command.Role;
import io.marketdesk.token.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code 确定 / confirm}: answers a confirmation mail. The token comes from the reply (its address,
 * subject tag or thread) or is written after the keyword. It must be unused, unexpired, of a
 * confirmation purpose and mailed to this very sender. {@code confirm NO} with an order number is
 * the buyer's 确认完成 and is passed to that command.
 */
public final class ConfirmHandler implements CommandHandler {
  private static final CommandSpec SPEC = new CommandSpec("confirm", List.of("确定"), List.of("confirm"),
      Set.of(Role.PROVIDER, Role.BUYER, Role.OPERATOR), CommandSpec.Body.NONE);
  private static final Pattern TOKEN = Pattern.compile("\\b([a-z2-7]{26})\\b");
  private static final Pattern ORDER_NO = Pattern.compile("^\\s*\\d{6,}");

  private final Confirmations confirmations;
  private final Tokens tokens;
  private final CommandRegistry registry;

  public ConfirmHandler(Confirmations confirmations, Tokens tokens, CommandRegistry registry) {
    this.confirmations = confirmations;
    this.tokens = tokens;
    this.registry = registry;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome handle(CommandContext ctx, ParsedCommand cmd) {
    CommandHandler orderConfirm = registry.handler("order.confirm");
    if (ORDER_NO.matcher(cmd.args()).find() && orderConfirm != null) {
      return orderConfirm.handle(ctx, cmd);
    }
    List<String> candidates = new ArrayList<>();
    Matcher m = TOKEN.matcher(cmd.args().toLowerCase(java.util.Locale.ROOT));
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
    String example = ctx.t("直接回复确认邮件，正文写：确定", "Reply to the confirmation mail with: confirm");
    if (best == null) {
      return Outcome.refused(ctx.t("没有找到要确认的操作：请直接回复那封要求确认的邮件。",
          "There is nothing to confirm here: reply to the mail that asked for the confirmation."), example);
    }
    switch (best.status()) {
      case VALID:
        break;
      case USED:
        return Outcome.refused(ctx.t("这个确认码已经用过，操作已执行，不会再做一次。",
            "This confirmation was already used; the action was done once and is not done again."), "");
      case EXPIRED:
        return Outcome.refused(ctx.t("这个确认码已过期，什么也没有做。请重新发送原命令。",
            "This confirmation has expired and nothing was done. Send the command again."), "");
      case WRONG_ADDRESS:
        return Outcome.refused(ctx.t("这个确认码不是发给您的地址的，什么也没有做。",
            "This confirmation was not sent to your address, so nothing was done."), "");
      default:
        return Outcome.refused(ctx.t("确认码无效，什么也没有做。", "The confirmation code is not valid; nothing was done."), example);
    }
    Tokens.Token t = best.token();
    if (!tokens.consume(ctx.handle(), t.token(), ctx.actor().address())) {
      return Outcome.refused(ctx.t("这个确认码已经用过。", "This confirmation was already used."), "");
    }
    return confirmations.confirmable(t.purpose()).perform(ctx, t.subjectId(), t.payload());
  }
}
