package io.marketdesk.pricing;

import io.marketdesk.text.Message;
import io.marketdesk.audit.AuditLog;
import io.marketdesk.text.Language;
import io.marketdesk.money.Money;
import io.marketdesk.pricing.OrderPriceStore.PricedOrder;
import io.marketdesk.outbox.Mailer;
import io.marketdesk.review.Decision;
import io.marketdesk.review.Review;
import io.marketdesk.review.ReviewKind;
import java.util.Optional;

/**
 * Applies an approved order price change (docs/pricing.md): in the deciding mail's transaction the order's
 * price changes only if the order is still unpaid ({@code UPDATE ... WHERE status = 'unpaid'}), the
 * change is written to the audit log and the buyer is mailed the new price and how to pay. If the
 * order was paid (or cancelled) meanwhile, nothing changes, the buyer is not mailed (they already
 * paid the price they saw), and the returned note tells the provider and the operator. On
 * rejection nothing changes; {@code Reviews} mails the provider the reason. Stateless and
 * thread-safe.
 */
final class PriceReviewKind implements ReviewKind {
  static final String KIND = "price";

  private final OrderPriceStore orders;
  private final AuditLog audit;
  private final Mailer mailer;
  private final String serviceAddress;

  PriceReviewKind(OrderPriceStore orders, AuditLog audit, Mailer mailer, String serviceAddress) {
    this.orders = orders;
    this.audit = audit;
    this.mailer = mailer;
    this.serviceAddress = serviceAddress;
  }

  /**
   * The buyer's mail about a new price.
   *
   * @param oldPrice the price before, "1000.00"
   * @param newPrice the new price to pay, "880.00"
   * @param percent the new price as a percentage of the old one, "88"
   */
  public record BuyerMail(String orderNo, String productId, String productName, String oldPrice, String newPrice,
      String percent, String serviceAddress) {}

  @Override
  public String kind() {
    return KIND;
  }

  /**
   * @return a note for the provider's result mail and the operator's reply, in the language of the
   *     request: what the approval did, or why it changed nothing
   */
  @Override
  public Message approve(Decision d, Review review) {
    PricePayload p = PricePayload.fromJson(review.payload());
    boolean zh = p.zh();
    Optional<PricedOrder> found = orders.find(d.handle(), p.orderNo());
    if (found.isEmpty()) {
      return Message.of("price-review.approve.gone", "orderNo", p.orderNo());
    }
    PricedOrder order = found.get();
    if (!order.unpaid() || !orders.repriceIfUnpaid(d.handle(), p.orderNo(), p.newPrice(), d.at().toEpochMilli())) {
      String status = orders.find(d.handle(), p.orderNo()).map(PricedOrder::status).orElse(order.status());
      audit.record(d.handle(), d.by(), "order", p.orderNo(), "price_change_not_applied",
          "status=" + status + ", price=" + Money.format(order.price()),
          "unchanged: review #" + review.id() + " approved after the order became " + status);
      return Message.of("price-review.approve.too-late", "orderNo", p.orderNo(),
          "status", Message.of("state.order." + status), "price", Money.formatYuan(order.price()));
    }
    audit.record(d.handle(), d.by(), "order", p.orderNo(), "price_changed", "price=" + Money.format(order.price()),
        "price=" + Money.format(p.newPrice()) + " (review #" + review.id() + ")");
    String percent = PriceChangeHandler.percentOf(p.newPrice(), order.price());
    BuyerMail mail = new BuyerMail(order.orderNo(), order.productId(), order.productName() == null ? "" : order.productName(),
        Money.formatYuan(order.price()), Money.formatYuan(p.newPrice()), percent, serviceAddress);
    mailer.send(d.handle(), Language.of(p.lang()), order.buyerEmail(), "order-price-changed", mail, null,
        d.by().inboundId());
    return Message.of("price-review.approve.done", "orderNo", p.orderNo(), "was", Money.formatYuan(order.price()),
        "now", Money.formatYuan(p.newPrice()));
  }
}
