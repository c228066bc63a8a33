package io.marketdesk;

import io.marketdesk.account.AccountFields;
import io.marketdesk.account.Onboarding;
import io.marketdesk.app.App;
import io.marketdesk.audit.AuditChain;
import io.marketdesk.config.Config;
import io.marketdesk.config.ConfigException;
import io.marketdesk.identity.Directory;
import io.marketdesk.identity.Operator;
import io.marketdesk.identity.Provider;
import io.marketdesk.order.OrderImport;
import io.marketdesk.settlement.Settlements;
import io.marketdesk.store.Database;
import io.marketdesk.text.Refusal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine;

/**
 * The command line: {@code run} (the default) starts marketdesk; {@code provider} and {@code operator}
 * onboard people (docs/accounts.md). Every subcommand takes {@code --config FILE}.
 */
@Command(name = "marketdesk", mixinStandardHelpOptions = true, version = "marketdesk 0.1",
    description = "An email-driven back office for a cloud marketplace.",
    subcommands = {Main.Run.class, Main.ProviderCmd.class, Main.OperatorCmd.class, Main.OrdersCmd.class, Main.SettlementCmd.class, Main.AuditCmd.class, Main.Backup.class})
public final class Main implements Callable<Integer> {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Main.class);
  @Option(names = "--config", description = "a properties file read over the defaults", scope = CommandLine.ScopeType.INHERIT)
  Path configFile;

  public static void main(String[] args) {
    int code = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    if (code != 0 || !(args.length == 0 || "run".equals(args[0]) || args[0].startsWith("--config"))) {
      System.exit(code);
    }
  }

  @Override
  public Integer call() {
    return new Run().start(this);
  }

  Config config() {
    return Config.load(configFile, System.getenv(), Map.of());
  }

  /** Starts everything and waits for Ctrl-C. */
  @Command(name = "run", description = "start marketdesk (the default)")
  static final class Run implements Callable<Integer> {
    @ParentCommand Main parent;

    @Override
    public Integer call() {
      return start(parent);
    }

    int start(Main main) {
      Config config;
      try {
        config = main.config();
      } catch (ConfigException e) {
        System.err.println(e.getMessage());
        return 2;
      }
      App app = new App(config, Clock.systemUTC());
      CountDownLatch started = new CountDownLatch(1);
      CountDownLatch stopped = new CountDownLatch(1);
      AtomicBoolean closed = new AtomicBoolean();
      // registered before the start: a SIGTERM while it starts (the intake and the senders already at
      // work) waits for the start to end and then stops gracefully too, instead of ending the JVM at once
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        // SIGTERM or Ctrl-C: the intake finishes its group, each sender its mail in flight (docs/DEPLOY.md)
        try {
          started.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        if (closed.compareAndSet(false, true)) {
          long t0 = System.nanoTime();
          log.info("marketdesk stopping");
          app.close();
          log.info("marketdesk stopped in {} ms", (System.nanoTime() - t0) / 1_000_000);
        }
        stopped.countDown();
      }, "shutdown"));
      try {
        app.start();
      } catch (RuntimeException e) {
        System.err.println("marketdesk could not start: " + e.getMessage());
        closed.set(true);
        app.close();
        return 1;
      } finally {
        started.countDown();
      }
      System.out.println(Banner.text(config, app));
      try {
        stopped.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return 0;
    }
  }

  /** Onboarding of providers. */
  @Command(name = "provider", description = "add or list providers", subcommands = {ProviderAdd.class, ProviderList.class})
  static final class ProviderCmd {}

  @Command(name = "add", description = "add a provider")
  static final class ProviderAdd implements Callable<Integer> {
    @ParentCommand ProviderCmd parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Option(names = "--account-id", required = true, description = "the provider's account ID, 5 to 20 digits") String accountId;
    @Option(names = "--company", required = true, description = "the company name") String company;
    @Option(names = "--email", required = true, split = ",", description = "sender addresses (login accounts)") List<String> emails;
    @Option(names = "--company-address", defaultValue = "") String companyAddress;
    @Option(names = "--credit-code", defaultValue = "") String creditCode;
    @Option(names = "--cs-phone", defaultValue = "") String csPhone;
    @Option(names = "--cs-email", defaultValue = "") String csEmail;
    @Option(names = "--cs-hours", defaultValue = "") String csHours;
    @Option(names = "--contact", defaultValue = "") String contact;
    @Option(names = "--contact-phone", defaultValue = "") String contactPhone;
    @Option(names = "--contact-email", defaultValue = "", description = "the contact email (default: the first --email)")
    String contactEmail;

    @Override
    public Integer call() {
      Main main = (Main) spec.root().userObject();
      Map<AccountFields.Field, String> values = new EnumMap<>(AccountFields.Field.class);
      values.put(AccountFields.Field.COMPANY_NAME, company);
      values.put(AccountFields.Field.COMPANY_ADDRESS, companyAddress);
      values.put(AccountFields.Field.CREDIT_CODE, creditCode);
      values.put(AccountFields.Field.CS_PHONE, csPhone);
      values.put(AccountFields.Field.CS_EMAIL, csEmail);
      values.put(AccountFields.Field.CS_HOURS, csHours);
      values.put(AccountFields.Field.CONTACT_NAME, contact);
      values.put(AccountFields.Field.CONTACT_PHONE, contactPhone);
      values.put(AccountFields.Field.CONTACT_EMAIL, contactEmail.isBlank() ? emails.get(0) : contactEmail);
      return onboard(spec, (onboarding, h) -> onboarding.createProvider(h,
          new Onboarding.ProviderRequest(accountId, values, emails), "cli"));
    }
  }

  /** Runs one onboarding in a transaction and prints what it came to. */
  static int onboard(CommandLine.Model.CommandSpec spec, BiFunction<Onboarding, Handle, Onboarding.Result> onboarding) {
    Main main = (Main) spec.root().userObject();
    try (Database db = open(main)) {
      Onboarding o = core(main, db).account().onboarding();
      Onboarding.Result r = db.jdbi().inTransaction(h -> onboarding.apply(o, h));
      return report(r, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
  }

  /** Prints one line per person that {@code people} reads from the directory. */
  static <T> int list(CommandLine.Model.CommandSpec spec, BiFunction<Directory, Handle, List<T>> people,
      Function<T, String> line) {
    Main main = (Main) spec.root().userObject();
    try (Database db = open(main)) {
      Directory directory = core(main, db).shared().directory();
      PrintWriter out = spec.commandLine().getOut();
      for (T person : db.jdbi().withHandle(h -> people.apply(directory, h))) {
        out.println(line.apply(person));
      }
      out.flush();
      return 0;
    }
  }

  /** Prints what an onboarding came to; 0 when the person exists now, 1 otherwise. */
  static int report(Onboarding.Result r, PrintWriter out, PrintWriter err) {
    int code = 0;
    if (r instanceof Onboarding.Created c) {
      out.println("created " + describe(c.person()));
    } else if (r instanceof Onboarding.Unchanged u) {
      out.println("already registered, unchanged: " + describe(u.person()));
    } else if (r instanceof Onboarding.Rejected j) {
      String kind = j.refusal() instanceof Refusal.BadInput ? "invalid"
          : j.refusal() instanceof Refusal.Conflict ? "conflict" : "refused";
      j.problems().forEach(p -> err.println(kind + ": " + p));
      code = kind.equals("invalid") ? 2 : 1;
    }
    out.flush();
    err.flush();
    return code;
  }

  private static String describe(Object person) {
    if (person instanceof Provider p) {
      return "provider " + p.accountId() + " " + p.companyName() + " " + p.addresses();
    }
    Operator o = (Operator) person;
    return "operator " + o.id() + " " + o.name() + " " + o.addresses();
  }

  @Command(name = "list", description = "list providers")
  static final class ProviderList implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      return list(spec, Directory::providers,
          p -> p.accountId() + "\t" + p.companyName() + "\t" + String.join(",", p.addresses()));
    }
  }

  /** Onboarding of operators. */
  @Command(name = "operator", description = "add or list operators", subcommands = {OperatorAdd.class, OperatorList.class})
  static final class OperatorCmd {}

  @Command(name = "add", description = "add an operator")
  static final class OperatorAdd implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Option(names = "--name", required = true) String name;
    @Option(names = "--email", required = true, split = ",") List<String> emails;

    @Override
    public Integer call() {
      return onboard(spec, (onboarding, h) -> onboarding.createOperator(h, name, emails, "cli"));
    }
  }

  @Command(name = "list", description = "list operators")
  static final class OperatorList implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      return list(spec, Directory::operators, o -> o.id() + "\t" + o.name() + "\t" + String.join(",", o.addresses()));
    }
  }

  /** An online backup of the SQLite store ({@code VACUUM INTO}); PostgreSQL is backed up with pg_dump. */
  @Command(name = "backup", description = "copy the SQLite database, consistent, while marketdesk runs")
  static final class Backup implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Parameters(index = "0", paramLabel = "FILE", description = "the new file (must not exist)") Path file;

    @Override
    public Integer call() {
      Main main = (Main) spec.root().userObject();
      if (Files.exists(file)) {
        System.err.println(file + " already exists");
        return 2;
      }
      try (Database db = open(main)) {
        if (db.dialect() != Database.Dialect.SQLITE) {
          System.err.println("the database is PostgreSQL: back it up with pg_dump (docs/DEPLOY.md)");
          return 2;
        }
        db.jdbi().useHandle(h -> h.createUpdate("VACUUM INTO :file").bind("file", file.toAbsolutePath().toString()).execute());
        System.out.println("backup written to " + file.toAbsolutePath());
        return 0;
      }
    }
  }

  /** The order feed from a file (docs/orders.md). */
  @Command(name = "orders", description = "import orders and payment/cancel events", subcommands = {OrdersImport.class})
  static final class OrdersCmd {}

  @Command(name = "import", description = "import a CSV or JSON file of orders and events (see docs/orders.md)")
  static final class OrdersImport implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Parameters(index = "0", paramLabel = "FILE") Path file;

    @Override
    public Integer call() throws IOException {
      Main main = (Main) spec.root().userObject();
      try (Database db = open(main)) {
        PrintWriter out = spec.commandLine().getOut();
        return new OrderImport(db, core(main, db).order().workflow()).run(file, out) == 0 ? 0 : 1;
      }
    }
  }

  /** Settlement statements (docs/after-the-sale.md). */
  @Command(name = "settlement", description = "settlement statements", subcommands = {SettlementRun.class})
  static final class SettlementCmd {}

  @Command(name = "run", description = "make and mail a month's statements now (never twice for one provider and month)")
  static final class SettlementRun implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Option(names = "--month", required = true, description = "the month, e.g. 2026-11") YearMonth month;

    @Override
    public Integer call() {
      Main main = (Main) spec.root().userObject();
      try (Database db = open(main)) {
        Settlements.RunResult r =
            core(main, db).settlement().settlements().run(month);
        PrintWriter out = spec.commandLine().getOut();
        out.println("settlement " + month + ": " + r.made().size() + " made " + r.made() + ", " + r.existing().size()
            + " already made " + r.existing());
        out.flush();
        return 0;
      }
    }
  }

  /** The audit log's hash chain (docs/history.md). */
  @Command(name = "audit", description = "check the tamper-evident audit log", subcommands = {AuditVerify.class})
  static final class AuditCmd {}

  @Command(name = "verify", description = "seal new entries, check the hash chain, and name the first entry that does not fit"
      + " (exit code 1 when the chain is broken)")
  static final class AuditVerify implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      Main main = (Main) spec.root().userObject();
      try (Database db = open(main)) {
        AuditChain.Verification v = core(main, db).history().chain().verify(db.jdbi(), "cli");
        PrintWriter out = spec.commandLine().getOut();
        if (v.ok()) {
          out.println("audit chain ok: " + v.entries() + " entries");
        } else {
          out.println("audit chain broken at entry #" + v.badSeq() + (v.badId() == null ? "" : " (row id " + v.badId() + ")")
              + ": " + describe(v.problem()) + " (" + v.entries() + " entries checked)");
        }
        out.flush();
        return v.ok() ? 0 : 1;
      }
    }

    private static String describe(AuditChain.Problem p) {
      switch (p) {
        case EDITED:
          return "EDITED, its content differs from what its hash was computed over";
        case REORDERED:
          return "REORDERED, it points back to an entry that comes after it";
        case MISSING_BEFORE:
          return "MISSING_BEFORE, the entry it points back to is not there (deleted)";
        default:
          return "MISSING_AT_END, the chain head names a later entry than the last one there (deleted)";
      }
    }
  }

  /**
   * The app's shared parts and features over this database, as the running app builds them
   * ({@link App#core}), with nothing started: mails a command makes wait in the outbox for a running
   * instance.
   */
  static App.Core core(Main main, Database db) {
    return App.core(main.config(), Clock.systemUTC(), db, "cli");
  }

  static Database open(Main main) {
    Config c = main.config();
    return Database.open(c.dbUrl, c.dbUser, c.dbPassword, 2);
  }
}
