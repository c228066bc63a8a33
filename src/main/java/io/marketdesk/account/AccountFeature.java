package io.marketdesk.account;

import io.marketdesk.feature.Contribution;
import io.marketdesk.feature.Shared;
import io.marketdesk.review.Reviews;

/**
 * Provider accounts (docs/accounts.md): {@code 账户信息}, {@code 修改账户信息} through an account-change
 * review, and the onboarding API of providers and operators ({@link #onboarding}, which the command
 * line uses too).
 */
public record AccountFeature(Onboarding onboarding, Contribution contribution) {
  public static AccountFeature build(Shared s, Reviews reviews) {
    reviews.register(new AccountReviewKind(s.directory(), s.audit()));
    Onboarding onboarding = new Onboarding(s.directory(), s.audit(), s.config().mailAddress, s.templates().catalog());
    return new AccountFeature(onboarding, Contribution.builder()
        .command(new AccountInfoHandler(s.directory(), reviews))
        .command(new AccountUpdateHandler(new AccountChanges(s.directory(), reviews, s.templates().catalog()), reviews))
        .web(new OnboardingApi(s.jdbi(), onboarding))
        .build());
  }
}
