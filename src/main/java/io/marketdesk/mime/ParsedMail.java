package io.marketdesk.mime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One inbound mail as the rest of marketdesk sees it: decoded headers, the body text a person wrote
 * (text/plain preferred, HTML rendered to text) and the attachments. Immutable and thread-safe.
 *
 * @param messageId the Message-ID without angle brackets, or null when the mail has none
 * @param fromAddress the From addr-spec, lower-cased, or null when missing or unparseable
 * @param fromName the From display name, decoded, or "" when none
 * @param to every To and Cc addr-spec, lower-cased
 * @param subject the decoded subject, "" when none
 * @param date the Date header, or null
 * @param inReplyTo the In-Reply-To message id without brackets, or null
 * @param references the References message ids without brackets, oldest first
 * @param headers every header, decoded
 * @param text the body text, line ends normalised to \n; "" when there is no text part
 * @param htmlOnly true when the text came from an HTML part because the mail had no text/plain part
 * @param attachments the attachments, in order
 * @param report a delivery-status report (bounce) this mail carries, or null
 */
public record ParsedMail(
    String messageId,
    String fromAddress,
    String fromName,
    List<String> to,
    String subject,
    Instant date,
    String inReplyTo,
    List<String> references,
    MailHeaders headers,
    String text,
    boolean htmlOnly,
    List<Attachment> attachments,
    DeliveryReport report) {

  public ParsedMail {
    to = List.copyOf(to);
    references = List.copyOf(references);
    attachments = List.copyOf(attachments);
  }

  /**
   * The Message-IDs of the mails this one answers, nearest first: In-Reply-To, then References from
   * the newest. (A client may leave In-Reply-To out and keep References, or the other way round.)
   */
  public List<String> thread() {
    List<String> thread = new ArrayList<>(references.size() + 1);
    if (inReplyTo != null) {
      thread.add(inReplyTo);
    }
    List<String> refs = new ArrayList<>(references);
    Collections.reverse(refs);
    thread.addAll(refs);
    return thread;
  }

  /**
   * An attachment. {@code data} holds the decoded bytes when the attachment is within the reader's
   * per-attachment limit; above it {@code data} is null, {@code size} still tells the real size and
   * {@code tooLarge} is true.
   */
  public record Attachment(String filename, String contentType, long size, byte[] data, boolean tooLarge) {}

  /**
   * A delivery-status notification (RFC 3464), or a bounce recognised by its shape.
   *
   * @param originalMessageId the Message-ID of the mail that could not be delivered, without
   *     brackets, or null when the report does not say
   * @param recipient the final recipient the report is about, or null
   * @param action the Action field (failed, delayed, delivered...), lower-cased, or "failed"
   * @param status the Status field (such as 5.1.1), or ""
   * @param diagnostic the Diagnostic-Code, or ""
   */
  public record DeliveryReport(
      String originalMessageId, String recipient, String action, String status, String diagnostic) {}
}
