package io.marketdesk.outbox;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * What one outgoing mail is about: an order, a product, a review (any of them may be missing). It is
 * stored with the mail (the outbox's {@code about} column) so that a reply to the mail can take the
 * order, product or review its command leaves out (docs/commands.md, "The thread gives context").
 * Immutable.
 *
 * @param orderNo the order number, or null
 * @param productId the product ID, or null
 * @param reviewId the review number, or null
 */
public record About(String orderNo, String productId, Long reviewId) {
  public static final About NOTHING = new About(null, null, null);

  public boolean isEmpty() {
    return orderNo == null && productId == null && reviewId == null;
  }

  /** The column's form: {@code order:NO product:ID review:ID}; null when about nothing. */
  public String encode() {
    List<String> parts = new ArrayList<>();
    if (orderNo != null) {
      parts.add("order:" + orderNo);
    }
    if (productId != null) {
      parts.add("product:" + productId);
    }
    if (reviewId != null) {
      parts.add("review:" + reviewId);
    }
    return parts.isEmpty() ? null : String.join(" ", parts);
  }

  /** Reads the column's form; NOTHING for null or blank. */
  public static About decode(String column) {
    if (column == null || column.isBlank()) {
      return NOTHING;
    }
    String order = null;
    String product = null;
    Long review = null;
    for (String part : column.trim().split("\\s+")) {
      int colon = part.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String value = part.substring(colon + 1);
      switch (part.substring(0, colon)) {
        case "order":
          order = value;
          break;
        case "product":
          product = value;
          break;
        case "review":
          try {
            review = Long.valueOf(value);
          } catch (NumberFormatException e) {
            review = null;
          }
          break;
        default:
          break;
      }
    }
    return new About(order, product, review);
  }

  /**
   * What a mail rendered from {@code model} is about, read from the model's record components
   * named {@code orderNo}, {@code productId}, {@code reviewId} (a positive number) and {@code review}
   * (a record with {@code id}, {@code kind} and {@code subject}: a product review is also about its
   * product, a price or appeal review about its order). Every order, product and review mail's model names its subject
   * so; a model without them is about nothing. Reading the names keeps the features' mail code as
   * it is: a new mail is about its order because its model says which order it shows.
   */
  public static About ofModel(Object model) {
    if (model == null || !model.getClass().isRecord()) {
      return NOTHING;
    }
    String order = null;
    String product = null;
    Long review = null;
    for (RecordComponent c : model.getClass().getRecordComponents()) {
      Object v = value(c, model);
      if (v == null) {
        continue;
      }
      switch (c.getName()) {
        case "orderNo":
          order = blankToNull(v.toString());
          break;
        case "productId":
          product = blankToNull(v.toString());
          break;
        case "reviewId":
          review = v instanceof Number n && n.longValue() > 0 ? n.longValue() : review;
          break;
        case "review":
          if (v.getClass().isRecord()) {
            About r = ofReview(v);
            review = review == null ? r.reviewId() : review;
            product = product == null ? r.productId() : product;
            order = order == null ? r.orderNo() : order;
          }
          break;
        default:
          break;
      }
    }
    return new About(order, product, review);
  }

  /**
   * A review record ({@code id}, {@code kind}, {@code subject}): about the review, and about the
   * product ({@code product} kind) or order ({@code price}, {@code appeal}) its subject names.
   */
  private static About ofReview(Object review) {
    Long id = null;
    String kind = null;
    String subject = null;
    for (RecordComponent rc : review.getClass().getRecordComponents()) {
      Object v = value(rc, review);
      switch (rc.getName()) {
        case "id":
          id = v instanceof Number n && n.longValue() > 0 ? n.longValue() : null;
          break;
        case "kind":
          kind = v == null ? null : v.toString();
          break;
        case "subject":
          subject = v == null ? null : blankToNull(v.toString());
          break;
        default:
          break;
      }
    }
    boolean product = "product".equals(kind);
    boolean order = "price".equals(kind) || "appeal".equals(kind);
    return new About(order ? subject : null, product ? subject : null, id);
  }

  private static Object value(RecordComponent c, Object record) {
    try {
      return c.getAccessor().invoke(record);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
