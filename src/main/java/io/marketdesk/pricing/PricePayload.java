package io.marketdesk.pricing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an order price-change review carries from the request to its approval (the review's
 * payload, as JSON). Immutable.
 *
 * @param orderNo the order number
 * @param oldPrice the order's price when the request was made, in fen
 * @param newPrice the requested price, in fen
 * @param reason the provider's reason ("" when none)
 * @param lang the language of the request ({@code zh} or {@code en}): the language of the notes
 *     the provider reads about it, and of the buyer's mail
 */
record PricePayload(String orderNo, long oldPrice, long newPrice, String reason, String lang) {
  private static final ObjectMapper JSON = new ObjectMapper();

  String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static PricePayload fromJson(String json) {
    try {
      return JSON.readValue(json, PricePayload.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("bad price-change payload: " + json, e);
    }
  }

  boolean zh() {
    return "zh".equals(lang);
  }
}
