package io.marketdesk.pricing;

import io.marketdesk.config.ConfigException;
import io.marketdesk.feature.Contribution;
import io.marketdesk.feature.Shared;
import io.marketdesk.review.Reviews;
import java.util.List;

/**
 * Order price changes (docs/pricing.md): the {@code order.price} command and the {@code price} review kind.
 * Registers its review kind on {@link Reviews}. Reads {@code pricing.reason-below-percent}
 * (default 10): a new price under that share of the current one needs a reason.
 */
public final class PricingFeature {
  /** The configuration key of the reason threshold, in percent (0 = never needed, 100 = always). */
  public static final String REASON_BELOW_PERCENT = "pricing.reason-below-percent";

  private PricingFeature() {}

  public static Contribution build(Shared s, Reviews reviews) {
    OrderPriceStore orders = new OrderPriceStore();
    reviews.register(new PriceReviewKind(orders, s.audit(), s.mailer(), s.config().mailAddress));
    return Contribution.builder()
        .command(new PriceChangeHandler(reviews, s.directory(), orders, reasonBelowPercent(s.config().raw(REASON_BELOW_PERCENT))))
        .build();
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
