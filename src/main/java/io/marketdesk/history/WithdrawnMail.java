package io.marketdesk.history;

/**
 * The mail telling operators a review was withdrawn ({@code review-withdrawn}). Immutable.
 *
 * @param title the review's title in the language of the mail
 * @param by the address that withdrew it
 * @param when when, {@code yyyy-MM-dd HH:mm} in {@code time.zone}
 */
public record WithdrawnMail(long reviewId, String title, String kind, String subject, String provider, String accountId,
    String by, String when) {}
