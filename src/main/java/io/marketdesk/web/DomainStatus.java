package io.marketdesk.web;

import io.marketdesk.review.Reviews;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * Review counts for the metrics, as the review feature counts them for its status-page section.
 * Counts only. Thread-safe.
 */
public record DomainStatus(Jdbi jdbi, Reviews reviews, Clock clock) {
  /** Open and overdue reviews. */
  public record ReviewCounts(long open, long overdue) {}

  public ReviewCounts reviewCounts() {
    Reviews.Counts c = jdbi.withHandle(h -> reviews.counts(h, clock.millis()));
    return new ReviewCounts(c.open(), c.overdue());
  }
}
