package io.marketdesk.order;

import io.marketdesk.text.Refusal;

/**
 * What an order action came to: done (maybe without a change: the same event twice) or refused,
 * with the one {@link Refusal} type (whose case the API maps to an HTTP status). A value, not an
 * exception. Immutable.
 */
public record OrderResult(Order order, boolean changed, Refusal refusal) {

  public static OrderResult changed(Order o) {
    return new OrderResult(o, true, null);
  }

  public static OrderResult unchanged(Order o) {
    return new OrderResult(o, false, null);
  }

  public static OrderResult refused(Refusal refusal) {
    return new OrderResult(null, false, refusal);
  }

  public boolean ok() {
    return refusal == null;
  }
}
