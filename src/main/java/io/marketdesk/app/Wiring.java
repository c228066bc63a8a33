package io.marketdesk.app;

import io.marketdesk.audit.AuditLog;
import io.marketdesk.calendar.WorkingDayCalendar;
import io.marketdesk.command.CommandRegistry;
import io.marketdesk.config.Config;
import io.marketdesk.confirm.Confirmations;
import io.marketdesk.identity.Directory;
import io.marketdesk.outbox.Mailer;
import io.marketdesk.schedule.Scheduler;
import io.marketdesk.store.Database;
import io.marketdesk.template.Templates;
import io.marketdesk.token.Tokens;
import io.marketdesk.feature.StatusContributor;
import io.marketdesk.feature.WebModule;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared parts features are built from, and the lists they add to. Used only while the app is
 * put together, on one thread.
 */
public final class Wiring {
  public final Config config;
  public final Clock clock;
  public final Database db;
  public final Templates templates;
  public final Tokens tokens;
  public final AuditLog audit;
  public final Directory directory;
  public final Mailer mailer;
  public final WorkingDayCalendar calendar;
  public final CommandRegistry commands;
  public final Confirmations confirmations;
  public final Scheduler scheduler;
  public final List<WebModule> web = new ArrayList<>();
  public final List<StatusContributor> status = new ArrayList<>();
  /** Parts of the personal page that features contribute (refunds, statements), in wiring order. */
  public final List<io.marketdesk.feature.PersonalSection> personal = new ArrayList<>();
  /** Demo data loaders, run once in one transaction in this order when demo.data is on. */
  public final List<DemoData.Loader> demo = new ArrayList<>();
  /** Services one feature offers another (the review workflow, the product store...), by type. */
  private final Map<Class<?>, Object> services = new HashMap<>();

  Wiring(Config config, Clock clock, Database db, Templates templates, Tokens tokens, AuditLog audit, Directory directory,
      Mailer mailer, WorkingDayCalendar calendar, CommandRegistry commands, Confirmations confirmations, Scheduler scheduler) {
    this.config = config;
    this.clock = clock;
    this.db = db;
    this.templates = templates;
    this.tokens = tokens;
    this.audit = audit;
    this.directory = directory;
    this.mailer = mailer;
    this.calendar = calendar;
    this.commands = commands;
    this.confirmations = confirmations;
    this.scheduler = scheduler;
  }

  public <T> void provide(Class<T> type, T service) {
    if (services.putIfAbsent(type, service) != null) {
      throw new IllegalStateException(type.getSimpleName() + " provided twice");
    }
  }

  /** A service an earlier feature provided; features are wired in the order the app lists them. */
  public <T> T get(Class<T> type) {
    Object s = services.get(type);
    if (s == null) {
      throw new IllegalStateException(type.getSimpleName() + " is not provided (feature order?)");
    }
    return type.cast(s);
  }

  public <T> T find(Class<T> type) {
    return type.cast(services.get(type));
  }
}
