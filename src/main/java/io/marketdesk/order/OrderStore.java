package io.marketdesk.order;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * The orders table and the requirement forms, in the caller's transaction; the one place that reads
 * and writes {@code orders}. Rows map to records by column name (Jdbi's {@link ConstructorMapper}:
 * {@code buyer_email} fills {@code buyerEmail}), and every statement is written out whole here.
 * State changes are compare-and-set ({@code WHERE status = :from}): of two racing changes one wins,
 * the other sees 0 rows and is refused, which is also what keeps timers from acting twice.
 * Stateless, thread-safe.
 */
public final class OrderStore {
  private static final String SELECT = "SELECT o.order_no, o.product_id, p.name AS product_name, p.type AS product_type,"
      + " o.provider_id, v.account_id, o.buyer_email, o.price, o.original_price, o.status, o.status_before_dispute,"
      + " o.created_at, o.paid_at, o.started_at, o.done_at, o.completed_at, o.cancelled_at, o.refund_flag, o.rejections,"
      + " o.last_reminder_at, o.updated_at, o.buyer_lang, o.provider_lang, o.waiting_since, o.dispute_review_id,"
      + " o.refunded_amount"
      + " FROM orders o JOIN product p ON p.id = o.product_id JOIN provider v ON v.id = o.provider_id";
  private static final ColumnMapper<OrderStatus> STATUS = (rs, column, ctx) -> OrderStatus.of(rs.getString(column));
  private static final RowMapper<Order> ORDER = ConstructorMapper.of(Order.class);
  /** A requirement form's row, before its attachments are read. */
  private static final RowMapper<Requirement> FORM = (rs, c) -> new Requirement(rs.getLong("id"), rs.getString("order_no"),
      rs.getString("submitted_by"), rs.getString("text"), rs.getLong("created_at"), List.of());
  private static final RowMapper<Attachment> ATTACHMENT = ConstructorMapper.of(Attachment.class);

  /**
   * What a state change writes besides the state and {@code updated_at}: the columns of each
   * change, written out. {@code :now} is the moment of the change, {@code :from} the state left.
   */
  public enum Stamp {
    /** Nothing else (frozen for a refund). */
    NONE(""),
    /** Paid, the provider now due to start. */
    PAID(", paid_at = :now, waiting_since = :now"),
    /** Paid and, being no ops order, completed at once. */
    PAID_COMPLETED(", paid_at = :now, completed_at = :now"),
    CANCELLED(", cancelled_at = :now"),
    /** Cancelled with the buyer's money to be refunded (start timeout, appeal upheld). */
    CANCELLED_REFUND(", cancelled_at = :now, refund_flag = 1"),
    /** Started, the provider now due to deliver. */
    STARTED(", started_at = :now, waiting_since = :now"),
    /** The start undone: waiting again since the payment. */
    START_UNDONE(", started_at = NULL, waiting_since = paid_at"),
    DONE(", done_at = :now"),
    DONE_UNDONE(", done_at = NULL"),
    COMPLETED(", completed_at = :now"),
    /** The delivery rejected: one rejection more, the provider due again. */
    REJECTED(", rejections = rejections + 1, waiting_since = :now"),
    /** Frozen for an appeal, remembering the state to resume in. */
    DISPUTED(", status_before_dispute = :from"),
    /** Resumed after a freeze: the frozen days count against no one. */
    RESUMED(", waiting_since = :now"),
    /** Resumed awaiting confirmation: the auto-confirm days start again as well. */
    RESUMED_AWAITING(", waiting_since = :now, done_at = :now");

    private final String sets;

    Stamp(String sets) {
      this.sets = sets;
    }
  }

  /** A requirement form with its attachments. */
  public record Requirement(long id, String orderNo, String submittedBy, String text, long createdAt,
      List<Attachment> attachments) {}

  /** A stored attachment (data not loaded); {@code stored} is false when it was over the size limit. */
  public record Attachment(long id, String filename, String contentType, long size, boolean stored) {}

  public Optional<Order> find(Handle h, String orderNo) {
    return orders(h, SELECT + " WHERE o.order_no = :no").bind("no", orderNo).map(ORDER).findFirst();
  }

