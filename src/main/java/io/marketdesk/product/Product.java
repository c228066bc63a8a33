package io.marketdesk.product;

import java.util.Optional;

/**
 * A product as stored: its state and its live version's fields (null until first approved).
 * Immutable.
 *
 * @param liveVersion the version buyers see, or null when never listed
 * @param pendingVersion the version in review, or null
 */
public record Product(String id, long providerId, String accountId, ProductType type, ProductStatus status,
    Integer liveVersion, Integer pendingVersion, String name, Long price, String unit, String summary,
    String description, long createdAt, long updatedAt, Long delistedAt) {

  /** True once a version was approved: the product has a page. */
  public boolean everListed() {
    return liveVersion != null;
  }

  public boolean pendingRevision() {
    return pendingVersion != null;
  }

  /** The live version's content, when there is one. */
  public Optional<ProductContent> live() {
    if (liveVersion == null) {
      return Optional.empty();
    }
    return Optional.of(new ProductContent(type, name, price, unit, summary == null ? "" : summary,
        description == null ? "" : description));
  }
}
