package io.marketdesk.product;

/**
 * What a version of a product says: the fields a provider writes and buyers see. Immutable.
 *
 * @param price minor units (fen), positive
 * @param unit the billing unit (计费单位): 次, 月, 年, 套...
 */
public record ProductContent(ProductType type, String name, long price, String unit, String summary,
    String description) {}
