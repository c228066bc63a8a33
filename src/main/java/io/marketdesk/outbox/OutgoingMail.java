package io.marketdesk.outbox;

import java.util.List;

/**
 * A mail to be sent, as it goes into the outbox. Immutable.
 *
 * @param kind what the mail is (reply, notice, unregistered, digest...): for counting and limits
 * @param to the recipient address
 * @param replyTo the Reply-To address (the service address, or its token form), or null
 * @param subject the subject
 * @param body the plain-text body
 * @param inReplyTo the Message-ID this mail answers, without brackets, or null
 * @param references the thread's Message-IDs, without brackets
 * @param token the token this mail carries, or null
 * @param attachments files the mail carries
 * @param html the HTML part (docs/mail-design.md), or null for a text-only mail
 */
public record OutgoingMail(
    String kind,
    String to,
    String replyTo,
    String subject,
    String body,
    String inReplyTo,
    List<String> references,
    String token,
    List<FileAttachment> attachments,
    String html) {
  public OutgoingMail {
    references = List.copyOf(references);
    attachments = List.copyOf(attachments);
  }

  public OutgoingMail(String kind, String to, String replyTo, String subject, String body, String inReplyTo,
      List<String> references, String token) {
    this(kind, to, replyTo, subject, body, inReplyTo, references, token, List.of(), null);
  }

  public OutgoingMail(String kind, String to, String replyTo, String subject, String body, String inReplyTo,
      List<String> references, String token, List<FileAttachment> attachments) {
    this(kind, to, replyTo, subject, body, inReplyTo, references, token, attachments, null);
  }

  /** The same mail with an HTML part. */
  public OutgoingMail withHtml(String htmlPart) {
    return new OutgoingMail(kind, to, replyTo, subject, body, inReplyTo, references, token, attachments, htmlPart);
  }

  /** A file an outgoing mail carries. */
  public record FileAttachment(String filename, String contentType, byte[] data) {}

  public static OutgoingMail notice(String to, String subject, String body) {
    return new OutgoingMail("notice", to, null, subject, body, null, List.of(), null);
  }
}
