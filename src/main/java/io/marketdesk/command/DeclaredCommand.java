package io.marketdesk.command;

/**
 * A handler whose spec, and whether it changes state, are declared once, in its constructor: the
 * one way a command says what it is (the class-per-command handlers extend it; {@link
 * ActionCommand} is it for a command made of a method). Subclasses are stateless and thread-safe.
 */
public abstract class DeclaredCommand implements CommandHandler {
  private final CommandSpec spec;
  private final boolean changesState;

  /**
   * @param spec the command's name, roles and body
   * @param changesState false for commands that only read (help, lists, views): see {@link
   *     CommandHandler#changesState()}
   */
  protected DeclaredCommand(CommandSpec spec, boolean changesState) {
    this.spec = spec;
    this.changesState = changesState;
  }

  @Override
  public final CommandSpec spec() {
    return spec;
  }

  @Override
  public final boolean changesState() {
    return changesState;
  }
}
