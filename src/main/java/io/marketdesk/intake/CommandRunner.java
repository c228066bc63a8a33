package io.marketdesk.intake;

import io.marketdesk.text.Dates;
import io.marketdesk.command.CommandContext;
import io.marketdesk.command.CommandHandler;
import io.marketdesk.command.CommandParser;
import io.marketdesk.command.CommandRegistry;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.command.ParsedCommands;
import io.marketdesk.command.Role;
import io.marketdesk.config.Config;
import io.marketdesk.confirm.Confirmable;
import io.marketdesk.confirm.Confirmations;
import io.marketdesk.intake.ReplyComposer.DoubtModel;
import io.marketdesk.intake.ReplyComposer.HeldModel;
import io.marketdesk.intake.ReplyComposer.NoModel;
import io.marketdesk.mime.ReplyText;
import io.marketdesk.outbox.About;
import io.marketdesk.token.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The middle stage of a mail: runs its commands, each in a savepoint, after the checks each one
 * passes first: the sender's role, the registry's gate (team and account state), proof of the
 * sender for a command that changes state (or the command held until the sender confirms,
 * docs/security.md), the per-sender cap on state changes, a line repeated from the answered mail,
 * and a command read below a doubtful quote marker (asked about first). Each command comes to an
 * {@link Outcome}; a refusal or a fault rolls back that command alone. Thread-safe.
 */
