package io.marketdesk.review;

import io.marketdesk.text.Message;
import java.util.List;

/**
 * A review as stored. Immutable.
 *
 * @param kind {@code account}, {@code product}, {@code price} or {@code appeal}
 * @param subject what it is about: the account ID, product ID or order number
 * @param payload the kind's own data (JSON), applied on approval
 * @param status {@code open}, {@code approved}, {@code rejected} or {@code superseded}
 * @param title what the title is made of, worded for each reader ({@link Reviews#title}); null in
 *     rows older than it, which have titleZh and titleEn only
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
    String decisionNote,
    Message title) {
  public Review {
    changes = List.copyOf(changes);
  }

  /** A review with its title in Chinese and English only. */
  public Review(long id, String kind, String subject, Long providerId, String requestedBy, String titleZh,
      String titleEn, String payload, List<Change> changes, String status, long submittedAt, long dueAt,
      Long decidedAt, String decidedBy, String decisionNote) {
    this(id, kind, subject, providerId, requestedBy, titleZh, titleEn, payload, changes, status, submittedAt, dueAt,
        decidedAt, decidedBy, decisionNote, null);
  }

  public boolean open() {
    return status.equals("open");
  }

  public boolean overdue(long now) {
    return open() && now >= dueAt;
  }
}
