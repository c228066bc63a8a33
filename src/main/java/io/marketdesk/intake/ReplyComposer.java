package io.marketdesk.intake;

import io.marketdesk.command.Actor;
import io.marketdesk.command.CommandContext;
import io.marketdesk.command.CommandHandler;
import io.marketdesk.command.CommandParser;
import io.marketdesk.command.CommandRegistry;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.command.HelpHandler;
import io.marketdesk.text.Language;
import io.marketdesk.command.ParsedCommands;
import io.marketdesk.command.Scripts;
import io.marketdesk.mime.MailFormatException;
import io.marketdesk.mime.MailReader;
import io.marketdesk.mime.ParsedMail;
import io.marketdesk.outbox.About;
import io.marketdesk.outbox.Mailer;
import io.marketdesk.outbox.OutgoingMail;
import io.marketdesk.outbox.ReplyCap;
import io.marketdesk.template.Templates.RenderedMail;
import io.marketdesk.text.HanCharacters;
import io.marketdesk.token.Tokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;

/**
 * The last stage of a mail: what the commands came to becomes the one reply ({@code
 * templates/mail/LANG/reply.ftl}), queued in the mail's transaction under the hourly reply cap, in
 * the thread of the mail it answers. Also the short replies that come without commands: to a mail
 * that could not be read, to an unregistered sender, and the help a mail without a command gets.
 * Stateless and thread-safe.
 */
public final class ReplyComposer {
  private static final int MAX_REFERENCES = 20;

  private final Mailer mailer;
  private final InboundStore inbound;
  private final ReplyCap replyCap;
  private final CommandRegistry registry;
  private final Scripts scripts;

  ReplyComposer(Mailer mailer, InboundStore inbound, ReplyCap replyCap, CommandRegistry registry, Scripts scripts) {
    this.mailer = mailer;
    this.inbound = inbound;
    this.replyCap = replyCap;
    this.registry = registry;
    this.scripts = scripts;
  }

  /** Queues the reply to a mail, its subject rendered once by the template from the model. */
  void reply(Handle h, long id, ParsedMail mail, Language lang, ReplyModel.Builder reply, About about) {
    ReplyModel model = reply.build(subjectFor(mail.subject(), lang));
    String messageId = queue(h, id, mail, lang, mailer.render(lang, "reply", model), "reply", model.token(),
        reply.files());
    mailer.outbox().recordAbout(h, messageId, about);
  }

  /**
   * The short reply to a mail over a reading limit (header fields, a header or line length, parts
   * or nesting): which limit, quoting the subject, in Chinese when the subject is (the processor has
   * checked that the sender is registered and the mail not automatic).
   *
   * @param envelope what could be read of the mail's header
   * @param actor the sender as the directory knows them
   */
  void unreadable(Handle h, long id, ParsedMail envelope, Actor actor, MailFormatException e,
      MailReader.Limits limits) {
    String subject = shortened(envelope.subject());
    Language lang = HanCharacters.in(subject) || !containsAscii(subject)
        ? scripts.refine(Language.ZH, List.of(subject), null)
        : Language.EN;
    RenderedMail m = mailer.render(lang, "unreadable", new UnreadableModel(actor.name(),
        actor.primaryRole().name().toLowerCase(Locale.ROOT), e.reason().code(), subject,
        new UnreadableModel.Limits(limits.maxHeaderCount(), limits.maxHeaderLength() / 1024,
            limits.maxLineLength() / 1024, limits.maxParts()), subjectFor(subject, lang)));
    queue(h, id, envelope, lang, m, "reply", null, List.of());
  }

  /**
   * The one reply an unregistered sender gets a day: how to register, in Chinese when the mail has
   * Chinese characters (the script and {@code charset} choose between zh and zh-Hant), else English.
   */
  void unregistered(Handle h, long id, ParsedMail mail, String charset, String serviceAddress) {
    Language lang = HanCharacters.in(mail.subject() + mail.text())
        ? scripts.refine(Language.ZH, List.of(mail.subject(), mail.text()), charset)
        : Language.EN;
    RenderedMail m = mailer.render(lang, "unregistered", new UnregisteredModel(serviceAddress));
    queue(h, id, mail, lang, m, "unregistered", null, List.of());
  }

  /** A part of a reply rendered from its own template ({@code quote-doubt}, {@code held}, ...). */
  String fragment(Language lang, String template, Object model) {
    return mailer.render(lang, template, model).body().strip();
  }

  /** The help a mail without a command gets: the sender's commands, or those nearest to a typo. */
  void help(ReplyModel.Builder reply, CommandContext ctx, Actor actor, ParsedCommands parsed) {
    String nearest = nearestHelp(ctx, actor, parsed);
    if (nearest.isEmpty()) {
      reply.help(helpFor(ctx, actor), parsed.unrecognized());
    } else {
      reply.nearest(nearest, parsed.unrecognized());
    }
  }

  private String helpFor(CommandContext ctx, Actor actor) {
    CommandHandler help = registry.handler("help");
    return help == null ? "" : ((HelpHandler) help).helpFor(ctx, actor.primaryRole(), "");
  }

  /** The templates of the commands nearest to a typo that the sender may use, or "". */
  private String nearestHelp(CommandContext ctx, Actor actor, ParsedCommands parsed) {
    CommandHandler help = registry.handler("help");
    if (!(help instanceof HelpHandler)) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (CommandSpec spec : parsed.nearest()) {
      if (spec.roles().stream().anyMatch(actor::has)) {
        sb.append(((HelpHandler) help).helpFor(ctx, actor.primaryRole(), spec.name())).append('\n');
      }
    }
    return sb.toString().strip();
  }

  /**
   * Queues a mail to the sender in the thread of the mail it answers, under the hourly reply cap
   * ({@code security.replies-per-hour}): over it, the reply waits, and the stored mail says so.
   *
   * @return the Message-ID of the queued reply
   */
  private String queue(Handle h, long id, ParsedMail mail, Language lang, RenderedMail m, String kind, String token,
      List<OutgoingMail.FileAttachment> files) {
    List<String> refs = new ArrayList<>(mail.references());
    if (mail.messageId() != null) {
      refs.add(mail.messageId());
    }
    while (refs.size() > MAX_REFERENCES) {
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

  /** The reply's subject as the template's one {@code Subject:} line: a line break in it (a hostile encoded word) is a space. */
  private String subjectFor(String subject, Language lang) {
    return replySubject(subject, mailer.catalog().text(lang.code(), "reply.subject")).replaceAll("[\\r\\n]+", " ");
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
   * @param replySubject the reply's own subject
   */
  public record UnreadableModel(String name, String role, String reason, String subject, Limits limits,
      String replySubject) {
    /** The reading limits, in the units the reply names. */
    public record Limits(int headerFields, int headerKb, int lineKb, int parts) {}
  }

  /** The model of the unregistered-sender reply. */
  public record UnregisteredModel(String serviceAddress) {}

  /** The model of the note on a held command ({@code templates/mail/LANG/held.ftl}). */
  public record HeldModel(String address, String token, long days, boolean authservIdSet) {}

  /** The model of {@code quote-doubt}: the command line read, and the line that looked like a quote marker. */
  public record DoubtModel(String line, String marker) {}

  /** The model of a fragment that shows no values ({@code quote-repeated}, {@code ack-hint}). */
  public record NoModel() {}
}
