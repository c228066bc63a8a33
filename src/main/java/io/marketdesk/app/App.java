package io.marketdesk.app;

import io.marketdesk.audit.AuditLog;
import io.marketdesk.history.AuditRoles;
import io.marketdesk.calendar.WorkingDayCalendar;
import io.marketdesk.command.CommandParser;
import io.marketdesk.command.CommandRegistry;
import io.marketdesk.command.Keywords;
import io.marketdesk.command.HelpHandler;
import io.marketdesk.config.Config;
import io.marketdesk.config.Config.MailUrl;
import io.marketdesk.confirm.ConfirmHandler;
import io.marketdesk.confirm.Confirmations;
import io.marketdesk.embedded.EmbeddedMailServer;
import io.marketdesk.identity.Directory;
import io.marketdesk.intake.ImapIntake;
import io.marketdesk.intake.InboundStore;
import io.marketdesk.intake.MailGuards;
import io.marketdesk.intake.MailProcessor;
import io.marketdesk.mime.MailReader;
import io.marketdesk.outbox.Mailer;
import io.marketdesk.outbox.Outbox;
import io.marketdesk.outbox.OutboxSender;
import io.marketdesk.schedule.Scheduler;
import io.marketdesk.store.Database;
import io.marketdesk.template.Templates;
import io.marketdesk.token.Tokens;
import io.marketdesk.web.DomainStatus;
import io.marketdesk.web.Metrics;
import io.marketdesk.web.StatusPage;
import io.marketdesk.web.Web;
import io.marketdesk.web.WebModule;
import io.marketdesk.web.WebServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part with its constructor, in one place, and starts and stops
 * them in order. {@code Main} runs it with the loaded configuration; tests run the same app against
 * GreenMail and a temporary database.
 */