  public List<Order> byProvider(Handle h, long providerId, OrderStatus status) {
    if (status == null) {
      return orders(h, SELECT + " WHERE o.provider_id = :pid ORDER BY o.created_at DESC, o.order_no DESC")
          .bind("pid", providerId).map(ORDER).list();
    }
    return orders(h, SELECT + " WHERE o.provider_id = :pid AND o.status = :st ORDER BY o.created_at DESC, o.order_no DESC")
        .bind("pid", providerId).bind("st", status.code()).map(ORDER).list();
  }

  public List<Order> byStatus(Handle h, OrderStatus status) {
    return orders(h, SELECT + " WHERE o.status = :st ORDER BY o.order_no").bind("st", status.code()).map(ORDER).list();
  }

  /** The providers with orders completed in [{@code from}, {@code to}), for the month's statements. */
  public List<Long> providersCompleted(Handle h, long from, long to) {
    return h.createQuery("SELECT DISTINCT provider_id FROM orders WHERE status = :completed"
            + " AND completed_at >= :from AND completed_at < :to ORDER BY provider_id")
        .bind("completed", OrderStatus.COMPLETED.code()).bind("from", from).bind("to", to).mapTo(Long.class).list();
  }

  /** A provider's orders completed in [{@code from}, {@code to}), in the order they completed. */
  public List<Order> completed(Handle h, long providerId, long from, long to) {
    return orders(h, SELECT + " WHERE o.provider_id = :pid AND o.status = :completed AND o.completed_at >= :from"
            + " AND o.completed_at < :to ORDER BY o.completed_at, o.order_no")
        .bind("pid", providerId).bind("completed", OrderStatus.COMPLETED.code()).bind("from", from).bind("to", to)
        .map(ORDER).list();
  }

  /** The language the provider wrote in last, on its most recently changed order, if it has orders. */
  public Optional<String> providerLanguage(Handle h, long providerId) {
    return h.createQuery("SELECT provider_lang FROM orders WHERE provider_id = :pid ORDER BY updated_at DESC")
        .bind("pid", providerId).mapTo(String.class).findFirst();
  }

  /** Whose orders are read: everyone's (operators), one provider's, or one buyer's. */
  public sealed interface Whose permits Everyone, OfProvider, OfBuyer {}

  /** Every order. */
  public record Everyone() implements Whose {}

  /** The orders of a provider; none when {@code providerId} is null. */
  public record OfProvider(Long providerId) implements Whose {}

  /** The orders a buyer placed. */
  public record OfBuyer(String buyerEmail) implements Whose {}

  /**
   * Orders for an export, oldest first, read as the stream is consumed (close it); created in
   * [{@code from}, {@code to}) when {@code from} is not null.
   */
  public Stream<Order> export(Handle h, Whose whose, Long from, Long to, int fetchSize) {
    StringBuilder sql = new StringBuilder(SELECT + " WHERE 1 = 1");
    if (whose instanceof OfProvider) {
      sql.append(" AND o.provider_id = :pid");
    } else if (whose instanceof OfBuyer) {
      sql.append(" AND o.buyer_email = :buyer");
    }
    if (from != null) {
      sql.append(" AND o.created_at >= :from AND o.created_at < :to");
    }
    Query q = orders(h, sql.append(" ORDER BY o.created_at, o.order_no").toString()).setFetchSize(fetchSize);
    if (whose instanceof OfProvider p) {
      q.bind("pid", p.providerId());
    } else if (whose instanceof OfBuyer b) {
      q.bind("buyer", b.buyerEmail());
    }
    if (from != null) {
      q.bind("from", from).bind("to", to);
    }
    return q.map(ORDER).stream();
  }

