package io.marketdesk.command;

/**
 * Carries out one command. Handlers are looked up by keyword in the {@link CommandRegistry}; the
 * pipeline has already checked the sender's role against {@link CommandSpec#roles()} and, for
 * state-changing commands, the sender-authentication policy. A handler runs inside the mail's
 * transaction, in a savepoint: a refused outcome or an exception rolls back what it wrote. Handlers
 * are stateless and thread-safe.
 */
public interface CommandHandler {
  CommandSpec spec();

  Outcome handle(CommandContext ctx, ParsedCommand command);

  /**
   * False for commands that only read (help, lists, views); true for the ones that change state and
   * so need a mail that proves its sender (else they are held or refused: docs/security.md).
   */
  default boolean changesState() {
    return true;
  }
}
