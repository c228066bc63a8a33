package io.marketdesk.preference;

import io.marketdesk.app.Feature;
import io.marketdesk.app.Wiring;
import io.marketdesk.command.CommandHandler;

/**
 * Preferences (docs/preferences.md): the {@code 设置 / settings} commands, the notice policy every
 * notice goes through (language, order mails instant/daily/off, the why-you-got-this footer), and
 * the daily summary of held order notices.
 */
public final class PreferenceFeature implements Feature {
  @Override
  public void wire(Wiring w) {
    PreferenceStore store = new PreferenceStore();
    w.provide(PreferenceStore.class, store);
    w.mailer.usePolicy(new Preferences(store, w.directory, w.templates.catalog(), w.clock));
    for (CommandHandler h : new SettingsCommands(store).handlers()) {
      w.commands.register(h);
    }
    w.scheduler.add(new DailyOrderMail(w.db.jdbi(), w.mailer, w.config.zone, w.config.digestHour));
  }
}
