package io.marketdesk.review;

import io.marketdesk.text.Message;

/**
 * What one kind of review does when it is decided. Registered with {@link Reviews} by its feature
 * (accounts, products, price changes, appeals). Called inside the deciding mail's transaction.
 */
public interface ReviewKind {
  /** {@code account}, {@code product}, {@code price} or {@code appeal}. */
  String kind();

  /**
   * Applies an approved review to the live data and mails whoever else must know (the buyer of a
   * repriced order...). The asker gets the result mail from {@link Reviews}.
   *
   * @return a note for the asker and the operator when the approval could not take effect (for
   *     example: the order was paid meanwhile), or null when it did
   */
  Message approve(Decision d, Review review);

  /** Called on rejection; the live data stays as it is. Default: nothing more to do. */
  default void reject(Decision d, Review review) {}

  /**
   * True when the kind mails the outcome to the people concerned itself (refunds: buyer and
   * provider), so the asker gets no separate review-result mail.
   */
  default boolean mailsItsOwnResult() {
    return false;
  }
}
