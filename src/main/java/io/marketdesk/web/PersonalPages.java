package io.marketdesk.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketdesk.review.Change;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The read-only queries of the personal pages. Every query about a provider's things is bounded by
 * that provider's id, and every buyer query by the buyer's address, so a page can only show its own
 * person's data; the operator queries are global and are only run for operators. Written against the
 * schema (V2 review, V3 product, V4 orders), so the pages fill in as the features write rows.
 * Stateless; thread-safe.
 */
public final class PersonalPages {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A product of the provider: the live fields, or the pending version's while never approved. */
  public record ProductRow(String id, String type, String status, String name, Long price, String unit,
      boolean pendingRevision) {}

  /** An order as its provider sees it. */
  public record OrderRow(String orderNo, String productId, String productName, String buyerEmail, long price,
      String status, long createdAt) {}

  /** An order as its buyer sees it (no provider-side detail). */
  public record BuyerOrderRow(String orderNo, String productId, String productName, long price, String status,
      long createdAt) {}

  /** An open review, with what it changes. */
  public record ReviewRow(long id, String kind, String subject, String titleZh, String titleEn, long submittedAt,
      long dueAt, List<Change> changes, String accountId, String companyName, String titleMsg) {}

  /** An audit entry. */
  public record AuditRow(long at, String actor, String entity, String entityId, String action, String before,
      String after) {}

  /** A disputed order, for operators. */
  public record DisputeRow(String orderNo, String productId, String accountId, long price, String statusBefore,
      long updatedAt, Long reviewId) {}

  public List<ProductRow> products(Handle h, long providerId) {
    return h.createQuery(
            "SELECT p.id, p.type, p.status, COALESCE(p.name, v.name), COALESCE(p.price, v.price), COALESCE(p.unit, v.unit),"
                + " CASE WHEN p.pending_version IS NOT NULL OR EXISTS (SELECT 1 FROM review r WHERE r.kind = 'product'"
                + " AND r.subject = p.id AND r.status = 'open' AND r.provider_id = :pid) THEN 1 ELSE 0 END"
                + " FROM product p LEFT JOIN product_version v ON v.product_id = p.id"
                + " AND v.version = (SELECT MAX(x.version) FROM product_version x WHERE x.product_id = p.id)"
                + " WHERE p.provider_id = :pid ORDER BY p.created_at DESC, p.id")
        .bind("pid", providerId)
        .map((rs, c) -> new ProductRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getObject(5) == null ? null : rs.getLong(5), rs.getString(6), rs.getInt(7) == 1))
        .list();
  }

  public List<OrderRow> providerOrders(Handle h, long providerId) {
    return h.createQuery(
            "SELECT o.order_no, o.product_id, p.name, o.buyer_email, o.price, o.status, o.created_at FROM orders o"
                + " LEFT JOIN product p ON p.id = o.product_id AND p.provider_id = o.provider_id"
                + " WHERE o.provider_id = :pid ORDER BY o.created_at DESC, o.order_no LIMIT 500")
        .bind("pid", providerId)
        .map((rs, c) -> new OrderRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
            rs.getString(6), rs.getLong(7)))
        .list();
  }

  public List<BuyerOrderRow> buyerOrders(Handle h, String address) {
    return h.createQuery(
            "SELECT o.order_no, o.product_id, p.name, o.price, o.status, o.created_at FROM orders o"
                + " LEFT JOIN product p ON p.id = o.product_id"
                + " WHERE LOWER(o.buyer_email) = LOWER(:a) ORDER BY o.created_at DESC, o.order_no LIMIT 500")
        .bind("a", address)
        .map((rs, c) -> new BuyerOrderRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
            rs.getString(5), rs.getLong(6)))
        .list();
  }

  /** The provider's own open reviews, soonest due first. */
  public List<ReviewRow> providerReviews(Handle h, long providerId) {
    return reviews(h, "r.status = 'open' AND r.provider_id = :pid", providerId);
  }

  /** Every open review, overdue (earliest due) first: the operator's queue. */
  public List<ReviewRow> reviewQueue(Handle h) {
    return reviews(h, "r.status = 'open'", null);
  }

  private List<ReviewRow> reviews(Handle h, String where, Long providerId) {
    var q = h.createQuery(
        "SELECT r.id, r.kind, r.subject, r.title_zh, r.title_en, r.submitted_at, r.due_at, r.changes, p.account_id,"
            + " p.company_name, r.title_msg FROM review r LEFT JOIN provider p ON p.id = r.provider_id WHERE " + where
            + " ORDER BY r.due_at, r.id");
    if (providerId != null) {
      q.bind("pid", providerId);
    }
    return q.map((rs, c) -> new ReviewRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getLong(6), rs.getLong(7), changes(rs.getString(8)), rs.getString(9), rs.getString(10),
            rs.getString(11)))
        .list();
  }

  /** Disputed orders with their open appeal review, if any (operators). */
  public List<DisputeRow> disputes(Handle h) {
    return h.createQuery(
            "SELECT o.order_no, o.product_id, p.account_id, o.price, o.status_before_dispute, o.updated_at,"
                + " (SELECT MAX(r.id) FROM review r WHERE r.kind = 'appeal' AND r.subject = o.order_no AND r.status = 'open')"
                + " FROM orders o LEFT JOIN provider p ON p.id = o.provider_id WHERE o.status = 'disputed'"
                + " ORDER BY o.updated_at, o.order_no")
        .map((rs, c) -> new DisputeRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
            rs.getLong(6), rs.getObject(7) == null ? null : rs.getLong(7)))
        .list();
  }

  /** Recent audit entries about the provider's own account, products, orders and reviews. */
  public List<AuditRow> providerAudit(Handle h, long providerId, String accountId, int limit) {
    return h.createQuery(
            "SELECT a.at, a.actor, a.entity, a.entity_id, a.action, a.before_state, a.after_state FROM audit_log a WHERE"
                + " (a.entity IN ('provider', 'account') AND a.entity_id IN (:acc, :pidText))"
                + " OR (a.entity = 'product' AND a.entity_id IN (SELECT id FROM product WHERE provider_id = :pid))"
                + " OR (a.entity IN ('order', 'orders') AND a.entity_id IN"
                + " (SELECT order_no FROM orders WHERE provider_id = :pid))"
                + " OR (a.entity = 'review' AND a.entity_id IN"
                + " (SELECT CAST(id AS VARCHAR(20)) FROM review WHERE provider_id = :pid))"
                + " ORDER BY a.at DESC, a.id DESC LIMIT :limit")
        .bind("acc", accountId)
        .bind("pidText", String.valueOf(providerId))
        .bind("pid", providerId)
        .bind("limit", limit)
        .map((rs, c) -> new AuditRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7)))
        .list();
  }

  /** Whether an address is an operator's. */
  public boolean isOperatorAddress(Handle h, String address) {
    return h.createQuery("SELECT COUNT(*) FROM operator_address WHERE address = LOWER(:a)").bind("a", address)
        .mapTo(Long.class).one() > 0;
  }

  static List<Change> changes(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<List<Change>>() {});
    } catch (Exception e) {
      return List.of();
    }
  }
}
