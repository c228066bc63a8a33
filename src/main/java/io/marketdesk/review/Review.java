package io.marketdesk.review;

import java.util.List;

/**
 * A review as stored. Immutable.
 *
 * @param kind {@code account}, {@code product}, {@code price} or {@code appeal}
 * @param subject what it is about: the account ID, product ID or order number
 * @param payload the kind's own data (JSON), applied on approval
 * @param status {@code open}, {@code approved}, {@code rejected} or {@code superseded}
 */
public record Review(
    long id,
    String kind,
    String subject,
    Long providerId,
    String requestedBy,
    String titleZh,
    String titleEn,
    String payload,
    List<Change> changes,
    String status,
    long submittedAt,
    long dueAt,
    Long decidedAt,
    String decidedBy,
    String decisionNote) {
  public Review {
    changes = List.copyOf(changes);
  }

  public boolean open() {
    return status.equals("open");
  }

  public boolean overdue(long now) {
    return open() && now >= dueAt;
  }
}
