package io.marketdesk.account;

import io.marketdesk.app.Feature;
import io.marketdesk.app.Wiring;
import io.marketdesk.review.Reviews;

/**
 * Provider accounts (SPEC §1): {@code 账户信息}, {@code 修改账户信息} through an account-change
 * review, and the onboarding API of providers and operators. Wired after the review feature.
 */
public final class AccountFeature implements Feature {
  @Override
  public void wire(Wiring w) {
    Reviews reviews = w.get(Reviews.class);
    reviews.register(new AccountReviewKind(w.directory));
    w.commands.register(new AccountInfoHandler(w.directory, reviews));
    w.commands.register(new AccountUpdateHandler(new AccountChanges(w.directory, reviews, w.templates.catalog()), reviews));
    Onboarding onboarding = new Onboarding(w.directory, w.audit, w.config.mailAddress, w.templates.catalog());
    w.provide(Onboarding.class, onboarding);
    w.web.add(new OnboardingApi(w.db.jdbi(), onboarding));
  }
}
