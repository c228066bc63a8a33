package io.marketdesk.app;

import java.util.List;

/** Every feature of marketdesk, in wiring order (a feature may use services of those before it). */
public final class Features {
  private Features() {}

  public static List<Feature> all() {
    return List.of(
        new io.marketdesk.review.ReviewFeature(),
        new io.marketdesk.account.AccountFeature(),
        new io.marketdesk.product.ProductFeature(),
        new io.marketdesk.order.OrderFeature(),
        new io.marketdesk.settlement.SettlementFeature(),
        new io.marketdesk.export.ExportFeature(),
        new io.marketdesk.pricing.PricingFeature(),
        new io.marketdesk.history.HistoryFeature(),
        new io.marketdesk.login.LoginFeature(),
        new io.marketdesk.team.TeamFeature(),
        new io.marketdesk.preference.PreferenceFeature(),
        new io.marketdesk.web.WebFeature());
  }
}