final class CommandRunner {
  private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);
  /** The confirmation purpose of a command read below a doubtful quote marker. */
  static final String DOUBTFUL_PURPOSE = "mail.doubtful";

  private final CommandRegistry registry;
  private final CommandParser parser;
  private final Confirmations confirmations;
  private final Tokens tokens;
  private final ThreadContext threadContext;
  private final ReplyComposer composer;
  private final boolean authservIdSet;
  private final Config config;
  private final Clock clock;

  CommandRunner(CommandRegistry registry, CommandParser parser, Confirmations confirmations, Tokens tokens,
      ThreadContext threadContext, ReplyComposer composer, boolean authservIdSet, Config config, Clock clock) {
    this.registry = registry;
    this.parser = parser;
    this.confirmations = confirmations;
    this.tokens = tokens;
    this.threadContext = threadContext;
    this.composer = composer;
    this.authservIdSet = authservIdSet;
    this.config = config;
    this.clock = clock;
    confirmations.register(new DoubtfulCommand());
  }

  /**
   * What a mail's commands came to: what the reply is about (the thread's next mail resolves against
   * it), and whether commands were held for the sender's confirmation.
   */
  record Ran(About about, boolean held) {}

  /**
   * Runs every command of a mail in order, each outcome an item of the reply.
   *
   * @param proven whether the mail proves its sender; if not, a command that changes state is held
   *     (with {@code security.unauthenticated = confirm}) under one token for the whole mail
   * @param about what the answered mail was about, which a bare command refers to
   */
  Ran runAll(CommandContext ctx, ParsedCommands parsed, ReplyText.Reading reading, About about, boolean proven,
      ReplyModel.Builder reply) {
    Handle h = ctx.handle();
    int n = 0;
    String heldToken = null;
    List<ParsedCommand> resolved = new ArrayList<>();
    for (ParsedCommand cmd : parsed.commands()) {
      ParsedCommand c = threadContext.resolve(cmd, ctx.actor(), about);
      resolved.add(c);
      CommandHandler handler = registry.handler(ctx, c);
      if (!proven && holds(handler) && roleAllowed(ctx, handler)
          && config.unauthenticated == Config.Unauthenticated.CONFIRM) {
        if (heldToken == null) {
          heldToken = tokens.issue(h, HeldCommands.PURPOSE, Long.toString(ctx.inboundId()), ctx.actor().address(), null,
              config.tokenTtl);
        }
        reply.item(cmd.line(), Outcome.awaiting(composer.fragment(ctx.language(), "held",
            new HeldModel(ctx.actor().address(), heldToken, config.tokenTtl.toDays(), authservIdSet)), heldToken));
        n++;
        continue;
      }
      reply.item(cmd.line(), read(h, ctx, c, reading, n++));
    }
    About own = threadContext.aboutOf(resolved);
    return new Ran(own.isEmpty() ? about : own, heldToken != null);
  }

  /**
   * Runs one command as read from the mail: a line that repeats the answered mail does not run; a
   * state-changing command read below a doubtful quote marker is asked about first (a 确定 round
   * trip through {@link Confirmations}, the reply quoting the line and the marker).
   */
  private Outcome read(Handle h, CommandContext ctx, ParsedCommand cmd, ReplyText.Reading reading, int n) {
    if (!cmd.fromSubject() && reading.isRepeated(cmd.line())) {
      return Outcome.refused(composer.fragment(ctx.language(), "quote-repeated", new NoModel()), "");
    }
    CommandHandler handler = registry.handler(ctx, cmd);
    if (!cmd.fromSubject() && handler.changesState() && reading.isDoubtful(cmd.line())
        && !cmd.spec().name().equals("confirm")) {
      Outcome refusal = checkAllowed(ctx, handler);
      if (refusal != null) {
        return refusal;
      }
      ParsedCommand bare = new ParsedCommand(cmd.spec(), cmd.keyword(), cmd.language(), "", Map.of(), "", cmd.line(),
          false);
      return confirmations.confirmOrAsk(ctx, bare, DOUBTFUL_PURPOSE, "mail", commandText(cmd),
          composer.fragment(ctx.language(), "quote-doubt", new DoubtModel(cmd.line().strip(), reading.doubtLine())));
    }
    return run(h, ctx, cmd, "cmd" + n);
  }

  /** Runs one command in a savepoint of its own, after its checks; a held mail's commands come here too. */
  Outcome run(Handle h, CommandContext ctx, ParsedCommand cmd, String savepoint) {
    CommandHandler handler = registry.handler(ctx, cmd);
    Outcome refusal = checkAllowed(ctx, handler);
    if (refusal != null) {
      return refusal;
    }
    boolean counted = handler.changesState() && !ctx.actor().has(Role.OPERATOR);
    if (counted) {
      Outcome capped = overActionCap(ctx.handle(), ctx);
      if (capped != null) {
        return capped;
      }
    }
    h.savepoint(savepoint);
    try {
      Outcome o = handler.handle(ctx, cmd);
      // Jdbi forgets a savepoint once it is rolled back to or released: do exactly one of the two.
      if (o.done()) {
        h.releaseSavepoint(savepoint);
        if (counted) {
          h.createUpdate("INSERT INTO sender_action (inbound_id, sender, at) VALUES (:id, :s, :at)")
              .bind("id", ctx.inboundId()).bind("s", ctx.actor().address().toLowerCase(Locale.ROOT))
              .bind("at", clock.millis()).execute();
        }
      } else {
        h.rollbackToSavepoint(savepoint);
      }
      return o;
    } catch (RuntimeException e) {
      log.error("command {} failed on mail {}", cmd.spec().name(), ctx.inboundId(), e);
      h.rollbackToSavepoint(savepoint);
      return Outcome.refused(ctx.m("mail-processor.run.1"),
          "");
    }
  }

  /**
   * The per-sender cap on state changes ({@code security.actions-per-hour}): over it, the command
   * is refused with the time the oldest counted one leaves the hour; nothing runs.
   */
  private Outcome overActionCap(Handle h, CommandContext ctx) {
    long now = clock.millis();
    long since = now - Duration.ofHours(1).toMillis();
    String sender = ctx.actor().address().toLowerCase(Locale.ROOT);
    List<Long> recent = h.createQuery(
            "SELECT at FROM sender_action WHERE sender = :s AND at > :since ORDER BY at DESC LIMIT :n")
        .bind("s", sender).bind("since", since).bind("n", config.actionsPerHour)
        .mapTo(Long.class).list();
    if (recent.size() < config.actionsPerHour) {
      return null;
    }
    long resets = recent.get(recent.size() - 1) + Duration.ofHours(1).toMillis();
    String when = Dates.MINUTE
        .format(Instant.ofEpochMilli(resets).atZone(config.zone));
    return Outcome.refused(ctx.m("hostile.action-cap", "cap", config.actionsPerHour, "resetsAt", when), "");
  }

  private static boolean roleAllowed(CommandContext ctx, CommandHandler handler) {
    boolean ok = false;
    for (Role r : handler.spec().roles()) {
      ok |= ctx.actor().has(r);
    }
    return ok;
  }

  private Outcome checkAllowed(CommandContext ctx, CommandHandler handler) {
    Set<Role> allowed = handler.spec().roles();
    if (!roleAllowed(ctx, handler)) {
      return Outcome.refused(ctx.m("mail-processor.check-allowed.1", "allowed", roleNames(ctx, allowed),
              "roles", roleNames(ctx, ctx.actor().roles())),
          ctx.m("mail-processor.check-allowed.2"));
    }
    Outcome gated = registry.gate(ctx, handler.spec());
    if (gated != null) {
      return gated;
    }
    // with confirm, a command that asks for its own confirmation runs: it only asks, by mail to the From
    if (handler.changesState() && !ctx.authenticated()
        && (config.unauthenticated == Config.Unauthenticated.REFUSE || holds(handler))) {
      return Outcome.refused(ctx.m("mail-processor.check-allowed.3", "address", ctx.actor().address()),
          ctx.m("mail-processor.check-allowed.4"));
    }
    return null;
  }

  private static String roleNames(CommandContext ctx, Set<Role> roles) {
    List<String> names = new ArrayList<>();
    for (Role r : Role.values()) {
      if (roles.contains(r)) {
        names.add(ctx.m("role." + r.name().toLowerCase(Locale.ROOT)));
      }
    }
    return String.join(ctx.m("list.separator"), names);
  }

  /**
   * True for a command held when its mail does not prove its sender: one that changes state and does
   * not ask for its own confirmation (下架商品, 开始实施, 已完成 ask by mail anyway: that mail to the
   * From address is the proof, so holding them would cost a second round trip).
   */
  boolean holds(CommandHandler handler) {
    return handler.changesState() && !confirmations.purposes().contains(handler.spec().name());
  }

  CommandRegistry registry() {
    return registry;
  }

  /**
   * The command as lines the parser reads back: its keyword and arguments (with what the thread put
   * in), or the line of a sentence command; its fields; its free text.
   */
  private static String commandText(ParsedCommand cmd) {
    boolean keyword = cmd.spec().zh().contains(cmd.keyword())
        || cmd.spec().en().stream().anyMatch(k -> k.equalsIgnoreCase(cmd.keyword()));
    StringBuilder sb = new StringBuilder(keyword ? (cmd.keyword() + " " + cmd.args()).strip() : cmd.line().strip());
    for (Map.Entry<String, String> f : cmd.fields().entrySet()) {
      sb.append('\n').append(f.getKey()).append(": ").append(f.getValue());
    }
    if (!cmd.text().isEmpty()) {
      sb.append('\n').append(cmd.text());
    }
    return sb.toString();
  }

  /** Runs a command that was read below a doubtful quote marker, once its sender answered 确定. */
  private final class DoubtfulCommand implements Confirmable {
    @Override
    public String purpose() {
      return DOUBTFUL_PURPOSE;
    }

    @Override
    public Outcome perform(CommandContext ctx, String subjectId, String payload) {
      ParsedCommands again = parser.parse("", List.of(payload.split("\n", -1)));
      if (again.commands().isEmpty()) {
        return Outcome.refused(composer.fragment(ctx.language(), "quote-repeated", new NoModel()), "");
      }
      return run(ctx.handle(), ctx, again.commands().get(0), "doubtful");
    }
  }
}
