package io.marketdesk.intake;

import io.marketdesk.mime.MailHeaders;
import io.marketdesk.mime.ParsedMail;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides which mails get no reply at all (docs/security.md), so that marketdesk never talks to another robot
 * in a loop: auto-submitted mail, bulk, list and auto-reply mail ({@code Precedence}), bounces, mail
 * from the service itself. (Unregistered senders are the pipeline's business: docs/security.md.)
 * Stateless and thread-safe.
 */
public final class LoopGuard {
  private final String serviceAddress;

  public LoopGuard(String serviceAddress) {
    this.serviceAddress = serviceAddress.toLowerCase(Locale.ROOT);
  }

  /** The reason this mail must not be answered, or empty when a reply is fine. */
  public Optional<String> noReplyReason(ParsedMail mail) {
    MailHeaders h = mail.headers();
    String autoSubmitted = h.lower("Auto-Submitted");
    if (!autoSubmitted.isEmpty() && !autoSubmitted.startsWith("no")) {
      return Optional.of("Auto-Submitted: " + autoSubmitted);
    }
    String precedence = h.lower("Precedence");
    // auto_reply is what vacation responders (Exchange, QQ Mail...) write besides or instead of Auto-Submitted
    if (precedence.equals("bulk") || precedence.equals("junk") || precedence.equals("list")
        || precedence.equals("auto_reply")) {
      return Optional.of("Precedence: " + precedence);
    }
    if (h.has("List-Id")) {
      return Optional.of("List-Id");
    }
    if (h.has("X-Autoreply") || h.has("X-Autorespond")) {
      return Optional.of("X-Autoreply");
    }
    String returnPath = h.lower("Return-Path");
    if (h.has("Return-Path") && (returnPath.equals("<>") || returnPath.isEmpty())) {
      return Optional.of("empty return path");
    }
    String from = mail.fromAddress();
    if (from == null || from.isEmpty()) {
      return Optional.of("no sender address");
    }
    String local = from.substring(0, Math.max(0, from.indexOf('@')));
    if (local.equals("mailer-daemon") || local.equals("postmaster")) {
      return Optional.of("from " + local);
    }
    if (isServiceAddress(from)) {
      return Optional.of("from the service itself");
    }
    if (mail.report() != null) {
      return Optional.of("delivery status report");
    }
    return Optional.empty();
  }

  /**
   * True for a person's out-of-office auto-reply (Exchange and Gmail vacation send {@code
   * Auto-Submitted: auto-replied}; older tools {@code X-Autoreply}/{@code X-Autorespond}), as
   * opposed to robots' mail in general (docs/reviews.md: it sets the operator away).
   */
  public boolean outOfOffice(ParsedMail mail) {
    MailHeaders h = mail.headers();
    return h.lower("Auto-Submitted").startsWith("auto-replied") || h.has("X-Autoreply") || h.has("X-Autorespond");
  }

  /** True for the service address and its token forms ({@code market+TOKEN@domain}). */
  public boolean isServiceAddress(String address) {
    String a = address.toLowerCase(Locale.ROOT);
    if (a.equals(serviceAddress)) {
      return true;
    }
    int at = serviceAddress.indexOf('@');
    String local = serviceAddress.substring(0, at);
    String domain = serviceAddress.substring(at);
    return a.startsWith(local + "+") && a.endsWith(domain);
  }
}
