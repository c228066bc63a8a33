package io.marketdesk.product;

import java.text.Normalizer;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A product's state (docs/products.md). {@code in_review}: not on sale, a version waiting for review (a new
 * product, or a delisted one sent for relisting); {@code listed}: on sale with its live version (a
 * revision may be in review beside it); {@code rejected}: never listed and its last version was
 * rejected; {@code delisted}: taken off sale by its provider. Only {@code listed} takes new orders.
 */
public enum ProductStatus {
  IN_REVIEW("in_review"),
  LISTED("listed"),
  REJECTED("rejected"),
  DELISTED("delisted");

  private final String code;

  ProductStatus(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The message-catalog key of this state's label ({@code state.product.listed} = 已上架 / listed). */
  public String labelKey() {
    return "state.product." + code;
  }

  public static ProductStatus ofCode(String code) {
    for (ProductStatus s : values()) {
      if (s.code.equals(code)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown product status " + code);
  }

  /** Reads a status filter as written: 审核中/in_review/in review, 已上架/上架/listed... */
  /**
   * Reads a state a person wrote: its code, or any of the words of {@code words.state.product.CODE}
   * in any language's message file.
   *
   * @param words the words of a catalog key in every language, NFKC and lower-case
   */
  public static Optional<ProductStatus> parse(String text, Function<String, List<String>> words) {
    String s = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT);
    for (ProductStatus st : values()) {
      if (st.code.equals(s.replace(' ', '_')) || words.apply("words.state.product." + st.code).contains(s)) {
        return Optional.of(st);
      }
    }
    return Optional.empty();
  }
}
