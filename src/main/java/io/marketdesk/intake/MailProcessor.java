package io.marketdesk.intake;

import io.marketdesk.feature.OutOfOfficeListener;
import io.marketdesk.audit.AuditLog;
import io.marketdesk.command.Actor;
import io.marketdesk.command.CommandContext;
import io.marketdesk.command.CommandParser;
import io.marketdesk.command.CommandRegistry;
import io.marketdesk.text.Language;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.command.ParsedCommands;
import io.marketdesk.command.Scripts;
import io.marketdesk.command.WrittenLanguages;
import io.marketdesk.config.Config;
import io.marketdesk.confirm.Confirmations;
import io.marketdesk.identity.Directory;
import io.marketdesk.mime.MailFormatException;
import io.marketdesk.mime.MailReader;
import io.marketdesk.mime.ParsedMail;
import io.marketdesk.mime.ReplyText;
import io.marketdesk.outbox.About;
import io.marketdesk.outbox.Mailer;
import io.marketdesk.outbox.Outbox;
import io.marketdesk.store.TransientFaults;
import io.marketdesk.template.Catalog;
import io.marketdesk.token.Tokens;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on stored inbound mails, each exactly once: parse it, let the guards decide whether it is
 * answered at all (a bounce, an automatic mail, an unregistered sender), decide who sent it and
 * whether the mail proves it, then hand its commands to the {@link CommandRunner} and what they came
 * to to the {@link ReplyComposer}, all in one transaction that also marks the mail processed. A group
 * of mails shares the transaction, a savepoint each: a mail that cannot be parsed or processed is
 * kept with its error and rolls back alone, and the others go on. Thread-safe; several instances may
 * process the same store (the claim decides).
 */
public final class MailProcessor {
  private static final Logger log = LoggerFactory.getLogger(MailProcessor.class);
  private static final Pattern WRITTEN_TOKEN = Pattern.compile("\\b([a-z2-7]{26})\\b");
  private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([A-Za-z0-9_.:-]+)");

  /** What happened to one mail, for the caller's counters and the tests. */
  public enum Result {
    REPLIED,
    IGNORED,
    FAILED,
    ALREADY_DONE
  }

  /** A stored mail to act on: its id, and its bytes when the caller holds them (null: read from the store). */
  private record Received(long id, InboundStore.Incoming incoming) {}

  private final Jdbi jdbi;
  private final InboundStore inbound;
  private final MailReader reader;
  private final ReplyText replyText = new ReplyText();
  private final Scripts scripts = new Scripts();
  private final CommandParser parser;
  private final MailGuards guards;
  private final Directory directory;
  private final Mailer mailer;
  private final Outbox outbox;
  private final AuditLog audit;
  private final Config config;
  private final Clock clock;
  private final Tokens tokens;
  private final Confirmations confirmations;
  private final ThreadContext threadContext = ThreadContext.standard();
  private final ReplyComposer composer;
  private final CommandRunner runner;
  private volatile OutOfOfficeListener outOfOffice = (h, from, tokens) -> {};
  private volatile BiConsumer<Result, Duration> timedListener = (r, d) -> {};

  /**
   * @param parser reads the commands of a mail (built over the registry's specs)
   * @param guards what a mail meets before and after its commands
   */
  public MailProcessor(Jdbi jdbi, InboundStore inbound, MailReader reader, CommandParser parser, MailGuards guards,
      CommandRegistry registry, Directory directory, Mailer mailer, AuditLog audit, Config config, Clock clock,
      Tokens tokens, Confirmations confirmations) {
    this.jdbi = jdbi;
    this.inbound = inbound;
    this.reader = reader;
    this.parser = parser;
    this.guards = guards;
    this.directory = directory;
    this.mailer = mailer;
    this.outbox = mailer.outbox();
    this.audit = audit;
    this.config = config;
    this.clock = clock;
    this.tokens = tokens;
    this.confirmations = confirmations;
    this.composer = new ReplyComposer(mailer, inbound, guards.replies(), registry, scripts);
    this.runner = new CommandRunner(registry, parser, confirmations, tokens, threadContext, composer,
        guards.senders().enabled(), config, clock);
    confirmations.register(new HeldCommands(this, runner));
    if (config.unauthenticated == Config.Unauthenticated.TRUST && !config.embeddedDemo()) {
      log.warn("security.unauthenticated is trust: a mail that does not prove its sender acts as that sender; "
          + "anyone who can mail this service can forge a From and act as a provider or an operator (docs/security.md)");
    }
  }

  /** Told of each out-of-office auto-reply (it gets no reply either way). */
  public void onOutOfOffice(OutOfOfficeListener listener) {
    this.outOfOffice = listener;
  }

  /** Called after each mail with its result and how long processing took (metrics). */
  public void onTimedResult(BiConsumer<Result, Duration> listener) {
    this.timedListener = listener;
  }

