package io.marketdesk.app;

import io.marketdesk.account.AccountFeature;
import io.marketdesk.audit.AuditLog;
import io.marketdesk.calendar.WorkingDayCalendar;
import io.marketdesk.command.CommandParser;
import io.marketdesk.command.CommandRegistry;
import io.marketdesk.command.HelpHandler;
import io.marketdesk.command.Keywords;
import io.marketdesk.config.Config;
import io.marketdesk.config.Config.MailUrl;
import io.marketdesk.confirm.ConfirmHandler;
import io.marketdesk.confirm.Confirmations;
import io.marketdesk.embedded.EmbeddedMailServer;
import io.marketdesk.export.ExportFeature;
import io.marketdesk.feature.Contribution;
import io.marketdesk.feature.DemoData;
import io.marketdesk.feature.Shared;
import io.marketdesk.feature.Web;
import io.marketdesk.feature.WebModule;
import io.marketdesk.history.AuditRoles;
import io.marketdesk.history.HistoryFeature;
import io.marketdesk.identity.Directory;
import io.marketdesk.intake.ImapIntake;
import io.marketdesk.intake.InboundStore;
import io.marketdesk.intake.MailGuards;
import io.marketdesk.intake.MailProcessor;
import io.marketdesk.login.LoginFeature;
import io.marketdesk.mime.MailReader;
import io.marketdesk.order.OrderFeature;
import io.marketdesk.outbox.Mailer;
import io.marketdesk.outbox.Outbox;
import io.marketdesk.outbox.OutboxSender;
import io.marketdesk.preference.PreferenceFeature;
import io.marketdesk.pricing.PricingFeature;
import io.marketdesk.product.ProductFeature;
import io.marketdesk.product.ProductLookup;
import io.marketdesk.review.ReviewFeature;
import io.marketdesk.review.Reviews;
import io.marketdesk.schedule.Scheduler;
import io.marketdesk.settlement.SettlementFeature;
import io.marketdesk.store.Database;
import io.marketdesk.team.TeamFeature;
import io.marketdesk.template.Templates;
import io.marketdesk.token.Tokens;
import io.marketdesk.web.DomainStatus;
import io.marketdesk.web.Metrics;
import io.marketdesk.web.StatusPage;
import io.marketdesk.web.WebFeature;
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
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part with its constructor, in one place, and starts and stops
 * them in order. {@link #core} builds the shared parts and the features without starting anything
 * (the command line uses it alone); {@link #start} adds the mail server, the intake, the sender, the
 * web and the timers. {@code Main} runs it with the loaded configuration; tests run the same app
 * against GreenMail and a temporary database.
 */
public final class App implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(App.class);
  /** The password of every mailbox of the embedded demo server. */
  public static final String DEMO_PASSWORD = "demo";

  private final Config config;
  private final Clock clock;
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
  private Core core;
  private Metrics metrics;
  private MailUrl imapUrl;
  private MailUrl smtpUrl;

  public App(Config config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Builds and starts everything. */
  public App start() {
    config.warnings.forEach(log::warn);
    if (config.embeddedMail) {
      embedded = new EmbeddedMailServer(config.embeddedSmtpPort, config.embeddedImapPort, config.mailAddress,
          DEMO_PASSWORD, demoMailboxes());
      imapUrl = embedded.imapUrl();
      smtpUrl = embedded.smtpUrl();
    } else {
      imapUrl = config.imapUrl;
      smtpUrl = config.smtpUrl;
    }
    db = Database.open(config.dbUrl, config.dbUser, config.dbPassword, config.dbPoolSize);
    core = core(config, clock, db, instance);
    outbox = core.outbox();
    scheduler = core.scheduler();
    Templates templates = core.shared().templates();
    Tokens tokens = core.shared().tokens();
    Directory directory = core.shared().directory();
    AuditLog audit = core.shared().audit();
    Mailer mailer = core.shared().mailer();
    CommandRegistry registry = core.shared().commands();
    Confirmations confirmations = core.shared().confirmations();
    inbound = new InboundStore(db.jdbi(), clock);
    MailReader reader = new MailReader(MailReader.Limits.defaults().withMaxAttachmentBytes(config.maxAttachmentBytes));
    processor = new MailProcessor(db.jdbi(), inbound, reader, new CommandParser(registry.specs(), config.maxCommands),
        MailGuards.of(config, mailer, clock), registry, directory, mailer, audit, config, clock, tokens, confirmations);
    if (config.demoData) {
      loadDemoOnce(db.jdbi(), core.contribution().demo(), clock);
    }
    sender = new OutboxSender(outbox, smtpUrl, OutboxSender.Settings.of(config, embedded != null), config.mailTls);
    sender.start();
    intake = new ImapIntake(imapUrl, processor, inbound, config.processedFolder, config.idle, intakeCheckInterval(),
        config.idleCheck, config.reconnectMax, config.batchSize, config.maxMessageBytes, clock, config.mailTls);
    Reviews reviews = core.review().reviews();
    metrics = new Metrics(outbox::counts, intake::status, new DomainStatus(db.jdbi(), reviews, clock)::reviewCounts);
    processor.onTimedResult(metrics::mailProcessed);
    processor.onOutOfOffice(core.review().outOfOffice());
    intake.start();
    List<WebModule> modules = new ArrayList<>();
    modules.add(new StatusPage(inbound, outbox, intake::status, sender::connected, db, core.contribution().status(),
        () -> db.jdbi().withHandle(reviews::openDueTimes), clock, config.zone));
    modules.add(metrics);
    modules.addAll(core.contribution().web());
    web = new WebServer(new Web(templates, config.apiToken, config.webBaseUrl), modules).start(config.webHost, config.webPort);
    scheduler.start(Duration.ofMinutes(1));
    log.info("marketdesk started: web on {}:{}, mailbox {}, database {}", config.webHost, web.port(), imapUrl,
        db.dialect());
    return this;
  }

  /**
   * The shared parts and the features, put together: what {@link #core} builds. The features are
   * named one by one so that a caller (the command line, a test) takes the service it needs by name.
   */
  public record Core(Shared shared, Database db, Outbox outbox, Scheduler scheduler, ReviewFeature review,
      AccountFeature account, ProductFeature product, OrderFeature order, SettlementFeature settlement,
      HistoryFeature history, LoginFeature login, TeamFeature team, PreferenceFeature preference,
      Contribution contribution) {}

  /**
   * Builds the shared parts and every feature over an open database, and installs what the features
   * contribute (commands, confirmations, gates, jobs), without starting anything: no mail server, no
   * web, no thread. Each feature gets the services of those built before it by name; their order is
   * the order of the help mail, the status page, the jobs and the demo data. {@code instance} names
   * this process in the outbox's claims.
   */
  public static Core core(Config config, Clock clock, Database db, String instance) {
    Templates templates = new Templates(config.templatesDir);
    Tokens tokens = new Tokens(clock);
    Directory directory = new Directory(clock);
    AuditLog audit = new AuditLog(clock, (h, address) -> AuditRoles.of(directory.actor(h, address)));
    Outbox outbox = new Outbox(db.jdbi(), clock, config.mailDomain(), instance);
    Mailer mailer = new Mailer(templates, outbox, config);
    CommandRegistry registry = new CommandRegistry(new Keywords(templates.catalog()));
    Confirmations confirmations = new Confirmations(tokens, config.tokenTtl);
    Scheduler scheduler = new Scheduler(db.jdbi(), clock);
    Shared shared = new Shared(config, clock, db.jdbi(), templates, tokens, audit, directory, mailer, loadCalendar(config),
        registry, confirmations);
    registry.register(new HelpHandler(registry, templates, config.mailAddress, HistoryFeature.undoMinutes(config)));
    registry.register(new ConfirmHandler(confirmations, tokens));

    ReviewFeature review = ReviewFeature.build(shared);
    AccountFeature account = AccountFeature.build(shared, review.reviews());
    ProductFeature product = ProductFeature.build(shared, review.reviews());
    OrderFeature order = OrderFeature.build(shared, review.reviews(), new ProductLookup());
    SettlementFeature settlement = SettlementFeature.build(shared, review.reviews());
    Contribution exports = ExportFeature.build(shared);
    Contribution pricing = PricingFeature.build(shared, review.reviews());
    HistoryFeature history = HistoryFeature.build(shared, review.reviews(), order.workflow(), product.products());
    LoginFeature login = LoginFeature.build(shared);
    TeamFeature team = TeamFeature.build(shared);
    PreferenceFeature preference = PreferenceFeature.build(shared);
    List<Contribution> parts = new ArrayList<>(List.of(
        Contribution.builder().demo(DemoData.people()).build(),
        review.contribution(), account.contribution(), product.contribution(), order.contribution(),
        settlement.contribution(), exports, pricing, history.contribution(), login.contribution(), team.contribution(),
        preference.contribution()));
    parts.add(WebFeature.build(shared, login.sessions(), Contribution.concat(parts).personal()));
    Contribution all = Contribution.concat(parts);

    all.commands().forEach(registry::register);
    all.gates().forEach(registry::addGate);
    all.confirmables().forEach(confirmations::register);
    all.jobs().forEach(scheduler::add);
    return new Core(shared, db, outbox, scheduler, review, account, product, order, settlement, history, login, team,
        preference, all);
  }

  /** The mailboxes of the embedded server: every demo person ({@link DemoData}), password {@code demo}. */
  public static List<EmbeddedMailServer.User> demoMailboxes() {
    return List.of(
        new EmbeddedMailServer.User(DemoData.OPERATOR, DEMO_PASSWORD),
        new EmbeddedMailServer.User(DemoData.ALICE, DEMO_PASSWORD),
        new EmbeddedMailServer.User(DemoData.BOB, DEMO_PASSWORD),
        new EmbeddedMailServer.User(DemoData.BUYER, DEMO_PASSWORD));
  }

  /** Runs the demo loaders once, ever, in one transaction: a marker row makes a restart skip them. */
  private static void loadDemoOnce(Jdbi jdbi, List<DemoData.Loader> loaders, Clock clock) {
    boolean loaded = jdbi.inTransaction(h -> {
      int claimed = h.createUpdate("INSERT INTO kv (k, v) VALUES ('demo.loaded', :v) ON CONFLICT (k) DO NOTHING")
          .bind("v", String.valueOf(clock.millis()))
          .execute();
      if (claimed == 0) {
        return false;
      }
      for (DemoData.Loader l : loaders) {
        l.load(h);
      }
      return true;
    });
    log.info(loaded ? "demo data loaded" : "demo data already loaded; not loaded again");
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

  /** The shared parts and the features of the started app. */
  public Core core() {
    return core;
  }

  public Metrics metrics() {
    return metrics;
  }

  public int webPort() {
    return web.port();
  }

  /** Every route the web server has, as added by the features and the app. */
  public List<WebServer.Route> webRoutes() {
    return web.routes();
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
