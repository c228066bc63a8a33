package io.marketdesk.order;

import io.marketdesk.money.Money;

/**
 * An order as stored, with its product's name and type and its provider's account ID. Immutable.
 *
 * @param price the current price in minor units (fen)
 * @param refundedAmount what has been refunded to the buyer, minor units (0 when nothing)
 * @param waitingSince when the provider last became due to act (paid, started, delivery rejected)
 */
public record Order(
    String orderNo,
    String productId,
    String productName,
    String productType,
    long providerId,
    String accountId,
    String buyerEmail,
    long price,
    long originalPrice,
    OrderStatus status,
    String statusBeforeDispute,
    long createdAt,
    Long paidAt,
    Long startedAt,
    Long doneAt,
    Long completedAt,
    Long cancelledAt,
    boolean refundFlag,
    int rejections,
    Long lastReminderAt,
    long updatedAt,
    String buyerLang,
    String providerLang,
    Long waitingSince,
    Long disputeReviewId,
    long refundedAmount) {

  public boolean ops() {
    return "ops".equals(productType);
  }

  public String priceText() {
    return Money.format(price);
  }

  public String statusCode() {
    return status.code();
  }
}
