package io.marketdesk.product;

import io.marketdesk.text.Coded;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A product's state (docs/products.md). {@code in_review}: not on sale, a version waiting for review (a new
 * product, or a delisted one sent for relisting); {@code listed}: on sale with its live version (a
 * revision may be in review beside it); {@code rejected}: never listed and its last version was
 * rejected; {@code delisted}: taken off sale by its provider. Only {@code listed} takes new orders.
 * Codes, labels ({@code state.product.CODE}) and the words people write: {@link Coded}.
 */
public enum ProductStatus implements Coded {
  IN_REVIEW,
  LISTED,
  REJECTED,
  DELISTED;

  @Override
  public String labelPrefix() {
    return "state.product.";
  }

  public static ProductStatus ofCode(String code) {
    return Coded.ofCode(ProductStatus.class, code);
  }

  /** Reads a state as written: 审核中/in_review/in review, 已上架/上架/listed... */
  public static Optional<ProductStatus> parse(String text, Function<String, List<String>> words) {
    return Coded.parse(ProductStatus.class, text, words);
  }
}
