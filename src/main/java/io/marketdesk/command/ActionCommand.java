package io.marketdesk.command;


/**
 * A command made of its spec and a method that does it, for features that keep several commands in
 * one class (orders, refunds, members, settings). Stateless and thread-safe.
 */
public final class ActionCommand implements CommandHandler {
  /** What the command does. */
  @FunctionalInterface
  public interface Action {
    Outcome run(CommandContext ctx, ParsedCommand cmd);
  }

  private final CommandSpec spec;
  private final boolean changesState;
  private final Action action;

  public ActionCommand(CommandSpec spec, boolean changesState, Action action) {
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
