package io.marketdesk.pricing;

import io.marketdesk.order.Order;
import io.marketdesk.order.OrderStatus;
import io.marketdesk.order.OrderStore;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * An order as a price change sees it, read and repriced through {@link OrderStore}, which owns the
 * {@code orders} table and its state names. Stateless and thread-safe.
 */
final class OrderPriceStore {
  private final OrderStore orders = new OrderStore();

  /**
   * An order as a price change sees it. Immutable.
   *
   * @param price the current price in fen
   * @param status the state's code ({@code unpaid}, {@code paid} …)
   * @param productName the product's live name, or null when it has none
   */
  record PricedOrder(String orderNo, String productId, long providerId, String buyerEmail, long price,
      long originalPrice, String status, String productName) {
    boolean unpaid() {
      return OrderStatus.UNPAID.code().equals(status);
    }
  }

  Optional<PricedOrder> find(Handle h, String orderNo) {
    return orders.find(h, orderNo).map(OrderPriceStore::priced);
  }

  /**
   * Sets the price of an order that is still unpaid, in the caller's transaction.
   *
   * @return true when the order was unpaid and now has the new price; false when it is no longer
   *     unpaid (paid or cancelled meanwhile) and nothing changed
   */
  boolean repriceIfUnpaid(Handle h, String orderNo, long newPrice, long now) {
    return orders.repriceIfUnpaid(h, orderNo, newPrice, now);
  }

  private static PricedOrder priced(Order o) {
    return new PricedOrder(o.orderNo(), o.productId(), o.providerId(), o.buyerEmail(), o.price(), o.originalPrice(),
        o.statusCode(), o.productName());
  }
}
