package io.marketdesk.review;

import io.marketdesk.feature.StatusContributor;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The reviews section of the public status page: open, overdue and escalated counts, no personal data. */
record ReviewStatusSection(Jdbi jdbi, Reviews reviews, Clock clock) implements StatusContributor {
  @Override
  public List<Section> sections() {
    Reviews.Counts c = jdbi.withHandle(h -> reviews.counts(h, clock.millis()));
    long escalated = jdbi.withHandle(reviews::escalatedCount);
    return List.of(new Section("reviews", "status-page.reviews", List.of(
        new Row("status-page.reviews.open", String.valueOf(c.open()), false),
        new Row("status-page.reviews.overdue", String.valueOf(c.overdue()), c.overdue() > 0),
        new Row("status-page.reviews.escalated", String.valueOf(escalated), escalated > 0))));
  }
}
