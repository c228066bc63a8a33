package io.marketdesk.product;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * A product's state (SPEC §3). {@code in_review}: not on sale, a version waiting for review (a new
 * product, or a delisted one sent for relisting); {@code listed}: on sale with its live version (a
 * revision may be in review beside it); {@code rejected}: never listed and its last version was
 * rejected; {@code delisted}: taken off sale by its provider. Only {@code listed} takes new orders.
 */
public enum ProductStatus {
  IN_REVIEW("in_review", "审核中", "in review"),
  LISTED("listed", "已上架", "listed"),
  REJECTED("rejected", "已驳回", "rejected"),
  DELISTED("delisted", "已下架", "delisted");

  private final String code;
  private final String zh;
  private final String en;

  ProductStatus(String code, String zh, String en) {
    this.code = code;
    this.zh = zh;
    this.en = en;
  }

  public String code() {
    return code;
  }

  public String label(boolean zhLang) {
    return zhLang ? zh : en;
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
  public static Optional<ProductStatus> parse(String text) {
    String s = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT)
        .replace(' ', '_');
    for (ProductStatus st : values()) {
      if (st.code.equals(s) || st.zh.equals(s) || st.zh.substring(1).equals(s)) {
        return Optional.of(st);
      }
    }
    if (s.equals("review") || s.equals("pending") || s.equals("待审核")) {
      return Optional.of(IN_REVIEW);
    }
    return Optional.empty();
  }
}
