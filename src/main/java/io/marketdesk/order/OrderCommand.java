package io.marketdesk.order;

import io.marketdesk.command.CommandContext;
import io.marketdesk.command.CommandHandler;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.ParsedCommand;

/** One order command: its spec and what it does. Stateless and thread-safe. */
final class OrderCommand implements CommandHandler {
  /** What the command does. */
  @FunctionalInterface
  interface Action {
    Outcome run(CommandContext ctx, ParsedCommand cmd);
  }

  private final CommandSpec spec;
  private final boolean changesState;
  private final Action action;

  OrderCommand(CommandSpec spec, boolean changesState, Action action) {
    this.spec = spec;
    this.changesState = changesState;
    this.action = action;
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public Outcome handle(CommandContext ctx, ParsedCommand command) {
    return action.run(ctx, command);
  }

  @Override
  public boolean changesState() {
    return changesState;
  }
}
