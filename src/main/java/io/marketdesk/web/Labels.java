package io.marketdesk.web;

import io.marketdesk.template.Catalog;
import java.util.List;

/**
 * The words pages show for stored states, from the message catalog (the same keys the mails use, so
 * that one state reads the same everywhere): provider-side and buyer-side order labels, product
 * states, service types and review kinds. An unknown value is shown as stored. Thread-safe.
 */
public final class Labels {
  /** Order states in the order of their life. */
  public static final List<String> ORDER_STATES =
      List.of("unpaid", "paid", "implementing", "awaiting_confirmation", "disputed", "completed", "cancelled");
  /** Product states. */
  public static final List<String> PRODUCT_STATES = List.of("in_review", "listed", "rejected", "delisted");

  private final Catalog catalog;

  public Labels(Catalog catalog) {
    this.catalog = catalog;
  }

  public String orderStatus(String s, String lang) {
    return pick("state.order.", s, lang);
  }

  public String buyerStatus(String s, String lang) {
    return pick("state.order-buyer.", s, lang);
  }

  public String productStatus(String s, String lang) {
    return pick("state.product.", s, lang);
  }

  public String type(String s, String lang) {
    return pick("type.", s, lang);
  }

  public String reviewKind(String s, String lang) {
    return pick("review-kind.", s, lang);
  }

  private String pick(String prefix, String s, String lang) {
    return s != null && catalog.has(lang, prefix + s) ? catalog.text(lang, prefix + s) : String.valueOf(s);
  }
}