public final class App implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(App.class);
  /** The password of every mailbox of the embedded demo server. */
  public static final String DEMO_PASSWORD = "demo";

  private final Config config;
  private final Clock clock;
  private final List<Feature> features;
  private final String instance;
  private EmbeddedMailServer embedded;
  private Database db;
  private Outbox outbox;
  private OutboxSender sender;
  private ImapIntake intake;
  private MailProcessor processor;
  private InboundStore inbound;
  private WebServer web;
  private Scheduler scheduler;
  private Wiring wiring;
  private Metrics metrics;
  private MailUrl imapUrl;
  private MailUrl smtpUrl;

  public App(Config config, Clock clock, List<Feature> features) {
    this.config = config;
    this.clock = clock;
    this.features = List.copyOf(features);
    this.instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Builds and starts everything. */
  public App start() {
    config.warnings.forEach(log::warn);
    if (config.embeddedMail) {
      embedded = new EmbeddedMailServer(config.embeddedSmtpPort, config.embeddedImapPort, config.mailAddress,
          DEMO_PASSWORD, DemoData.mailboxes(config));
      imapUrl = embedded.imapUrl();
      smtpUrl = embedded.smtpUrl();
    } else {
      imapUrl = config.imapUrl;
      smtpUrl = config.smtpUrl;
    }
    db = Database.open(config.dbUrl, config.dbUser, config.dbPassword, config.dbPoolSize);
    Templates templates = new Templates(config.templatesDir);
    Tokens tokens = new Tokens(clock);
    Directory directory = new Directory(clock).addLookup(Directory.buyerLookup());
    AuditLog audit = new AuditLog(clock, (h, address) -> AuditRoles.of(directory.actor(h, address)));
    outbox = new Outbox(db.jdbi(), clock, config.mailDomain(), instance);
    Mailer mailer = new Mailer(templates, outbox, config);
    CommandRegistry registry = new CommandRegistry(new Keywords(templates.catalog()));
    Confirmations confirmations = new Confirmations(tokens, config.tokenTtl);
    scheduler = new Scheduler(db.jdbi(), clock);
    wiring = new Wiring(config, clock, db, templates, tokens, audit, directory, mailer, loadCalendar(config),
        registry, confirmations, scheduler);
    registry.register(new HelpHandler(registry, templates, config.mailAddress));
    registry.register(new ConfirmHandler(confirmations, tokens, registry));
    wiring.demo.add(DemoData.people(config));
    for (Feature f : features) {
      f.wire(wiring);
    }
    inbound = new InboundStore(db.jdbi(), clock);
    MailReader reader = new MailReader(MailReader.Limits.defaults().withMaxAttachmentBytes(config.maxAttachmentBytes));
    processor = new MailProcessor(db.jdbi(), inbound, reader, new CommandParser(registry.specs(), config.maxCommands),
        MailGuards.of(config, mailer, clock), registry, directory, mailer, audit, config, clock, tokens, confirmations);
    if (config.demoData) {
      DemoData.loadOnce(db.jdbi(), wiring.demo, clock);
    }
    sender = new OutboxSender(outbox, smtpUrl, OutboxSender.Settings.of(config, embedded != null), config.mailTls);
    sender.start();
    intake = new ImapIntake(imapUrl, processor, inbound, config.processedFolder, config.idle, intakeCheckInterval(),
        config.idleCheck, config.reconnectMax, config.batchSize, config.maxMessageBytes, clock, config.mailTls);
    metrics = new Metrics(outbox::counts, intake::status, new DomainStatus(db.jdbi(), clock)::reviewCounts);
    processor.onTimedResult(metrics::mailProcessed);
    java.util.Optional.ofNullable(wiring.find(io.marketdesk.intake.OutOfOfficeListener.class)).ifPresent(processor::onOutOfOffice);
    intake.start();
    List<WebModule> modules = new ArrayList<>();
    modules.add(new StatusPage(inbound, outbox, intake::status, sender::connected, db, wiring.status, clock, config.zone));
    modules.add(metrics);
    modules.addAll(wiring.web);
    web = new WebServer(new Web(templates, config.apiToken, config.webBaseUrl), modules).start(config.webHost, config.webPort);
    scheduler.start(Duration.ofMinutes(1));
    log.info("marketdesk started: web on {}:{}, mailbox {}, database {}", config.webHost, web.port(), imapUrl,
        db.dialect());
    return this;
  }

  /**
   * How often the intake checks the mailbox besides IDLE. GreenMail's IDLE now and then misses a
   * mail that lands while IDLE starts (docs/adr/0004), so the embedded server is also checked every
   * 100 ms (cheap on loopback); a real server gets {@code mail.poll-interval}.
   */
  private Duration intakeCheckInterval() {
    Duration often = Duration.ofMillis(100);
    return embedded != null && config.pollInterval.compareTo(often) > 0 ? often : config.pollInterval;
  }

  static WorkingDayCalendar loadCalendar(Config config) {
    try {
      Path dir = Path.of(config.calendarDir.isBlank() ? "config/calendar" : config.calendarDir);
      if (Files.isDirectory(dir)) {
        return WorkingDayCalendar.load(dir);
      }
      if (!config.calendarDir.isBlank()) {
        throw new IllegalStateException("calendar.dir " + dir + " is not a folder");
      }
      List<String> lines = new ArrayList<>();
      for (int year = 2020; year <= 2040; year++) {
        try (InputStream in = App.class.getClassLoader().getResourceAsStream("config/calendar/cn-" + year + ".txt")) {
          if (in != null) {
            lines.addAll(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
          }
        }
      }
      return WorkingDayCalendar.of(lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Config config() {
    return config;
  }

  public Database db() {
    return db;
  }

  public EmbeddedMailServer embedded() {
    return embedded;
  }

  public MailProcessor processor() {
    return processor;
  }

  public InboundStore inbound() {
    return inbound;
  }

  public Outbox outbox() {
    return outbox;
  }

  public OutboxSender sender() {
    return sender;
  }

  public ImapIntake intake() {
    return intake;
  }

  public Scheduler scheduler() {
    return scheduler;
  }

  public Wiring wiring() {
    return wiring;
  }

  public Metrics metrics() {
    return metrics;
  }

  public int webPort() {
    return web.port();
  }

  /** Stops the intake (no new mail), then the sender, the web, the store and the mail server. */
  @Override
  public void close() {
    closeQuietly(scheduler);
    if (intake != null) {
      intake.stop();
    }
    closeQuietly(sender);
    closeQuietly(web);
    closeQuietly(db);
    closeQuietly(embedded);
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      log.warn("closing {}: {}", c.getClass().getSimpleName(), e.toString());
    }
  }
}
