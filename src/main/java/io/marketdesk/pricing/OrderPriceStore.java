package io.marketdesk.pricing;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The part of the {@code orders} table (V4) a price change reads and writes. Every value is bound,
 * never spliced into the SQL. Stateless and thread-safe.
 */
final class OrderPriceStore {

  /**
   * An order as a price change sees it. Immutable.
   *
   * @param price the current price in fen
   * @param productName the product's live name, or null when it has none
   */
  record PricedOrder(String orderNo, String productId, long providerId, String buyerEmail, long price,
      long originalPrice, String status, String productName) {
    boolean unpaid() {
      return "unpaid".equals(status);
    }
  }

  Optional<PricedOrder> find(Handle h, String orderNo) {
    return h.createQuery("SELECT o.order_no, o.product_id, o.provider_id, o.buyer_email, o.price, o.original_price,"
            + " o.status, p.name FROM orders o LEFT JOIN product p ON p.id = o.product_id WHERE o.order_no = :no")
        .bind("no", orderNo)
        .map((rs, c) -> new PricedOrder(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
            rs.getLong(5), rs.getLong(6), rs.getString(7), rs.getString(8)))
        .findFirst();
  }

  /**
   * Sets the price of an order that is still unpaid, in the caller's transaction.
   *
   * @return true when the order was unpaid and now has the new price; false when it is no longer
   *     unpaid (paid or cancelled meanwhile) and nothing changed
   */
  boolean repriceIfUnpaid(Handle h, String orderNo, long newPrice, long now) {
    return h.createUpdate("UPDATE orders SET price = :price, updated_at = :now WHERE order_no = :no AND status = 'unpaid'")
        .bind("price", newPrice)
        .bind("now", now)
        .bind("no", orderNo)
        .execute() == 1;
  }

}
