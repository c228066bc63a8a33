package io.marketdesk.command;


/**
 * A command made of its spec and a method that does it, for features that keep several commands in
 * one class (orders, refunds, members, settings, products). Stateless and thread-safe.
 */
public final class ActionCommand extends DeclaredCommand {
  /** What the command does. */
  @FunctionalInterface
  public interface Action {
    Outcome run(CommandContext ctx, ParsedCommand cmd);
  }

  private final Action action;

  public ActionCommand(CommandSpec spec, boolean changesState, Action action) {
    super(spec, changesState);
    this.action = action;
  }

  @Override
  public Outcome handle(CommandContext ctx, ParsedCommand command) {
    return action.run(ctx, command);
  }
}
