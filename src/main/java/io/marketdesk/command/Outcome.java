package io.marketdesk.command;

import io.marketdesk.outbox.OutgoingMail;
import java.util.List;

/**
 * What one command came to, for the reply: done, sent for review, waiting for the sender's
 * confirmation, or refused with the reason and a correct example. The reply marks each with its own
 * word ("done", "sent for review", "refused"), never with a state name. Expected refusals are
 * values, not exceptions. Immutable.
 *
 * @param kind what happened
 * @param message what happened or why not, already worded in the reply language; may span lines
 * @param example for a refusal, a correct way to write the command; "" when none
 * @param token a token this outcome asks the person to answer with (a confirmation), or null; the
 *     reply then carries it in its Reply-To address and subject tag
 */
public record Outcome(Kind kind, String message, String example, String token,
    List<OutgoingMail.FileAttachment> files) {

  public Outcome {
    files = List.copyOf(files);
  }

  /** An outcome whose reply carries no file. */
  public Outcome(Kind kind, String message, String example, String token) {
    this(kind, message, example, token, List.of());
  }

  /** This outcome with files the reply carries (an export: docs/after-the-sale.md). */
  public Outcome withFiles(List<OutgoingMail.FileAttachment> attached) {
    return new Outcome(kind, message, example, token, attached);
  }

  /** What a command came to. */
  public enum Kind {
    DONE,
    /** Done as far as the sender can: a request now waits for the operators' review. */
    SENT_FOR_REVIEW,
    /** Waiting for the sender to answer with the token (a confirmation). */
    AWAITING,
    REFUSED
  }

  public static Outcome done(String message) {
    return new Outcome(Kind.DONE, message, "", null);
  }

  /** A request put into review: the reply says so rather than "done". */
  public static Outcome sentForReview(String message) {
    return new Outcome(Kind.SENT_FOR_REVIEW, message, "", null);
  }

  public static Outcome refused(String reason, String example) {
    return new Outcome(Kind.REFUSED, reason, example == null ? "" : example, null);
  }

  /** Done so far, and waiting for the person to answer with the token (a confirmation). */
  public static Outcome awaiting(String message, String token) {
    return new Outcome(Kind.AWAITING, message, "", token);
  }

  /** True unless refused. */
  public boolean done() {
    return kind != Kind.REFUSED;
  }
}
