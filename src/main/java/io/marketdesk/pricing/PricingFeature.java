package io.marketdesk.pricing;

import io.marketdesk.app.Feature;
import io.marketdesk.app.Wiring;
import io.marketdesk.config.ConfigException;
import io.marketdesk.review.Reviews;
import java.util.List;

/**
 * Order price changes (docs/pricing.md): the {@code order.price} command and the {@code price} review kind.
 * Needs {@link Reviews} (wire after the review feature). Reads {@code pricing.reason-below-percent}
 * (default 10): a new price under that share of the current one needs a reason.
 */
public final class PricingFeature implements Feature {
  /** The configuration key of the reason threshold, in percent (0 = never needed, 100 = always). */
  public static final String REASON_BELOW_PERCENT = "pricing.reason-below-percent";

  @Override
  public void wire(Wiring w) {
    Reviews reviews = w.get(Reviews.class);
    OrderPriceStore orders = new OrderPriceStore();
    reviews.register(new PriceReviewKind(orders, w.config.mailAddress));
    w.commands.register(new PriceChangeHandler(reviews, w.directory, orders, reasonBelowPercent(w.config.raw(REASON_BELOW_PERCENT))));
  }

  static int reasonBelowPercent(String raw) {
    if (raw == null || raw.isBlank()) {
      return 10;
    }
    try {
      int v = Integer.parseInt(raw.strip());
      if (v >= 0 && v <= 100) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(List.of(REASON_BELOW_PERCENT + ": must be a whole number from 0 to 100, not \"" + raw + "\""));
  }
}
