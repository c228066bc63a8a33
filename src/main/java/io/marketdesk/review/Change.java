package io.marketdesk.review;

/**
 * One changed field of a review, old beside new, for the review mail and pages. Immutable.
 *
 * @param field a stable field key (name, price...)
 * @param labelZh the Chinese field label
 * @param labelEn the English field label
 * @param before the live value ("" when new)
 * @param after the proposed value
 */
public record Change(String field, String labelZh, String labelEn, String before, String after) {}
