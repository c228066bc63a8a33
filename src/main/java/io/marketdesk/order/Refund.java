package io.marketdesk.order;

/**
 * One refund request of an order (docs/after-the-sale.md). Immutable.
 *
 * @param amount the amount asked, minor units
 * @param before the state the order was frozen in; it returns there unless fully refunded
 * @param status {@code asked} (waiting for the provider), {@code accepted}, {@code review}
 *     (declined or unanswered: operators decide), {@code approved} or {@code rejected}
 * @param answerDue the moment the provider's answer is due (working days from the request)
 * @param declineReason the provider's reason when declined, else null
 */
public record Refund(long id, String orderNo, long amount, String reason, String requestedBy, OrderStatus before,
    String status, long requestedAt, long answerDue, String declineReason, Long reviewId) {}