  /** Stores a raw mail (deduplicated) and processes it. */
  public Result accept(byte[] raw) {
    return acceptAll(List.of(InboundStore.Incoming.of(raw))).get(0);
  }

  /**
   * Stores raw mails (deduplicated, in one transaction), then processes the new ones as a group
   * ({@link #processStored}). One result per mail, in order.
   */
  public List<Result> acceptAll(List<InboundStore.Incoming> raws) {
    return processStored(inbound.storeAll(raws), raws);
  }

  /**
   * Processes the mails of a group just stored ({@link InboundStore#storeAll}) that wait for it, as
   * one group ({@link #processAll}): a mail stored before, or twice in the group, is {@link
   * Result#ALREADY_DONE} and is not looked at again. One result per mail, in order.
   *
   * @param raws the mails as stored, their bytes at hand
   */
  public List<Result> processStored(List<InboundStore.Stored> stored, List<InboundStore.Incoming> raws) {
    List<Received> fresh = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    Result[] results = new Result[raws.size()];
    for (int i = 0; i < raws.size(); i++) {
      InboundStore.Stored s = stored.get(i);
      if (s.status().equals("received") && seen.add(s.id())) {
        fresh.add(new Received(s.id(), raws.get(i)));
      } else {
        results[i] = Result.ALREADY_DONE;
      }
    }
    List<Result> done = processAll(fresh);
    for (int i = 0, k = 0; i < results.length; i++) {
      if (results[i] == null) {
        results[i] = done.get(k++);
      }
    }
    return List.of(results);
  }

  /** Processes a stored mail unless it was processed already. */
  public Result process(long id) {
    return processAll(List.of(new Received(id, null))).get(0);
  }

  /**
   * Processes stored mails in one transaction, a savepoint each. Should the group itself fail for
   * a reason that is not transient, each mail is processed alone, so that one bad mail cannot hold
   * up the others. A transient database fault (lost connection, deadlock, locked) is thrown with
   * nothing of the group committed: the mails stay stored as received, and the caller tries again
   * later. One result per mail, in order.
   */
  private List<Result> processAll(List<Received> mails) {
    if (mails.isEmpty()) {
      return List.of();
    }
    List<Duration> took = new ArrayList<>();
    List<Result> results;
    try {
      results = jdbi.inTransaction(h -> {
        took.clear();
        List<Result> out = new ArrayList<>(mails.size());
        for (int i = 0; i < mails.size(); i++) {
          long start = System.nanoTime();
          out.add(processOne(h, mails.get(i), i, mails.size() == 1));
          took.add(Duration.ofNanos(System.nanoTime() - start));
        }
        return out;
      });
    } catch (RuntimeException | StackOverflowError e) {
      if (TransientFaults.isTransient(e)) {
        log.warn("processing {} mails stopped by a transient database fault; they stay stored and are tried again: {}",
            mails.size(), e.toString());
        throw e;
      }
      if (mails.size() == 1) {
        log.error("mail {} failed: {}", mails.get(0).id(), e.toString(), e);
        inbound.fail(mails.get(0).id(), e.toString());
        results = List.of(Result.FAILED);
        took.clear();
        took.add(Duration.ZERO);
      } else {
        log.warn("a group of {} mails failed ({}); processing them one by one", mails.size(), e.toString());
        results = new ArrayList<>();
        for (int i = 0; i < mails.size(); i++) {
          results.addAll(processAll(List.of(mails.get(i))));
        }
        return results;
      }
    }
    for (int i = 0; i < results.size(); i++) {
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
  private Result processOne(Handle h, Received mail, int n, boolean alone) {
    long id = mail.id();
    if (alone) {
      return processIn(h, id, mail.incoming());
    }
    String savepoint = "mail" + n;
    h.savepoint(savepoint);
    try {
      Result r = processIn(h, id, mail.incoming());
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

  /** One mail, in its savepoint: claimed, read, past the guards, its sender decided, its commands run, its reply queued. */
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
      inbound.setStatus(h, id, "ignored", guards.bounces().settle(h, mail).note());
      return Result.IGNORED;
    }
    Optional<String> noReply = guards.loops().noReplyReason(mail);
    if (noReply.isPresent()) {
      if (guards.loops().outOfOffice(mail) && mail.fromAddress() != null) {
        outOfOffice.outOfOffice(h, mail.fromAddress(), presentedTokens(h, mail));
      }
      inbound.setStatus(h, id, "ignored", noReply.get());
      return Result.IGNORED;
    }
    Actor actor = directory.actor(h, mail.fromAddress());
    boolean authenticated = guards.senders().authenticated(mail);
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
        WrittenLanguages.record(h, actor.address(), lang, clock.millis());
      }
      CommandContext ctx = new CommandContext(h, actor, mail, id, lang, presented, proven, clock, mailer, audit);
      if (parsed.commands().isEmpty()) {
        if (answered.isPresent() && threadContext.isAcknowledgement(List.of(mail.text().split("\n")))
            && confirmations.asks(h, answered.get().token(), actor.address())) {
          reply.notice(composer.fragment(lang, "ack-hint", new ReplyComposer.NoModel()));
        } else {
          composer.help(reply, ctx, actor, parsed);
        }
      }
      CommandRunner.Ran ran = runner.runAll(ctx, parsed, reading, about, proven, reply);
      if (ran.held()) {
        inbound.setStatus(h, id, "processed", "held: the sender did not prove the address; confirmation mailed to it");
      }
      replyAbout = ran.about();
    }
    composer.reply(h, id, mail, lang, reply, replyAbout);
    return Result.REPLIED;
  }

