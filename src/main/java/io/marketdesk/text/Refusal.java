package io.marketdesk.text;

/**
 * Why something was not done: the one refusal type of every feature (orders, products, onboarding,
 * commands). Each case is a kind the API maps to an HTTP status and the reply marks as refused; the
 * reason is a {@link Message}, worded in the reader's language when it is written. Expected refusals
 * are values, not exceptions. Immutable.
 */
public sealed interface Refusal permits Refusal.BadInput, Refusal.NotFound, Refusal.Conflict, Refusal.Rule {

  /** The reason, as a message-catalog key and its arguments. */
  Message reason();

  /** The HTTP status the API answers with. */
  int httpStatus();

  /** The input is malformed (400). */
  record BadInput(Message reason) implements Refusal {
    @Override
    public int httpStatus() {
      return 400;
    }
  }

  /** No such thing (404). */
  record NotFound(Message reason) implements Refusal {
    @Override
    public int httpStatus() {
      return 404;
    }
  }

  /** The thing is in a state that does not allow it, or the name is taken (409). */
  record Conflict(Message reason) implements Refusal {
    @Override
    public int httpStatus() {
      return 409;
    }
  }

  /** A rule refuses it: not the person's own, unlisted, too soon (422). */
  record Rule(Message reason) implements Refusal {
    @Override
    public int httpStatus() {
      return 422;
    }
  }

  static Refusal badInput(String key, Object... nameValues) {
    return new BadInput(Message.of(key, nameValues));
  }

  static Refusal notFound(String key, Object... nameValues) {
    return new NotFound(Message.of(key, nameValues));
  }

  static Refusal conflict(String key, Object... nameValues) {
    return new Conflict(Message.of(key, nameValues));
  }

  static Refusal rule(String key, Object... nameValues) {
    return new Rule(Message.of(key, nameValues));
  }
}
