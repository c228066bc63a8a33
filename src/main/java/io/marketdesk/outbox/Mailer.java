package io.marketdesk.outbox;

import io.marketdesk.command.Language;
import io.marketdesk.config.Config;
import io.marketdesk.template.Templates;
import io.marketdesk.template.Templates.RenderedMail;
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

  public Mailer(Templates templates, Outbox outbox, Config config) {
    this.templates = templates;
    this.outbox = outbox;
    this.config = config;
  }

  public RenderedMail render(Language lang, String template, Object model) {
    return templates.renderMail("mail/" + lang.code() + "/" + template + ".ftl", model);
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

  /** Sends a notice that carries files (a requirement form's attachments, forwarded). */
  public String send(Handle h, Language lang, String to, String template, Object model, String token, Long inboundId,
      List<OutgoingMail.FileAttachment> files) {
    String messageId = outbox.enqueue(h, mail("notice", to, render(lang, template, model), token, null, List.of(), files),
        inboundId);
    outbox.recordAbout(h, messageId, About.ofModel(model));
    return messageId;
  }

  /** Queues an already rendered mail. */
  public String send(Handle h, String kind, String to, RenderedMail m, String token, String inReplyTo,
      List<String> references, Long inboundId) {
    return outbox.enqueue(h, mail(kind, to, m, token, inReplyTo, references, List.of()), inboundId);
  }

  /**
   * An outgoing mail from a rendered one; with a token, the subject gets the tag {@code [MD#TOKEN]}
   * and the Reply-To the token address, so that an answer finds its way back.
   */
  public OutgoingMail mail(String kind, String to, RenderedMail m, String token, String inReplyTo,
      List<String> references, List<OutgoingMail.FileAttachment> files) {
    String subject = token == null ? m.subject() : m.subject() + " [MD#" + token + "]";
    String replyTo = token == null ? config.mailAddress : config.tokenAddress(token);
    return new OutgoingMail(kind, to, replyTo, subject, m.body(), inReplyTo, references, token, files);
  }

  public Config config() {
    return config;
  }

  public Outbox outbox() {
    return outbox;
  }
}
