package io.marketdesk.order;

/**
 * What an order action came to: done (maybe without a change: the same event twice) or refused
 * with the reason in both languages and its kind (which the API maps to an HTTP status). A value,
 * not an exception. Immutable.
 */
public record OrderResult(Order order, boolean changed, Refusal refusal) {
  /** Why an action was refused. */
  public enum Kind {
    /** The input is malformed (400). */
    BAD_INPUT,
    /** No such order (404). */
    NOT_FOUND,
    /** The order is in a state that does not allow it, or the number is taken (409). */
    CONFLICT,
    /** A rule refuses it: unlisted product, not the person's order, too soon (422). */
    RULE
  }

  /** A refusal: its kind and the reason in Chinese and English. */
  public record Refusal(Kind kind, String zh, String en) {
    public int httpStatus() {
      switch (kind) {
        case BAD_INPUT:
          return 400;
        case NOT_FOUND:
          return 404;
        case CONFLICT:
          return 409;
        default:
          return 422;
      }
    }
  }

  public static OrderResult changed(Order o) {
    return new OrderResult(o, true, null);
  }

  public static OrderResult unchanged(Order o) {
    return new OrderResult(o, false, null);
  }

  public static OrderResult refused(Kind kind, String zh, String en) {
    return new OrderResult(null, false, new Refusal(kind, zh, en));
  }

  public boolean ok() {
    return refusal == null;
  }
}
