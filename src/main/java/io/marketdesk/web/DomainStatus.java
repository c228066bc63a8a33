package io.marketdesk.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Review counts for the metrics, read straight from the schema (the status page's sections come
 * from the features themselves). Counts only. Thread-safe.
 */
public final class DomainStatus {
  /** Open and overdue reviews. */
  public record ReviewCounts(long open, long overdue) {}

  private final Jdbi jdbi;
  private final Clock clock;

  public DomainStatus(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  public ReviewCounts reviewCounts() {
    return jdbi.withHandle(h -> h.createQuery(
            "SELECT COUNT(*), SUM(CASE WHEN due_at <= :now THEN 1 ELSE 0 END) FROM review WHERE status = 'open'")
        .bind("now", clock.millis())
        .map((rs, c) -> new ReviewCounts(rs.getLong(1), rs.getLong(2)))
        .one());
  }
}
