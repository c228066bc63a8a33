package io.marketdesk.order;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The orders table and the requirement forms, in the caller's transaction. State changes are
 * compare-and-set ({@code WHERE status = :from}): of two racing changes one wins, the other sees 0
 * rows and is refused, which is also what keeps timers from acting twice. Stateless, thread-safe.
 */
public final class OrderStore {
  private static final String SELECT = "SELECT o.order_no, o.product_id, p.name, p.type, o.provider_id, v.account_id,"
      + " o.buyer_email, o.price, o.original_price, o.status, o.status_before_dispute, o.created_at, o.paid_at,"
      + " o.started_at, o.done_at, o.completed_at, o.cancelled_at, o.refund_flag, o.rejections, o.last_reminder_at,"
      + " o.updated_at, o.buyer_lang, o.provider_lang, o.waiting_since, o.dispute_review_id, o.refunded_amount"
      + " FROM orders o JOIN product p ON p.id = o.product_id JOIN provider v ON v.id = o.provider_id";

  /** A requirement form with its attachments. */
  public record Requirement(long id, String orderNo, String submittedBy, String text, long createdAt,
      List<Attachment> attachments) {}

  /** A stored attachment (data not loaded); {@code stored} is false when it was over the size limit. */
  public record Attachment(long id, String filename, String contentType, long size, boolean stored) {}

  public Optional<Order> find(Handle h, String orderNo) {
    return h.createQuery(SELECT + " WHERE o.order_no = :no").bind("no", orderNo).map(OrderStore::map).findFirst();
  }

  public List<Order> byProvider(Handle h, long providerId, OrderStatus status) {
    var q = h.createQuery(SELECT + " WHERE o.provider_id = :pid" + (status == null ? "" : " AND o.status = :st")
        + " ORDER BY o.created_at DESC, o.order_no DESC").bind("pid", providerId);
    if (status != null) {
      q.bind("st", status.code());
    }
    return q.map(OrderStore::map).list();
  }

  public List<Order> byStatus(Handle h, OrderStatus status) {
    return h.createQuery(SELECT + " WHERE o.status = :st ORDER BY o.order_no").bind("st", status.code())
        .map(OrderStore::map).list();
  }

  /** Orders per state, every state present. */
  public Map<OrderStatus, Long> counts(Handle h) {
    Map<OrderStatus, Long> out = new LinkedHashMap<>();
    for (OrderStatus s : OrderStatus.values()) {
      out.put(s, 0L);
    }
    h.createQuery("SELECT status, COUNT(*) FROM orders GROUP BY status")
        .map((rs, c) -> Map.entry(rs.getString(1), rs.getLong(2)))
        .forEach(e -> out.put(OrderStatus.of(e.getKey()), e.getValue()));
    return out;
  }

  public void insert(Handle h, String orderNo, String productId, long providerId, String buyerEmail, long price,
      String buyerLang, long now) {
    h.createUpdate("INSERT INTO orders (order_no, product_id, provider_id, buyer_email, price, original_price, status,"
            + " created_at, updated_at, buyer_lang) VALUES (:no, :pid, :prov, :buyer, :price, :price, 'unpaid', :now, :now, :lang)")
        .bind("no", orderNo).bind("pid", productId).bind("prov", providerId).bind("buyer", buyerEmail)
        .bind("price", price).bind("now", now).bind("lang", buyerLang).execute();
  }

  /**
   * Moves an order from one state to another and sets the given columns, only if it is still in
   * {@code from}.
   *
   * @param sets column = value pairs; column names are constants of this package, never input
   * @return true when this call made the change
   */
  public boolean transition(Handle h, String orderNo, OrderStatus from, OrderStatus to, long now, Map<String, Object> sets) {
    StringBuilder sql = new StringBuilder("UPDATE orders SET status = :to, updated_at = :now");
    int i = 0;
    List<Object> values = new ArrayList<>();
    for (Map.Entry<String, Object> e : sets.entrySet()) {
      if (!e.getKey().matches("[a-z_]+")) {
        throw new IllegalArgumentException(e.getKey());
      }
      sql.append(", ").append(e.getKey()).append(" = :v").append(i++);
      values.add(e.getValue());
    }
    sql.append(" WHERE order_no = :no AND status = :from");
    var u = h.createUpdate(sql.toString()).bind("to", to.code()).bind("now", now).bind("no", orderNo).bind("from", from.code());
    for (int k = 0; k < values.size(); k++) {
      u.bind("v" + k, values.get(k));
    }
    return u.execute() == 1;
  }

