package io.marketdesk.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Operators' time away (docs/reviews.md): while an operator is away, review mails and digests go to
 * the others. Set by {@code 休假 至 DATE} / {@code away until DATE}, or for three days by an
 * out-of-office reply to a review mail; ended by {@code 休假 结束} / {@code away off} or by time.
 * Stateless and thread-safe; every method works in the caller's transaction.
 */
public final class Away {
  /** Where an away period came from. */
  public enum Source {
    COMMAND,
    AUTO_REPLY
  }

  private final Directory directory;

  public Away(Directory directory) {
    this.directory = directory;
  }

  /** Sets the operator away until {@code untilAt} (epoch millis, exclusive), replacing any earlier period. */
  public void set(Handle h, long operatorId, long untilAt, Source source, long now) {
    h.createUpdate("DELETE FROM operator_away WHERE operator_id = :o").bind("o", operatorId).execute();
    h.createUpdate("INSERT INTO operator_away (operator_id, until_at, source, set_at) VALUES (:o, :u, :s, :now)")
        .bind("o", operatorId)
        .bind("u", untilAt)
        .bind("s", source.name().toLowerCase(Locale.ROOT))
        .bind("now", now)
        .execute();
  }

  /** Ends the operator's time away; false when they were not away. */
  public boolean clear(Handle h, long operatorId, long now) {
    boolean was = until(h, operatorId, now).isPresent();
    h.createUpdate("DELETE FROM operator_away WHERE operator_id = :o").bind("o", operatorId).execute();
    return was;
  }

  /** When the operator's time away ends, if they are away at {@code now}. */
  public Optional<Long> until(Handle h, long operatorId, long now) {
    return h.createQuery("SELECT until_at FROM operator_away WHERE operator_id = :o AND until_at > :now")
        .bind("o", operatorId)
        .bind("now", now)
        .mapTo(Long.class)
        .findFirst();
  }

  /** The operators not away at {@code now}. */
  public List<Operator> available(Handle h, long now) {
    List<Operator> out = new ArrayList<>();
    for (Operator op : directory.operators(h)) {
      if (until(h, op.id(), now).isEmpty()) {
        out.add(op);
      }
    }
    return out;
  }
}
