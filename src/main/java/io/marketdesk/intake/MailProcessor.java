package io.marketdesk.intake;

import io.marketdesk.audit.AuditLog;
import io.marketdesk.command.Actor;
import io.marketdesk.command.CommandContext;
import io.marketdesk.command.CommandHandler;
import io.marketdesk.command.CommandParser;
import io.marketdesk.command.CommandRegistry;
import io.marketdesk.command.Language;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.command.ParsedCommands;
import io.marketdesk.command.Role;
import io.marketdesk.config.Config;
import io.marketdesk.confirm.Confirmable;
import io.marketdesk.confirm.Confirmations;
import io.marketdesk.identity.Directory;
import io.marketdesk.mime.MailFormatException;
import io.marketdesk.mime.MailReader;
import io.marketdesk.mime.ParsedMail;
import io.marketdesk.mime.ReplyText;
import io.marketdesk.outbox.Bounces;
import io.marketdesk.outbox.About;
import io.marketdesk.outbox.Mailer;
import io.marketdesk.outbox.Outbox;
import io.marketdesk.outbox.OutgoingMail;
import io.marketdesk.outbox.ReplyCap;
import io.marketdesk.store.TransientFaults;
import io.marketdesk.command.Scripts;
import io.marketdesk.template.Catalog;
import io.marketdesk.template.Templates.RenderedMail;
import io.marketdesk.token.Tokens;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on one stored inbound mail, exactly once: parse it, decide who sent it, run its commands and
 * queue its one reply, all in one transaction that also marks the mail processed. A mail that
 * cannot be parsed or processed is kept with its error, and the caller goes on with the next one.
 * Each command runs in a savepoint: a refusal or a fault in one command rolls back only that
 * command. Thread-safe; several instances may process the same store (the claim decides).
 */
public final class MailProcessor {
  private static final Logger log = LoggerFactory.getLogger(MailProcessor.class);
  /** The confirmation purpose of a command read below a doubtful quote marker. */
  static final String DOUBTFUL_PURPOSE = "mail.doubtful";

  /** What happened to one mail, for the caller's counters and the tests. */
  public enum Result {
    REPLIED,
    IGNORED,
    FAILED,
    ALREADY_DONE
  }

  private final Jdbi jdbi;
  private final InboundStore inbound;
  private final MailReader reader;
  private final ReplyText replyText;
  private final Scripts scripts = new Scripts();
  private final CommandRegistry registry;
  private final CommandParser parser;
  private final Directory directory;
  private final Mailer mailer;
  private final Outbox outbox;
  private final AuditLog audit;
  private final LoopGuard loopGuard;
  private final SenderAuthentication senderAuth;
  private final Bounces bounces;
  private final ReplyCap replyCap;
  private final Config config;
  private final Clock clock;
  private final Tokens tokens;
  private final Confirmations confirmations;
  private final ThreadContext threadContext = ThreadContext.standard();
  private volatile Consumer<Result> listener = r -> {};
  private volatile OutOfOfficeListener outOfOffice = (h, from, tokens) -> {};
  private volatile java.util.function.BiConsumer<Result, Duration> timedListener = (r, d) -> {};

  public MailProcessor(
      Jdbi jdbi,
      InboundStore inbound,
      MailReader reader,
      CommandRegistry registry,
      Directory directory,
      Mailer mailer,
      AuditLog audit,
      Config config,
      Clock clock,
      Tokens tokens,
      Confirmations confirmations) {
    this.jdbi = jdbi;
    this.inbound = inbound;
    this.reader = reader;
    this.replyText = new ReplyText();
    this.registry = registry;
    this.parser = new CommandParser(registry.specs(), config.maxCommands);
    this.directory = directory;
    this.mailer = mailer;
    this.outbox = mailer.outbox();
    this.audit = audit;
    this.loopGuard = new LoopGuard(config.mailAddress);
    this.senderAuth = new SenderAuthentication(config.authservId);
    this.bounces = new Bounces(outbox, config.mailAddress);
    this.replyCap = new ReplyCap(mailer, config.repliesPerHour, clock, config.zone);
    this.config = config;
    this.clock = clock;
    this.tokens = tokens;
    this.confirmations = confirmations;
    confirmations.register(new HeldCommands(this));
    if (config.unauthenticated == Config.Unauthenticated.TRUST && !config.embeddedDemo()) {
      log.warn("security.unauthenticated is trust: a mail that does not prove its sender acts as that sender; "
          + "anyone who can mail this service can forge a From and act as a provider or an operator (docs/security.md)");
    }
    confirmations.register(new DoubtfulCommand());
  }

