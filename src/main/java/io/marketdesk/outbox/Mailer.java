package io.marketdesk.outbox;

import io.marketdesk.text.Language;
import io.marketdesk.config.Config;
import io.marketdesk.template.Catalog;
import io.marketdesk.template.Templates;
import io.marketdesk.template.Templates.RenderedMail;
import io.marketdesk.text.HanCharacters;
import io.marketdesk.token.Tokens;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Renders a mail template ({@code mail/LANG/NAME.ftl}) and puts the mail in the outbox, in the
 * caller's transaction. A mail that carries a token gets it in its Reply-To address
 * ({@code market+TOKEN@domain}) and as a subject tag {@code [MD#TOKEN]}. Thread-safe.
 */
public final class Mailer {
  private final Templates templates;
  private final Outbox outbox;
  private final Config config;
  private final HtmlPart html;
  private volatile NoticePolicy policy = NoticePolicy.NONE;

  public Mailer(Templates templates, Outbox outbox, Config config) {
    this.templates = templates;
    this.outbox = outbox;
    this.config = config;
    this.html = new HtmlPart(templates);
  }

  /**
   * The policy every notice goes through (language, delivery, footer: docs/preferences.md). Set once
   * while the app is put together.
   */
  public void usePolicy(NoticePolicy policy) {
    this.policy = policy;
  }

  public RenderedMail render(Language lang, String template, Object model) {
    RenderedMail text = templates.renderMail("mail/" + lang.code() + "/" + template + ".ftl", model);
    return new RenderedMail(text.subject(), text.body(), lang.code(), template, model);
  }

  /**
   * Sends a notice (not a reply) rendered from a template.
   *
   * @param token a token for the person to answer with, or null
   * @return the Message-ID of the queued mail
   */
  public String send(Handle h, Language lang, String to, String template, Object model, String token, Long inboundId) {
    return send(h, lang, to, template, model, token, inboundId, List.of());
  }

  /**
   * Sends a notice that answers an earlier mail (In-Reply-To and References name it), such as a
   * review result answering the request; an unthreaded notice when {@code inReplyTo} is null.
   */
  public String sendInThread(Handle h, Language lang, String to, String template, Object model, String inReplyTo,
      Long inboundId) {
    List<String> refs = inReplyTo == null ? List.of() : List.of(inReplyTo);
    return notice(h, lang, to, template, model, null, inReplyTo, refs, inboundId, List.of());
  }

  /** Sends a notice that carries files (a requirement form's attachments, forwarded). */
  public String send(Handle h, Language lang, String to, String template, Object model, String token, Long inboundId,
      List<OutgoingMail.FileAttachment> files) {
    return notice(h, lang, to, template, model, token, null, List.of(), inboundId, files);
  }

  /**
   * Every notice rendered from a template comes here: in the language its reader set, sent now,
   * held for the daily summary or not at all as they asked, ending with why they got it.
   *
   * @return the Message-ID of the queued mail; null when it was held or not sent
   */
  private String notice(Handle h, Language asked, String to, String template, Object model, String token,
      String inReplyTo, List<String> refs, Long inboundId, List<OutgoingMail.FileAttachment> files) {
    About about = About.ofModel(model);
    NoticePolicy p = policy;
    NoticePolicy.Notice n = new NoticePolicy.Notice(to, template, about, token != null || !files.isEmpty());
    NoticePolicy.Delivery delivery = p.delivery(h, n);
    if (delivery == NoticePolicy.Delivery.DROP) {
      return null;
    }
    Language lang = p.language(h, n, asked);
    RenderedMail m = render(lang, template, model);
    if (delivery == NoticePolicy.Delivery.HOLD) {
      p.hold(h, n, lang, m);
      return null;
    }
    m = withFooter(m, p.footer(h, n, lang));
    String messageId = outbox.enqueue(h, mail("notice", to, m, token, inReplyTo, refs, files), inboundId);
    outbox.recordAbout(h, messageId, about);
    return messageId;
  }

  /** The footer goes above the signature ({@code --}), or at the end when there is none. */
  static RenderedMail withFooter(RenderedMail m, String footer) {
    if (footer == null || footer.isBlank()) {
      return m;
    }
    String body = m.body();
    int sig = body.lastIndexOf("\n--\n");
    String text = footer.strip() + "\n";
    return new RenderedMail(m.subject(), sig < 0 ? body + "\n" + text : body.substring(0, sig + 1) + "\n" + text
        + body.substring(sig + 1), m.lang(), m.template(), m.model());
  }

  /** Queues an already rendered mail. */
  public String send(Handle h, String kind, String to, RenderedMail m, String token, String inReplyTo,
      List<String> references, Long inboundId) {
    return outbox.enqueue(h, mail(kind, to, m, token, inReplyTo, references, List.of()), inboundId);
  }

  /**
   * An outgoing mail from a rendered one, with its HTML part (docs/mail-design.md); with a token, the
   * subject gets the tag {@code [MD#TOKEN]} and the Reply-To the token address, so that an answer
   * (and each of the HTML part's buttons) finds its way back.
   */
  public OutgoingMail mail(String kind, String to, RenderedMail m, String token, String inReplyTo,
      List<String> references, List<OutgoingMail.FileAttachment> files) {
    String subject = token == null ? m.subject() : m.subject() + " " + Tokens.subjectTag(token);
    String replyTo = token == null ? config.mailAddress : config.tokenAddress(token);
    Language lang = m.lang() != null ? Language.of(m.lang()) : guessLanguage(m.subject() + m.body());
    String htmlPart = html.render(lang, m.template(), m.model(), subject, m.body(), replyTo);
    return new OutgoingMail(kind, to, replyTo, subject, m.body(), inReplyTo, references, token, files, htmlPart);
  }

  /** For a mail rendered without a language: Chinese when it has Chinese characters, else English. */
  private static Language guessLanguage(String text) {
    return HanCharacters.in(text) ? Language.ZH : Language.EN;
  }

  /** The message catalog of the templates. */
  public Catalog catalog() {
    return templates.catalog();
  }

  public Config config() {
    return config;
  }

  public Outbox outbox() {
    return outbox;
  }
}
