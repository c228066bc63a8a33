package io.marketdesk.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The refund requests, in the caller's transaction. A request moves on only by compare-and-set on
 * its status, so two answers, two timer ticks or two instances never act on it twice. Rows map to
 * {@link Refund} by column name. Stateless.
 */
public final class RefundStore {
  private static final String SELECT = "SELECT id, order_no, amount, reason, requested_by, status_before, status,"
      + " requested_at, answer_due, decline_reason, review_id FROM order_refund";

  long insert(Handle h, String orderNo, long amount, String reason, String by, OrderStatus before, long now, long due) {
    return h.createUpdate("INSERT INTO order_refund (order_no, amount, reason, requested_by, status_before, status,"
            + " requested_at, answer_due) VALUES (:no, :amount, :reason, :by, :before, 'asked', :now, :due)")
        .bind("no", orderNo).bind("amount", amount).bind("reason", reason).bind("by", by).bind("before", before.code())
        .bind("now", now).bind("due", due)
        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
  }

  /** The order's refund request still in progress (asked or with operators), if any. */
  public Optional<Refund> open(Handle h, String orderNo) {
    return h.createQuery(SELECT + " WHERE order_no = :no AND status IN ('asked', 'review') ORDER BY id DESC")
        .bind("no", orderNo).map(RefundStore::map).findFirst();
  }

  /** The requests of an order, oldest first. */
  public List<Refund> of(Handle h, String orderNo) {
    return h.createQuery(SELECT + " WHERE order_no = :no ORDER BY id").bind("no", orderNo).map(RefundStore::map).list();
  }

  /** Requests still waiting for the provider whose answer was due by {@code now}. */
  List<Refund> overdue(Handle h, long now) {
    return h.createQuery(SELECT + " WHERE status = 'asked' AND answer_due <= :now ORDER BY answer_due, id")
        .bind("now", now).map(RefundStore::map).list();
  }

  /** Moves a request from one status to the next; true when this call did it. */
  boolean move(Handle h, long id, String from, String to, long now, String declineReason) {
    return h.createUpdate("UPDATE order_refund SET status = :to, answered_at = COALESCE(answered_at, :now),"
            + " decline_reason = COALESCE(:reason, decline_reason) WHERE id = :id AND status = :from")
        .bind("to", to).bind("now", now).bind("reason", declineReason).bind("id", id).bind("from", from)
        .execute() == 1;
  }

  void setReview(Handle h, long id, long reviewId) {
    h.createUpdate("UPDATE order_refund SET review_id = :r WHERE id = :id").bind("r", reviewId).bind("id", id).execute();
  }

  private static Refund map(ResultSet rs, StatementContext c) throws SQLException {
    long review = rs.getLong("review_id");
    Long reviewId = rs.wasNull() ? null : review;
    return new Refund(rs.getLong("id"), rs.getString("order_no"), rs.getLong("amount"), rs.getString("reason"),
        rs.getString("requested_by"), OrderStatus.of(rs.getString("status_before")), rs.getString("status"),
        rs.getLong("requested_at"), rs.getLong("answer_due"), rs.getString("decline_reason"), reviewId);
  }
}