  /** The mail of ours this one answers: In-Reply-To first, then References, newest first. */
  private Optional<Outbox.Answered> answered(Handle h, ParsedMail mail) {
    List<String> thread = mail.thread();
    for (String mid : thread.subList(0, Math.min(thread.size(), 10))) {
      Optional<Outbox.Answered> a = outbox.answered(h, mid);
      if (a.isPresent()) {
        return a;
      }
    }
    return Optional.empty();
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

  /**
   * A mail over a reading limit: its envelope (what could be read of the header) decides whether
   * the sender is told why ({@link ReplyComposer#unreadable}): a registered sender, not an automatic mail.
   *
   * @return true when a reply was queued
   */
  private boolean replyUnreadable(Handle h, long id, byte[] raw, MailFormatException e) {
    MailReader.Envelope envelope = MailReader.envelope(raw);
    ParsedMail mail = new ParsedMail(envelope.messageId(), envelope.from(), null, List.of(),
        envelope.subject(), null, null, List.of(), envelope.headers(), "", false, List.of(), null);
    if (guards.loops().noReplyReason(mail).isPresent()) {
      return false;
    }
    Actor actor = directory.actor(h, mail.fromAddress());
    if (!actor.registered()) {
      return false;
    }
    composer.unreadable(h, id, mail, actor, e, reader.limits());
    return true;
  }

  /** The tokens a mail presents: in its To address, its subject tag, and the mails of ours it answers. */
  private List<String> presentedTokens(Handle h, ParsedMail mail) {
    Set<String> tokens = new LinkedHashSet<>();
    for (String to : mail.to()) {
      Tokens.fromAddress(to).ifPresent(tokens::add);
    }
    Tokens.fromSubject(mail.subject()).ifPresent(tokens::add);
    for (String mid : mail.thread()) {
      outbox.tokenOfMessage(h, mid).ifPresent(tokens::add);
    }
    return new ArrayList<>(tokens);
  }

  /** An unregistered sender is told how to register, once a day. */
  private void replyUnregistered(Handle h, long id, ParsedMail mail) {
    long since = clock.millis() - Duration.ofHours(24).toMillis();
    boolean already = outbox.countTo(h, mail.fromAddress(), List.of("unregistered"), since, 1) > 0;
    if (already) {
      inbound.setStatus(h, id, "processed", "unregistered sender, already told today");
      return;
    }
    composer.unregistered(h, id, mail, declaredCharset(mail), config.mailAddress);
    inbound.setStatus(h, id, "processed", "unregistered sender");
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
    List<String> thread = mail.thread();
    for (int i = 0; i < thread.size() && i < 20; i++) {
      if (outbox.sentTo(h, thread.get(i), address, since)) {
        return true;
      }
    }
    Set<String> candidates = new LinkedHashSet<>(presented);
    for (String line : lines) {
      Matcher m = WRITTEN_TOKEN.matcher(line.toLowerCase(Locale.ROOT));
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

  /** Reads a stored mail again (a held mail, when its confirmation comes). */
  ParsedMail read(Handle h, long id) throws MailFormatException {
    return reader.read(new ByteArrayInputStream(inbound.incoming(h, id).raw()));
  }

  /** The commands of a mail as the pipeline parsed them when it came. */
  ParsedCommands parse(ParsedMail mail) {
    return parser.parse(mail.subject(), replyText.liveLines(mail.text()));
  }

  Mailer mailer() {
    return mailer;
  }

  /** A context for running a held mail's commands, now that its sender has proven the address. */
  CommandContext provenContext(Handle h, CommandContext confirming, ParsedMail held, long heldId) {
    return new CommandContext(h, confirming.actor(), held, heldId, confirming.language(), presentedTokens(h, held), true,
        clock, mailer, audit);
  }

  /** The charset the mail's Content-Type header declares (a Big5 mail gets a zh-Hant reply), or null. */
  private static String declaredCharset(ParsedMail mail) {
    String type = mail.headers() == null ? null : mail.headers().first("Content-Type");
    if (type == null) {
      return null;
    }
    Matcher m = CHARSET.matcher(type);
    return m.find() ? m.group(1) : null;
  }
}
