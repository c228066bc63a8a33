package io.marketdesk.review;

import io.marketdesk.command.CommandContext;
import io.marketdesk.command.DeclaredCommand;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.command.Role;
import java.util.Set;

/**
 * {@code 同意 / 通过 / approve [comment]} in a reply to a review mail: approves the review that mail
 * is about (its token decides which). {@code 通过 1-6,9} in a reply to a numbered list approves those
 * items ({@link BatchDecisions}). Stateless.
 */
final class ApproveHandler extends DeclaredCommand {
  static final CommandSpec SPEC = new CommandSpec("review.approve",
      Set.of(Role.OPERATOR), CommandSpec.Body.NONE);

  private final ReviewAnswers answers;
  private final BatchDecisions batch;

  ApproveHandler(ReviewAnswers answers, BatchDecisions batch) {
    super(SPEC, true);
    this.answers = answers;
    this.batch = batch;
  }

  @Override
  public Outcome handle(CommandContext ctx, ParsedCommand cmd) {
    return batch.tryDecide(ctx, true, cmd).orElseGet(() -> answers.answer(ctx, true, cmd.args()));
  }
}