  /** Orders per state, every state present. */
  public Map<OrderStatus, Long> counts(Handle h) {
    Map<OrderStatus, Long> out = new LinkedHashMap<>();
    for (OrderStatus s : OrderStatus.values()) {
      out.put(s, 0L);
    }
    h.createQuery("SELECT status, COUNT(*) AS n FROM orders GROUP BY status")
        .map((rs, c) -> Map.entry(rs.getString("status"), rs.getLong("n")))
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
   * Moves an order from one state to another and writes the columns of {@code stamp}, only if it is
   * still in {@code from}.
   *
   * @return true when this call made the change
   */
  public boolean transition(Handle h, String orderNo, OrderStatus from, OrderStatus to, Stamp stamp, long now) {
    return h.createUpdate("UPDATE orders SET status = :to, updated_at = :now" + stamp.sets
            + " WHERE order_no = :no AND status = :from").bind("to", to.code()).bind("now", now).bind("no", orderNo)
        .bind("from", from.code()).execute() == 1;
  }

  /**
   * Moves a refunding order on after its request was settled, with what has been refunded in all;
   * out of {@code refunding} only.
   *
   * @param resumed {@link Stamp#NONE} when refunded in full, else {@link Stamp#RESUMED} or
   *     {@link Stamp#RESUMED_AWAITING}
   */
  public boolean refundSettled(Handle h, String orderNo, OrderStatus to, Stamp resumed, long refunded, long now) {
    return h.createUpdate("UPDATE orders SET status = :to, updated_at = :now, refunded_amount = :refunded" + resumed.sets
            + " WHERE order_no = :no AND status = 'refunding'")
        .bind("to", to.code()).bind("now", now).bind("refunded", refunded).bind("no", orderNo).execute() == 1;
  }

  /** When the buyer was last reminded to confirm (at most once a day). */
  public void setLastReminder(Handle h, String orderNo, long at) {
    h.createUpdate("UPDATE orders SET last_reminder_at = :at WHERE order_no = :no").bind("at", at).bind("no", orderNo)
        .execute();
  }

  /** The operators' review of the appeal on a disputed order. */
  public void setDisputeReview(Handle h, String orderNo, long reviewId) {
    h.createUpdate("UPDATE orders SET dispute_review_id = :review WHERE order_no = :no").bind("review", reviewId)
        .bind("no", orderNo).execute();
  }

  /** The language the buyer last wrote in, for the mails the buyer gets. */
  public void setBuyerLanguage(Handle h, String orderNo, String lang) {
    h.createUpdate("UPDATE orders SET buyer_lang = :lang WHERE order_no = :no").bind("lang", lang).bind("no", orderNo)
        .execute();
  }

  /** The language the provider last wrote in, for the mails the provider gets. */
  public void setProviderLanguage(Handle h, String orderNo, String lang) {
    h.createUpdate("UPDATE orders SET provider_lang = :lang WHERE order_no = :no").bind("lang", lang).bind("no", orderNo)
        .execute();
  }

  /**
   * Sets the price of an order that is still unpaid (a price change, docs/pricing.md).
   *
   * @return true when the order was unpaid and now has the new price; false when it is no longer
   *     unpaid (paid or cancelled meanwhile) and nothing changed
   */
  public boolean repriceIfUnpaid(Handle h, String orderNo, long newPrice, long now) {
    return h.createUpdate("UPDATE orders SET price = :price, updated_at = :now WHERE order_no = :no AND status = :unpaid")
        .bind("price", newPrice).bind("now", now).bind("no", orderNo).bind("unpaid", OrderStatus.UNPAID.code())
        .execute() == 1;
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
    return h.createQuery("SELECT id, order_no, submitted_by, text, created_at FROM order_requirement"
            + " WHERE order_no = :no ORDER BY id").bind("no", orderNo).map(FORM).list().stream()
        .map(r -> new Requirement(r.id(), r.orderNo(), r.submittedBy(), r.text(), r.createdAt(),
            h.createQuery("SELECT id, filename, content_type, size,"
                    + " CASE WHEN data IS NULL THEN 0 ELSE 1 END AS stored"
                    + " FROM order_attachment WHERE requirement_id = :rid ORDER BY id").bind("rid", r.id())
                .map(ATTACHMENT).list()))
        .toList();
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
    return orders(h, SELECT + " WHERE o.provider_id = :pid ORDER BY o.created_at DESC, o.order_no LIMIT :limit")
        .bind("pid", providerId).bind("limit", limit).map(ORDER).list();
  }

  /** The orders bought with an address (any case), newest first, at most {@code limit}. */
  public List<Order> byBuyer(Handle h, String address, int limit) {
    return orders(h, SELECT + " WHERE LOWER(o.buyer_email) = LOWER(:a) ORDER BY o.created_at DESC, o.order_no"
            + " LIMIT :limit")
        .bind("a", address).bind("limit", limit).map(ORDER).list();
  }

  private static Query orders(Handle h, String sql) {
    return h.createQuery(sql).registerColumnMapper(OrderStatus.class, STATUS);
  }
}
