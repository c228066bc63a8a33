package io.marketdesk.pricing;

import io.marketdesk.command.CommandContext;
import io.marketdesk.command.Language;
import io.marketdesk.money.Money;
import io.marketdesk.pricing.OrderPriceStore.PricedOrder;
import io.marketdesk.review.Review;
import io.marketdesk.review.ReviewKind;
import java.util.Optional;

/**
 * Applies an approved order price change (SPEC §6): in the deciding mail's transaction the order's
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
  private final String serviceAddress;

  PriceReviewKind(OrderPriceStore orders, String serviceAddress) {
    this.orders = orders;
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
  public String approve(CommandContext ctx, Review review) {
    PricePayload p = PricePayload.fromJson(review.payload());
    boolean zh = p.zh();
    Optional<PricedOrder> found = orders.find(ctx.handle(), p.orderNo());
    if (found.isEmpty()) {
      return zh ? "订单 " + p.orderNo() + " 已不存在，价格没有修改。" : "Order " + p.orderNo() + " no longer exists; nothing changed.";
    }
    PricedOrder order = found.get();
    if (!order.unpaid() || !orders.repriceIfUnpaid(ctx.handle(), p.orderNo(), p.newPrice(), ctx.now().toEpochMilli())) {
      String status = orders.find(ctx.handle(), p.orderNo()).map(PricedOrder::status).orElse(order.status());
      ctx.audit("order", p.orderNo(), "price_change_not_applied", "status=" + status + ", price=" + Money.format(order.price()),
          "unchanged: review #" + review.id() + " approved after the order became " + status);
      return zh
          ? "但订单 " + p.orderNo() + " 在审核期间已变为“" + OrderPriceStore.statusName(status, true) + "”，价格没有修改（仍为 "
              + Money.format(order.price()) + " 元），买家没有收到改价通知。"
          : "But order " + p.orderNo() + " became " + OrderPriceStore.statusName(status, false)
              + " while in review, so its price did not change (still " + Money.format(order.price())
              + ") and the buyer was not mailed about it.";
    }
    ctx.audit("order", p.orderNo(), "price_changed", "price=" + Money.format(order.price()),
        "price=" + Money.format(p.newPrice()) + " (review #" + review.id() + ")");
    String percent = PriceChangeHandler.percentOf(p.newPrice(), order.price());
    BuyerMail mail = new BuyerMail(order.orderNo(), order.productId(), order.productName() == null ? "" : order.productName(),
        Money.format(order.price()), Money.format(p.newPrice()), percent, serviceAddress);
    ctx.mailer().send(ctx.handle(), zh ? Language.ZH : Language.EN, order.buyerEmail(), "order-price-changed", mail, null,
        ctx.inboundId());
    return zh
        ? "订单 " + p.orderNo() + " 的价格已由 " + Money.format(order.price()) + " 元改为 " + Money.format(p.newPrice())
            + " 元，已邮件通知买家按新价格支付。"
        : "Order " + p.orderNo() + " now costs " + Money.format(p.newPrice()) + " (was " + Money.format(order.price())
            + "); the buyer was mailed the new price and how to pay.";
  }
}
