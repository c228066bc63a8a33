package io.marketdesk.command;

/**
 * What one command came to, for the reply: done, or refused with the reason and a correct example.
 * Expected refusals are values, not exceptions. Immutable.
 *
 * @param done true when the command did what it says
 * @param message what happened (done) or why not (refused); plain text, may span lines
 * @param example for a refusal, a correct way to write the command; "" when none
 * @param token a token this outcome asks the person to answer with (a confirmation), or null; the
 *     reply then carries it in its Reply-To address and subject tag
 */
public record Outcome(boolean done, String message, String example, String token) {
  public static Outcome done(String message) {
    return new Outcome(true, message, "", null);
  }

  public static Outcome refused(String reason, String example) {
    return new Outcome(false, reason, example == null ? "" : example, null);
  }

  /** Done so far, and waiting for the person to answer with the token (a confirmation). */
  public static Outcome awaiting(String message, String token) {
    return new Outcome(true, message, "", token);
  }
}
