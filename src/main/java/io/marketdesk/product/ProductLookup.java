package io.marketdesk.product;

import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Reads a product as the rest of marketdesk needs it (orders check that a product is listed and
 * whose it is). Stateless and thread-safe.
 */
public final class ProductLookup {
  /**
   * A product's identity and live fields.
   *
   * @param type ops, software, image or saas
   * @param status in_review, listed, rejected or delisted
   * @param name the live name, or null when never listed
   * @param price the live price in minor units, or null when never listed
   */
  public record ProductInfo(String id, long providerId, String accountId, String type, String status, String name,
      Long price, String unit) {
    public boolean listed() {
      return "listed".equals(status);
    }
  }

  public Optional<ProductInfo> find(Handle h, String productId) {
    return h.createQuery("SELECT p.id, p.provider_id, v.account_id, p.type, p.status, p.name, p.price, p.unit"
            + " FROM product p JOIN provider v ON v.id = p.provider_id WHERE p.id = :id")
        .bind("id", productId == null ? "" : productId.trim().toUpperCase(Locale.ROOT))
        .map((rs, c) -> new ProductInfo(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getObject(7) == null ? null : rs.getLong(7), rs.getString(8)))
        .findFirst();
  }
}