  /** Told of each out-of-office auto-reply (it gets no reply either way). */
  public void onOutOfOffice(OutOfOfficeListener listener) {
    this.outOfOffice = listener;
  }

  /** Called after each mail with its result (metrics). */
  public void onResult(Consumer<Result> listener) {
    this.listener = listener;
  }

  /** Called after each mail with its result and how long processing took (metrics). */
  public void onTimedResult(java.util.function.BiConsumer<Result, Duration> listener) {
    this.timedListener = listener;
  }

  /** Stores a raw mail (deduplicated) and processes it. */
  public Result accept(byte[] raw) {
    return acceptAll(List.of(InboundStore.Incoming.of(raw))).get(0);
  }

  /**
   * Stores raw mails (deduplicated, in one transaction), then processes the new ones as a group:
   * one transaction, a savepoint per mail, so a mail that fails rolls back alone and is kept with
   * its error while the others commit. One result per mail, in order. A transient database fault
   * (lost connection, deadlock, locked) is thrown with nothing of the group committed: the mails
   * stay stored as received and in the mailbox, and the caller tries again later.
   */
  public List<Result> acceptAll(List<InboundStore.Incoming> raws) {
    List<InboundStore.Stored> stored = inbound.storeAll(raws);
    Result[] results = new Result[raws.size()];
    List<Long> ids = new ArrayList<>();
    List<InboundStore.Incoming> known = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < raws.size(); i++) {
      InboundStore.Stored s = stored.get(i);
      if (!s.status().equals("received") || !seen.add(s.id())) {
        results[i] = Result.ALREADY_DONE;
      } else {
        ids.add(s.id());
        known.add(raws.get(i));
        at.add(i);
      }
    }
    List<Result> done = processAll(ids, known);
    for (int k = 0; k < at.size(); k++) {
      results[at.get(k)] = done.get(k);
    }
    return List.of(results);
  }

  /** Processes a stored mail unless it was processed already. */
  public Result process(long id) {
    return processAll(List.of(id), Collections.singletonList(null)).get(0);
  }

  /**
   * Processes stored mails in one transaction, a savepoint each. Should the group itself fail for
   * a reason that is not transient, each mail is processed alone, so that one bad mail cannot hold
   * up the others.
   */
  private List<Result> processAll(List<Long> ids, List<InboundStore.Incoming> raws) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Duration> took = new ArrayList<>();
    List<Result> results;
    try {
      results = jdbi.inTransaction(h -> {
        took.clear();
        List<Result> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
          long start = System.nanoTime();
          out.add(processOne(h, ids.get(i), raws.get(i), i, ids.size() == 1));
          took.add(Duration.ofNanos(System.nanoTime() - start));
        }
        return out;
      });
    } catch (RuntimeException | StackOverflowError e) {
      if (TransientFaults.isTransient(e)) {
        log.warn("processing {} mails stopped by a transient database fault; they stay stored and are tried again: {}",
            ids.size(), e.toString());
        throw e;
      }
      if (ids.size() == 1) {
        log.error("mail {} failed: {}", ids.get(0), e.toString(), e);
        inbound.fail(ids.get(0), e.toString());
        results = List.of(Result.FAILED);
        took.clear();
        took.add(Duration.ZERO);
      } else {
        log.warn("a group of {} mails failed ({}); processing them one by one", ids.size(), e.toString());
        results = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
          results.addAll(processAll(List.of(ids.get(i)), Collections.singletonList(raws.get(i))));
        }
        return results;
      }
    }
    for (int i = 0; i < results.size(); i++) {
      listener.accept(results.get(i));
      timedListener.accept(results.get(i), took.get(i));
    }
    return results;
  }

  /**
   * One mail in the group's transaction. A fault (a stack overflow too: a hostile mail's, not the
   * service's) rolls back this mail's savepoint and keeps it as failed with its error, unless it is
   * transient (then the group stops). Alone in its transaction
   * ({@code alone}), a fault is thrown instead, so the caller records it in a transaction of its own.
   */
  private Result processOne(Handle h, long id, InboundStore.Incoming raw, int n, boolean alone) {
    if (alone) {
      return processIn(h, id, raw);
    }
    String savepoint = "mail" + n;
    h.savepoint(savepoint);
    try {
      Result r = processIn(h, id, raw);
      h.releaseSavepoint(savepoint);
      return r;
    } catch (RuntimeException | StackOverflowError e) {
      h.rollbackToSavepoint(savepoint);
      if (TransientFaults.isTransient(e)) {
        throw e;
      }
      log.error("mail {} failed: {}", id, e.toString(), e);
      inbound.fail(h, id, e.toString());
      return Result.FAILED;
    }
  }

  private Result processIn(Handle h, long id, InboundStore.Incoming known) {
    if (!inbound.claim(h, id, "processed", null)) {
      return Result.ALREADY_DONE;
    }
    InboundStore.Incoming incoming = known != null ? known : inbound.incoming(h, id);
    byte[] raw = incoming.raw();
    ParsedMail mail;
    try {
      mail = reader.read(new ByteArrayInputStream(raw));
    } catch (MailFormatException e) {
      h.createUpdate("UPDATE inbound_mail SET status = 'failed', error = :e WHERE id = :id")
          .bind("e", e.stored())
          .bind("id", id)
          .execute();
      return replyUnreadable(h, id, raw, e) ? Result.REPLIED : Result.FAILED;
    }
    if (mail.report() != null) {
      inbound.setStatus(h, id, "ignored", bounces.settle(h, mail).note());
      return Result.IGNORED;
    }
    Optional<String> noReply = loopGuard.noReplyReason(mail);
    if (noReply.isPresent()) {
      if (loopGuard.outOfOffice(mail) && mail.fromAddress() != null) {
        outOfOffice.outOfOffice(h, mail.fromAddress(), presentedTokens(h, mail));
      }
      inbound.setStatus(h, id, "ignored", noReply.get());
      return Result.IGNORED;
    }
    Actor actor = directory.actor(h, mail.fromAddress());
    boolean authenticated = senderAuth.authenticated(mail);
    boolean trusted = config.unauthenticated == Config.Unauthenticated.TRUST;
    if (!actor.registered()) {
      if (config.unregisteredReplyNever || !(authenticated || trusted)) {
        // a forged From would turn the reply into backscatter to a stranger (docs/security.md)
        inbound.setStatus(h, id, "ignored", "unregistered sender, " + (config.unregisteredReplyNever
            ? "security.unregistered-reply is never" : "not authenticated"));
        return Result.IGNORED;
      }
      replyUnregistered(h, id, mail);
      return Result.REPLIED;
    }
    Optional<Outbox.Answered> answered = answered(h, mail);
    ReplyText.Reading reading = replyText.read(mail.text(), answered.map(Outbox.Answered::body).orElse(null));
    About about = answered.map(Outbox.Answered::about).orElse(About.NOTHING);
    ParsedCommands parsed = parser.parse(mail.subject(), reading.live());
    Language lang = scripts.refine(parsed.language(), commandLines(parsed, mail.subject(), reading.live()),
        declaredCharset(mail));
    ReplyModel.Builder reply = new ReplyModel.Builder(actor);
    About replyAbout = About.NOTHING;
    Catalog words = mailer.catalog();
    String code = lang.code();
    if (incoming.size() > config.maxMessageBytes) {
      reply.notice(words.text(code, "notice.mail-too-large", "megabytes", config.maxMessageBytes / 1024 / 1024));
    } else if (mail.attachments().size() > config.maxAttachments) {
      reply.notice(words.text(code, "notice.too-many-attachments", "count", mail.attachments().size(),
          "limit", config.maxAttachments));
    } else {
      if (parsed.overLimit()) {
        reply.notice(words.text(code, "notice.too-many-commands", "limit", config.maxCommands));
      }
      List<String> presented = presentedTokens(h, mail);
      boolean byToken = !authenticated && provenByToken(h, mail, actor.address(), presented, reading.live());
      boolean proven = authenticated || trusted || byToken;
      // for the audit log and history by mail (docs/history.md)
      h.createUpdate("UPDATE inbound_mail SET auth_result = :a WHERE id = :id")
          .bind("a", authenticated ? "pass" : byToken ? "token" : trusted ? "trust" : "none").bind("id", id).execute();
      if (proven) {
        // the language notices nobody asked for follow (docs/languages.md); a forged From sets nothing
        io.marketdesk.command.WrittenLanguages.record(h, actor.address(), lang, clock.millis());
      }
      CommandContext ctx = new CommandContext(h, actor, mail, id, lang, presented, proven, clock, mailer, audit);
      if (parsed.commands().isEmpty()) {
        if (answered.isPresent() && threadContext.isAcknowledgement(List.of(mail.text().split("\n")))
            && confirmations.asks(h, answered.get().token(), actor.address())) {
          reply.notice(fragment(lang, "ack-hint", new NoModel()));
        } else {
          String nearest = nearestHelp(ctx, actor, parsed);
          if (nearest.isEmpty()) {
            reply.help(helpFor(ctx, actor), parsed.unrecognized());
          } else {
            reply.nearest(nearest, parsed.unrecognized());
          }
        }
      }
      int n = 0;
      String heldToken = null;
      List<ParsedCommand> resolved = new ArrayList<>();
      for (ParsedCommand cmd : parsed.commands()) {
        ParsedCommand c = threadContext.resolve(cmd, actor, about);
        resolved.add(c);
        CommandHandler handler = registry.handler(c.spec());
        if (!proven && holds(handler) && roleAllowed(ctx, handler)
            && config.unauthenticated == Config.Unauthenticated.CONFIRM) {
          if (heldToken == null) {
            heldToken = tokens.issue(h, HeldCommands.PURPOSE, Long.toString(id), actor.address(), null, config.tokenTtl);
          }
          reply.item(cmd.line(), Outcome.awaiting(mailer.render(lang, "held",
              new HeldModel(actor.address(), heldToken, config.tokenTtl.toDays(), senderAuth.enabled())).body().strip(),
              heldToken));
          n++;
          continue;
        }
        reply.item(cmd.line(), read(h, ctx.withLanguage(lang), c, reading, n++));
      }
      if (heldToken != null) {
        inbound.setStatus(h, id, "processed", "held: the sender did not prove the address; confirmation mailed to it");
      }
      About own = threadContext.aboutOf(resolved);
      replyAbout = own.isEmpty() ? about : own;
    }
    queueReply(h, id, mail, lang, reply.build(), "reply", replyAbout, reply.files());
    return Result.REPLIED;
  }

  /** The mail of ours this one answers: In-Reply-To first, then References, newest first. */
  private Optional<Outbox.Answered> answered(Handle h, ParsedMail mail) {
    List<String> thread = new ArrayList<>();
    if (mail.inReplyTo() != null) {
      thread.add(mail.inReplyTo());
    }
    List<String> refs = new ArrayList<>(mail.references());
    Collections.reverse(refs);
    thread.addAll(refs);
    for (String mid : thread.subList(0, Math.min(thread.size(), 10))) {
      Optional<Outbox.Answered> a = outbox.answered(h, mid);
      if (a.isPresent()) {
        return a;
      }
    }
    return Optional.empty();
  }

  /**
   * Runs one command as read from the mail: a line that repeats the answered mail does not run; a
   * state-changing command read below a doubtful quote marker is asked about first (a 确定 round
   * trip through {@link Confirmations}, the reply quoting the line and the marker).
   */
  private Outcome read(Handle h, CommandContext ctx, ParsedCommand cmd, ReplyText.Reading reading, int n) {
    if (!cmd.fromSubject() && reading.isRepeated(cmd.line())) {
      return Outcome.refused(fragment(ctx.language(), "quote-repeated", new NoModel()), "");
    }
    CommandHandler handler = registry.handler(cmd.spec());
    if (!cmd.fromSubject() && handler.changesState() && reading.isDoubtful(cmd.line())
        && !cmd.spec().name().equals("confirm")) {
      Outcome refusal = checkAllowed(ctx, handler);
      if (refusal != null) {
        return refusal;
      }
      ParsedCommand bare = new ParsedCommand(cmd.spec(), cmd.keyword(), cmd.language(), "", Map.of(), "", cmd.line(),
          false);
      return confirmations.confirmOrAsk(ctx, bare, DOUBTFUL_PURPOSE, "mail", commandText(cmd),
          fragment(ctx.language(), "quote-doubt", new DoubtModel(cmd.line().strip(), reading.doubtLine())));
    }
    return run(h, ctx, cmd, "cmd" + n);
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

  private String fragment(Language lang, String template, Object model) {
    return mailer.render(lang, template, model).body().strip();
  }

  /** The model of {@code quote-doubt}: the command line read, and the line that looked like a quote marker. */
  public record DoubtModel(String line, String marker) {}

  /** The model of a fragment that shows no values ({@code quote-repeated}, {@code ack-hint}). */
  public record NoModel() {}

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
        return Outcome.refused(fragment(ctx.language(), "quote-repeated", new NoModel()), "");
      }
      return run(ctx.handle(), ctx, again.commands().get(0), "doubtful");
    }
  }

  /** The model of the note on a held command ({@code templates/mail/LANG/held.ftl}). */
  public record HeldModel(String address, String token, long days, boolean authservIdSet) {}

  /**
   * True for a command held when its mail does not prove its sender: one that changes state and does
   * not ask for its own confirmation (下架商品, 开始实施, 已完成 ask by mail anyway: that mail to the
   * From address is the proof, so holding them would cost a second round trip).
   */
  boolean holds(CommandHandler handler) {
    return handler.changesState() && !confirmations.purposes().contains(handler.spec().name());
  }

  /**
   * True when the mail answers a mail we sent to this address (its In-Reply-To or References name
   * one, within the token lifetime: our Message-IDs are random), or presents a token of a mail we
   * sent to this address (in its To address, subject tag or thread, or written in its text), not
   * expired: only the owner of the address can know either. Used or not does not matter here;
   * single use is each token's own business.
   */
  private boolean provenByToken(Handle h, ParsedMail mail, String address, List<String> presented, List<String> lines) {
    long since = clock.millis() - config.tokenTtl.toMillis();
    List<String> thread = new ArrayList<>();
    if (mail.inReplyTo() != null) {
      thread.add(mail.inReplyTo());
    }
    List<String> refs = new ArrayList<>(mail.references());
    Collections.reverse(refs);
    thread.addAll(refs);
    for (int i = 0; i < thread.size() && i < 20; i++) {
      if (outbox.sentTo(h, thread.get(i), address, since)) {
        return true;
      }
    }
    Set<String> candidates = new LinkedHashSet<>(presented);
    for (String line : lines) {
      java.util.regex.Matcher m = WRITTEN_TOKEN.matcher(line.toLowerCase(java.util.Locale.ROOT));
      while (m.find() && candidates.size() < presented.size() + 5) {
        candidates.add(m.group(1));
      }
    }
    long now = clock.millis();
    for (String t : candidates) {
      Optional<Tokens.Token> found = tokens.find(h, t);
      if (found.isPresent() && found.get().address().equalsIgnoreCase(address) && found.get().expiresAt() >= now) {
        return true;
      }
    }
    return false;
  }

  private static final java.util.regex.Pattern WRITTEN_TOKEN = java.util.regex.Pattern.compile("\\b([a-z2-7]{26})\\b");

  /** Reads a stored mail again (a held mail, when its confirmation comes). */
  ParsedMail read(Handle h, long id) throws MailFormatException {
    return reader.read(new ByteArrayInputStream(inbound.incoming(h, id).raw()));
  }

  /** The commands of a mail as the pipeline parsed them when it came. */
  ParsedCommands parse(ParsedMail mail) {
    return parser.parse(mail.subject(), replyText.liveLines(mail.text()));
  }

  CommandRegistry registry() {
    return registry;
  }

  Mailer mailer() {
    return mailer;
  }

  /** A context for running a held mail's commands, now that its sender has proven the address. */
  CommandContext provenContext(Handle h, CommandContext confirming, ParsedMail held, long heldId) {
    return new CommandContext(h, confirming.actor(), held, heldId, confirming.language(), presentedTokens(h, held), true,
        clock, mailer, audit);
  }

  Outcome run(Handle h, CommandContext ctx, ParsedCommand cmd, String savepoint) {
    CommandHandler handler = registry.handler(cmd.spec());
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
              .bind("id", ctx.inboundId()).bind("s", ctx.actor().address().toLowerCase(java.util.Locale.ROOT))
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
    String sender = ctx.actor().address().toLowerCase(java.util.Locale.ROOT);
    List<Long> recent = h.createQuery(
            "SELECT at FROM sender_action WHERE sender = :s AND at > :since ORDER BY at DESC LIMIT :n")
        .bind("s", sender).bind("since", since).bind("n", config.actionsPerHour)
        .mapTo(Long.class).list();
    if (recent.size() < config.actionsPerHour) {
      return null;
    }
    long resets = recent.get(recent.size() - 1) + Duration.ofHours(1).toMillis();
    String when = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
        .format(java.time.Instant.ofEpochMilli(resets).atZone(config.zone));
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
        names.add(ctx.m("role." + r.name().toLowerCase(java.util.Locale.ROOT)));
      }
    }
    return String.join(ctx.m("list.separator"), names);
  }

  /** The lines whose script decides between zh and zh-Hant: the commands', else the whole mail's. */
  private static List<String> commandLines(ParsedCommands parsed, String subject, List<String> lines) {
    List<String> out = new ArrayList<>();
    for (ParsedCommand c : parsed.commands()) {
      out.add(c.line());
      // what the person wrote under the line shows the script too (新建商品 with 繁體 fields)
      out.addAll(c.fields().keySet());
      out.addAll(c.fields().values());
      out.add(c.text());
    }
    if (out.isEmpty()) {
      out.add(subject);
      out.addAll(lines);
    }
    return out;
  }

  private String helpFor(CommandContext ctx, Actor actor) {
    CommandHandler help = registry.handler("help");
    return help == null ? "" : ((io.marketdesk.command.HelpHandler) help).helpFor(ctx, actor.primaryRole(), "");
  }

  /** The templates of the commands nearest to a typo that the sender may use, or "". */
  private String nearestHelp(CommandContext ctx, Actor actor, ParsedCommands parsed) {
    CommandHandler help = registry.handler("help");
    if (!(help instanceof io.marketdesk.command.HelpHandler)) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (io.marketdesk.command.CommandSpec spec : parsed.nearest()) {
      if (spec.roles().stream().anyMatch(actor::has)) {
        sb.append(((io.marketdesk.command.HelpHandler) help).helpFor(ctx, actor.primaryRole(), spec.name()))
            .append('\n');
      }
    }
    return sb.toString().strip();
  }

  /**
   * A mail over a reading limit (header fields, a header or line length, parts or nesting): the
   * sender, when registered and not an automatic mail, is told why in a short reply that quotes
   * the subject; the mail stays stored as failed with the reason.
   *
   * @return true when a reply was queued
   */
  private boolean replyUnreadable(Handle h, long id, byte[] raw, MailFormatException e) {
    MailReader.Envelope envelope = MailReader.envelope(raw);
    ParsedMail mail = new ParsedMail(envelope.messageId(), envelope.from(), null, List.of(),
        envelope.subject(), null, null, List.of(), envelope.headers(), "", false, List.of(), null);
    if (loopGuard.noReplyReason(mail).isPresent()) {
      return false;
    }
    Actor actor = directory.actor(h, mail.fromAddress());
    if (!actor.registered()) {
      return false;
    }
    String subject = shortened(envelope.subject());
    Language lang = containsCjk(subject) || !containsAscii(subject)
        ? scripts.refine(Language.ZH, List.of(subject), null)
        : Language.EN;
    MailReader.Limits limits = reader.limits();
    RenderedMail body = mailer.render(lang, "unreadable", new UnreadableModel(actor.name(),
        actor.primaryRole().name().toLowerCase(java.util.Locale.ROOT), e.reason().code(),
        subject, new UnreadableModel.Limits(limits.maxHeaderCount(), limits.maxHeaderLength() / 1024,
            limits.maxLineLength() / 1024, limits.maxParts())));
    queue(h, id, mail, lang,
        new RenderedMail(replySubject(subject, mailer.catalog().text(lang.code(), "reply.subject")), body.body()),
        "reply", null);
    return true;
  }

  /** A subject as far as a short reply repeats it: its first 100 characters. */
  private static String shortened(String subject) {
    if (subject == null) {
      return "";
    }
    String s = subject.strip();
    return s.length() <= 100 ? s : s.substring(0, s.offsetByCodePoints(0, Math.min(100, s.codePointCount(0, s.length())))) + "…";
  }

  private static boolean containsAscii(String s) {
    return s != null && s.chars().anyMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
  }

  /**
   * The model of the reply to a mail that could not be read ({@code templates/mail/LANG/unreadable.ftl}).
   *
   * @param name how to greet the sender
   * @param role who the sender is ({@code provider}, {@code operator}, {@code buyer}): the signature speaks to that reader
   * @param reason the {@link MailFormatException.Reason#code()}
   * @param subject the mail's subject as far as it could be read, or ""
   * @param limits the limits the reason may name
   */
  public record UnreadableModel(String name, String role, String reason, String subject, Limits limits) {
    /** The reading limits, in the units the reply names. */
    public record Limits(int headerFields, int headerKb, int lineKb, int parts) {}
  }

  private List<String> presentedTokens(Handle h, ParsedMail mail) {
    Set<String> tokens = new LinkedHashSet<>();
    for (String to : mail.to()) {
      Tokens.fromAddress(to).ifPresent(tokens::add);
    }
    Tokens.fromSubject(mail.subject()).ifPresent(tokens::add);
    List<String> thread = new ArrayList<>();
    if (mail.inReplyTo() != null) {
      thread.add(mail.inReplyTo());
    }
    List<String> refs = new ArrayList<>(mail.references());
    java.util.Collections.reverse(refs);
    thread.addAll(refs);
    for (String mid : thread) {
      outbox.tokenOfMessage(h, mid).ifPresent(tokens::add);
    }
    return new ArrayList<>(tokens);
  }

  private void replyUnregistered(Handle h, long id, ParsedMail mail) {
    long since = clock.millis() - Duration.ofHours(24).toMillis();
    boolean already = outbox.countTo(h, mail.fromAddress(), List.of("unregistered"), since, 1) > 0;
    if (already) {
      inbound.setStatus(h, id, "processed", "unregistered sender, already told today");
      return;
    }
    Language lang = containsCjk(mail.subject() + mail.text())
        ? scripts.refine(Language.ZH, List.of(mail.subject(), mail.text()), declaredCharset(mail))
        : Language.EN;
    RenderedMail m = mailer.render(lang, "unregistered", new UnregisteredModel(config.mailAddress));
    queue(h, id, mail, lang, m, "unregistered", null);
    inbound.setStatus(h, id, "processed", "unregistered sender");
  }

  /** The model of the unregistered-sender reply. */
  public record UnregisteredModel(String serviceAddress) {}

  private void queueReply(Handle h, long id, ParsedMail mail, Language lang, ReplyModel model, String kind,
      About about, List<OutgoingMail.FileAttachment> files) {
    RenderedMail body = mailer.render(lang, "reply", model);
    String messageId = queue(h, id, mail, lang,
        body.withSubject(replySubject(mail.subject(), mailer.catalog().text(lang.code(), "reply.subject"))),
        kind, model.token(), files);
    outbox.recordAbout(h, messageId, about);
  }

  private String queue(Handle h, long id, ParsedMail mail, Language lang, RenderedMail m, String kind, String token) {
    return queue(h, id, mail, lang, m, kind, token, List.of());
  }

  private String queue(Handle h, long id, ParsedMail mail, Language lang, RenderedMail m, String kind, String token,
      List<OutgoingMail.FileAttachment> files) {
    List<String> refs = new ArrayList<>(mail.references());
    if (mail.messageId() != null) {
      refs.add(mail.messageId());
    }
    while (refs.size() > 20) {
      refs.remove(1);
    }
    ReplyCap.Queued q = replyCap.queue(h, lang, mailer.mail(kind, mail.fromAddress(), m, token, mail.messageId(), refs,
        files), id);
    if (q.held()) {
      inbound.setStatus(h, id, "processed", "reply held until " + Instant.ofEpochMilli(q.releaseAt())
          + ": over security.replies-per-hour");
    }
    return q.messageId();
  }

  /** The reply's subject: the mail's, with "Re: " unless it is already a reply; {@code empty} for none. */
  static String replySubject(String subject, String empty) {
    String s = subject == null ? "" : Tokens.SUBJECT_TAG.matcher(subject).replaceAll("").trim();
    if (s.isEmpty()) {
      return empty;
    }
    if (!CommandParser.stripSubject(s).equals(s)) {
      return s;
    }
    return "Re: " + s;
  }

  /** The charset the mail's Content-Type header declares (a Big5 mail gets a zh-Hant reply), or null. */
  private static String declaredCharset(ParsedMail mail) {
    String type = mail.headers() == null ? null : mail.headers().first("Content-Type");
    if (type == null) {
      return null;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)charset\\s*=\\s*\"?([A-Za-z0-9_.:-]+)").matcher(type);
    return m.find() ? m.group(1) : null;
  }

  static boolean containsCjk(String s) {
    return s != null && s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }
}
