package io.marketdesk.product;

import org.jdbi.v3.core.mapper.Nested;

/**
 * One submitted version of a product; every version is kept. Immutable.
 *
 * @param status in_review, approved, rejected, superseded (replaced by a newer submission) or
 *     withdrawn (dropped when the product was delisted)
 * @param action new, revision or relist
 */
public record ProductVersion(String productId, int version, @Nested ProductContent content, String status, Long reviewId,
    String action, String submittedBy, long submittedAt, Long decidedAt) {}
