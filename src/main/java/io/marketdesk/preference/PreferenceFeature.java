package io.marketdesk.preference;

import io.marketdesk.feature.Contribution;
import io.marketdesk.feature.Shared;

/**
 * Preferences (docs/preferences.md): the {@code 设置 / settings} commands, the notice policy every
 * notice goes through (language, order mails instant/daily/off, the why-you-got-this footer), and
 * the daily summary of held order notices. Building it puts the policy on the shared mailer.
 */
public record PreferenceFeature(PreferenceStore store, Contribution contribution) {
  public static PreferenceFeature build(Shared s) {
    PreferenceStore store = new PreferenceStore();
    s.mailer().usePolicy(new Preferences(store, s.directory(), s.templates().catalog(), s.clock()));
    return new PreferenceFeature(store, Contribution.builder()
        .commands(new SettingsCommands(store).handlers())
        .job(new DailyOrderMail(s.jdbi(), s.mailer(), s.config().zone, s.config().digestHour))
        .build());
  }
}
