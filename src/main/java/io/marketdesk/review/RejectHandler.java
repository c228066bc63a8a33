package io.marketdesk.review;

import io.marketdesk.command.AsWritten;
import io.marketdesk.command.CommandContext;
import io.marketdesk.command.DeclaredCommand;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.command.Role;
import java.util.Set;

/**
 * {@code 拒绝 / 驳回 / reject REASON} in a reply to a review mail: rejects the review that mail is
 * about; the reason (required) is the rest of the line and every line below it, and the asker is
 * told it. ({@code reject NO REASON} with an order number is the buyer's rejection of a delivery:
 * the registry gives it to that command, {@link io.marketdesk.command.CommandRegistry#yieldWhenAbout}.)
 * {@code 驳回 7 理由} in a reply to a numbered list rejects those items ({@link BatchDecisions}).
 */
final class RejectHandler extends DeclaredCommand {
  static final CommandSpec SPEC = new CommandSpec("review.reject",
      Set.of(Role.OPERATOR, Role.BUYER), CommandSpec.Body.FREE_TEXT);

  private final ReviewAnswers answers;
  private final BatchDecisions batch;

  RejectHandler(ReviewAnswers answers, BatchDecisions batch) {
    super(SPEC, true);
    this.answers = answers;
    this.batch = batch;
  }

  @Override
  public Outcome handle(CommandContext ctx, ParsedCommand cmd) {
    if (!ctx.actor().has(Role.OPERATOR)) {
      return Outcome.refused(ctx.m("reject-handler.handle.1"),
          ctx.m("reject-handler.handle.2"));
    }
    var byNumber = batch.tryDecide(ctx, false, cmd);
    if (byNumber.isPresent()) {
      return byNumber.get();
    }
    String args = AsWritten.tail(cmd.line(), cmd.args());
    String reason = (args.isEmpty() ? cmd.text() : cmd.text().isEmpty() ? args : args + "\n" + cmd.text()).strip();
    if (reason.isEmpty()) {
      return Outcome.refused(ctx.m("reject-handler.handle.3"),
          ctx.m("reject-handler.handle.4"));
    }
    return answers.answer(ctx, false, reason);
  }
}