  /** Sets columns without changing the state (language, reminder time). */
  public void set(Handle h, String orderNo, String column, Object value) {
    if (!column.matches("[a-z_]+")) {
      throw new IllegalArgumentException(column);
    }
    h.createUpdate("UPDATE orders SET " + column + " = :v WHERE order_no = :no").bind("v", value).bind("no", orderNo).execute();
  }

  public long addRequirement(Handle h, String orderNo, String by, Long inboundId, String text, long now) {
    return h.createUpdate("INSERT INTO order_requirement (order_no, submitted_by, inbound_id, text, created_at)"
            + " VALUES (:no, :by, :inbound, :text, :now)")
        .bind("no", orderNo).bind("by", by).bind("inbound", inboundId).bind("text", text).bind("now", now)
        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
  }

  public void addAttachment(Handle h, long requirementId, String filename, String contentType, long size, byte[] data) {
    h.createUpdate("INSERT INTO order_attachment (requirement_id, filename, content_type, size, data)"
            + " VALUES (:rid, :name, :type, :size, :data)")
        .bind("rid", requirementId).bind("name", filename).bind("type", contentType).bind("size", size)
        .bind("data", data).execute();
  }

  public List<Requirement> requirements(Handle h, String orderNo) {
    List<Requirement> out = new ArrayList<>();
    for (var r : h.createQuery("SELECT id, order_no, submitted_by, text, created_at FROM order_requirement"
            + " WHERE order_no = :no ORDER BY id").bind("no", orderNo)
        .map((rs, c) -> new Requirement(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
            List.of())).list()) {
      List<Attachment> atts = h.createQuery("SELECT id, filename, content_type, size, CASE WHEN data IS NULL THEN 0 ELSE 1 END"
              + " FROM order_attachment WHERE requirement_id = :rid ORDER BY id").bind("rid", r.id())
          .map((rs, c) -> new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5) == 1))
          .list();
      out.add(new Requirement(r.id(), r.orderNo(), r.submittedBy(), r.text(), r.createdAt(), atts));
    }
    return out;
  }

  /** The stored bytes of an attachment, or empty when not stored. */
  public Optional<byte[]> attachmentData(Handle h, long id) {
    return h.createQuery("SELECT data FROM order_attachment WHERE id = :id AND data IS NOT NULL").bind("id", id)
        .mapTo(byte[].class).findFirst();
  }

  /** Whether some order was bought with this address (as stored: the directory gives it normalised). */
  public boolean hasBuyer(Handle h, String address) {
    return h.createQuery("SELECT 1 FROM orders WHERE buyer_email = :a LIMIT 1").bind("a", address)
        .mapTo(Integer.class).findFirst().isPresent();
  }

  /** The numbers of a provider's orders. */
  public List<String> orderNumbers(Handle h, long providerId) {
    return h.createQuery("SELECT order_no FROM orders WHERE provider_id = :pid").bind("pid", providerId)
        .mapTo(String.class).list();
  }

  /** A provider's newest orders, at most {@code limit}. */
  public List<Order> recentByProvider(Handle h, long providerId, int limit) {
    return h.createQuery(SELECT + " WHERE o.provider_id = :pid ORDER BY o.created_at DESC, o.order_no LIMIT :limit")
        .bind("pid", providerId).bind("limit", limit).map(OrderStore::map).list();
  }

  /** The orders bought with an address (any case), newest first, at most {@code limit}. */
  public List<Order> byBuyer(Handle h, String address, int limit) {
    return h.createQuery(SELECT + " WHERE LOWER(o.buyer_email) = LOWER(:a) ORDER BY o.created_at DESC, o.order_no"
            + " LIMIT :limit")
        .bind("a", address).bind("limit", limit).map(OrderStore::map).list();
  }

  private static Order map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext c) throws java.sql.SQLException {
    return new Order(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6),
        rs.getString(7), rs.getLong(8), rs.getLong(9), OrderStatus.of(rs.getString(10)), rs.getString(11), rs.getLong(12),
        nullableLong(rs, 13), nullableLong(rs, 14), nullableLong(rs, 15), nullableLong(rs, 16), nullableLong(rs, 17),
        rs.getInt(18) == 1, rs.getInt(19), nullableLong(rs, 20), rs.getLong(21), rs.getString(22), rs.getString(23),
        nullableLong(rs, 24), nullableLong(rs, 25), rs.getLong(26));
  }

  private static Long nullableLong(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    long v = rs.getLong(i);
    return rs.wasNull() ? null : v;
  }
}
