package io.marketdesk.command;

import io.marketdesk.text.Language;
import io.marketdesk.audit.ActedBy;
import io.marketdesk.audit.AuditLog;
import io.marketdesk.mime.ParsedMail;
import io.marketdesk.outbox.Mailer;
import io.marketdesk.template.Catalog;
import io.marketdesk.text.Message;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;

/**
 * What a handler knows of the mail it is answering: the open transaction, the sender, the mail, the
 * reply language, the tokens the mail presents, and ways to mail other people and write the audit
 * log in the same transaction. One per mail; not shared between threads.
 */
public final class CommandContext {
  private final Handle handle;
  private final Actor actor;
  private final ParsedMail mail;
  private final Long inboundId;
  private final Language language;
  private final List<String> presentedTokens;
  private final boolean authenticated;
  private final Clock clock;
  private final Mailer mailer;
  private final AuditLog audit;

  public CommandContext(
      Handle handle,
      Actor actor,
      ParsedMail mail,
      Long inboundId,
      Language language,
      List<String> presentedTokens,
      boolean authenticated,
      Clock clock,
      Mailer mailer,
      AuditLog audit) {
    this.handle = handle;
    this.actor = actor;
    this.mail = mail;
    this.inboundId = inboundId;
    this.language = language;
    this.presentedTokens = List.copyOf(presentedTokens);
    this.authenticated = authenticated;
    this.clock = clock;
    this.mailer = mailer;
    this.audit = audit;
  }

  /** A copy answering in another language (a reply is in the language of the command it answers). */
  public CommandContext withLanguage(Language lang) {
    return new CommandContext(handle, actor, mail, inboundId, lang, presentedTokens, authenticated, clock, mailer, audit);
  }

  public Handle handle() {
    return handle;
  }

  public Actor actor() {
    return actor;
  }

  public ParsedMail mail() {
    return mail;
  }

  /** The stored inbound mail's id, for the audit log; null for commands that did not come by mail. */
  public Long inboundId() {
    return inboundId;
  }

  /** The sender and their mail, as the domain services take who acted. */
  public ActedBy actedBy() {
    return ActedBy.mail(actor.address(), inboundId);
  }

  public Language language() {
    return language;
  }

  /** True when the reply is in Chinese, either script. */
  public boolean zh() {
    return language.chinese();
  }

  /**
   * The text of a message-catalog key in the reply language, with its arguments as name, value
   * pairs (templates/messages/LANG.properties).
   */
  public String m(String key, Object... nameValues) {
    return mailer.catalog().text(language.code(), key, nameValues);
  }

  /** The text of a message-catalog key in another language than the reply's (a review's stored titles). */
  public String in(Language lang, String key, Object... nameValues) {
    return mailer.catalog().text(lang.code(), key, nameValues);
  }

  /**
   * The words of a catalog key in every language ({@code 全部|所有}, split at {@code |}), NFKC and
   * lower-case: what people may write for a state, a type or a grammar word.
   */
  public List<String> words(String key) {
    return words(mailer.catalog(), key);
  }

  /** {@link #words(String)} of a catalog, for the domain services that read words without a mail. */
  public static List<String> words(Catalog catalog, String key) {
    List<String> out = new ArrayList<>();
    for (String code : catalog.languageCodes()) {
      if (catalog.has(code, key)) {
        for (String w : catalog.text(code, key).split("\\|")) {
          if (!w.isBlank()) {
            out.add(java.text.Normalizer.normalize(w.strip(), java.text.Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    return out;
  }

  /** Every language there are files for (docs/languages.md), the default first. */
  public List<Language> languages() {
    return mailer.catalog().languageCodes().stream().map(Language::of).toList();
  }

  /** A message value (a refusal's reason, a review's effect) in the reply language. */
  public String m(Message message) {
    return mailer.catalog().text(language.code(), message);
  }

  /**
   * The tokens this mail presents, most specific first: from the address it was sent to
   * ({@code market+TOKEN@}), the subject tag {@code [MD#TOKEN]}, then the mails it answers
   * (In-Reply-To, References).
   */
  public List<String> presentedTokens() {
    return presentedTokens;
  }

  /**
   * True when the mail proves its sender (our server's aligned DKIM/SPF pass, or a token mailed to
   * that address) or {@code security.unauthenticated} is trust (docs/security.md).
   */
  public boolean authenticated() {
    return authenticated;
  }

  public Clock clock() {
    return clock;
  }

  public Instant now() {
    return clock.instant();
  }

  public Mailer mailer() {
    return mailer;
  }

  /** Mails someone else (not the sender: the reply says what the sender needs to know). */
  public String send(String to, String template, Object model) {
    return mailer.send(handle, language, to, template, model, null, inboundId);
  }

  /** Mails someone a mail they can answer with its token. */
  public String send(String to, String template, Object model, String token) {
    return mailer.send(handle, language, to, template, model, token, inboundId);
  }

  /** Writes an audit entry in this mail's transaction. */
  public void audit(String entity, String entityId, String action, String before, String after) {
    audit.record(handle, actor.address(), inboundId, entity, entityId, action, before, after);
  }
}
