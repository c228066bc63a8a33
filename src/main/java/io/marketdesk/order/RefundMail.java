package io.marketdesk.order;

/**
 * The model of the refund mails ({@code refund-*.ftl} to buyers, {@code provider-refund-*.ftl} to
 * providers); amounts are decimal strings ("880.00"), states are codes the templates word through
 * the catalog (state.order.CODE, state.order-buyer.CODE). Immutable.
 *
 * @param outcome {@code requested}, {@code accepted}, {@code declined} (sent to operators),
 *     {@code silent} (unanswered: sent to operators), {@code approved} or {@code rejected}
 * @param refunded everything refunded on the order so far
 * @param full true when the whole price is now refunded
 * @param due the last day the provider may answer (yyyy-MM-dd), or ""
 */
public record RefundMail(String orderNo, String productId, String productName, String price, String amount,
    String refunded, boolean full, String reason, String declineReason, String note, String outcome, String before,
    String after, String buyerEmail, String companyName, String accountId, String serviceAddress, String due,
    int answerWithin, long reviewId) {}
