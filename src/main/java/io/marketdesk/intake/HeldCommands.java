package io.marketdesk.intake;

import io.marketdesk.command.CommandContext;
import io.marketdesk.command.CommandHandler;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.confirm.Confirmable;
import io.marketdesk.mime.MailFormatException;
import io.marketdesk.mime.ParsedMail;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The held commands of a mail that did not prove its sender (docs/security.md): the pipeline kept
 * the mail and mailed a token to its From address; the token's owner answering {@code 确定} runs the
 * mail's state-changing commands now, as that sender, each in its own savepoint, with the checks
 * they make today (time passed since the mail came). The mail is read and parsed again from its
 * stored bytes, so the commands are the very ones the reply listed as held. The token's subject is
 * the held mail's id. Stateless; thread-safe.
 */
final class HeldCommands implements Confirmable {
  static final String PURPOSE = "mail.held";

  private final MailProcessor processor;
  private final CommandRunner runner;

  HeldCommands(MailProcessor processor, CommandRunner runner) {
    this.processor = processor;
    this.runner = runner;
  }

  @Override
  public String purpose() {
    return PURPOSE;
  }

  /** The model of {@code templates/mail/LANG/held-done.ftl}: each held command and what it came to. */
  public record DoneModel(List<Item> items) {}

  /** One held command and its outcome. */
  public record Item(String line, boolean done, String message, String example) {}

  @Override
  public Outcome perform(CommandContext ctx, String subjectId, String payload) {
    Handle h = ctx.handle();
    long heldId = Long.parseLong(subjectId);
    ParsedMail held;
    try {
      held = processor.read(h, heldId);
    } catch (MailFormatException e) {
      // it was read when it came; the same bytes cannot fail now
      throw new IllegalStateException("held mail " + heldId + " cannot be read again", e);
    }
    CommandContext proven = processor.provenContext(h, ctx, held, heldId);
    List<Item> items = new ArrayList<>();
    boolean anyDone = false;
    int n = 0;
    for (ParsedCommand cmd : processor.parse(held).commands()) {
      CommandHandler handler = runner.registry().handler(cmd.spec());
      if (!runner.holds(handler)) {
        continue;
      }
      Outcome o = runner.run(h, proven, cmd, "held" + n++);
      anyDone |= o.done();
      items.add(new Item(cmd.line(), o.done(), o.message(), o.example()));
    }
    String message = processor.mailer().render(ctx.language(), "held-done", new DoneModel(items)).body().strip();
    return anyDone ? Outcome.done(message) : Outcome.refused(message, "");
  }
}
