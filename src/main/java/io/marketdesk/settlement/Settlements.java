package io.marketdesk.settlement;

import io.marketdesk.audit.AuditLog;
import io.marketdesk.text.Language;
import io.marketdesk.config.Config;
import io.marketdesk.identity.Directory;
import io.marketdesk.identity.Provider;
import io.marketdesk.money.Money;
import io.marketdesk.order.OrderStore;
import io.marketdesk.outbox.Mailer;
import io.marketdesk.outbox.OutgoingMail.FileAttachment;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Monthly settlement statements (docs/after-the-sale.md): every provider with orders completed in a
 * month gets one statement, made and mailed (CSV and XLSX attached) in one transaction per provider.
 * The statement row is inserted with {@code ON CONFLICT DO NOTHING} against the unique (provider,
 * month) key: of two runs, even on two instances at once, exactly one makes it and only that one
 * mails. Thread-safe.
 */
public final class Settlements {
  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private final Jdbi jdbi;
  private final Directory directory;
  private final Mailer mailer;
  private final AuditLog audit;
  private final Clock clock;
  private final Config config;
  private final StatementFiles files;
  private final OrderStore orders = new OrderStore();

  public Settlements(Jdbi jdbi, Directory directory, Mailer mailer, AuditLog audit, Clock clock, Config config) {
    this.jdbi = jdbi;
    this.directory = directory;
    this.mailer = mailer;
    this.audit = audit;
    this.clock = clock;
    this.config = config;
    this.files = new StatementFiles(mailer.catalog(), config.zone);
  }

  public StatementFiles files() {
    return files;
  }

  /**
   * The commission percent of a service type: settlement.commission-percent.TYPE when set, else
   * settlement.commission-percent (default 5).
   */
  public BigDecimal rate(String productType) {
    String typed = config.raw("settlement.commission-percent." + productType).trim();
    String base = config.raw("settlement.commission-percent").trim();
    BigDecimal r = new BigDecimal(!typed.isEmpty() ? typed : base.isEmpty() ? "5" : base);
    if (r.signum() < 0 || r.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new IllegalStateException("settlement.commission-percent must be 0 to 100, not " + r);
    }
    return r.stripTrailingZeros().scale() < 0 ? r.setScale(0) : r.stripTrailingZeros();
  }

  /** What a run made: the statements new this time and those that already existed. */
  public record RunResult(List<String> made, List<String> existing) {}

  /** Makes and mails the month's statements; a provider's statement already made is left alone. */
  public RunResult run(YearMonth month) {
    long from = month.atDay(1).atStartOfDay(config.zone).toInstant().toEpochMilli();
    long to = month.plusMonths(1).atDay(1).atStartOfDay(config.zone).toInstant().toEpochMilli();
    List<Long> providers = jdbi.withHandle(h -> orders.providersCompleted(h, from, to));
    List<String> made = new ArrayList<>();
    List<String> existing = new ArrayList<>();
    for (long pid : providers) {
      Optional<String> id = jdbi.inTransaction(h -> makeOne(h, pid, month, from, to));
      Provider p = jdbi.withHandle(h -> directory.provider(h, pid).orElseThrow());
      String sid = Statement.idOf(month.toString(), p.accountId());
      (id.isPresent() ? made : existing).add(sid);
    }
    return new RunResult(made, existing);
  }

  private Optional<String> makeOne(Handle h, long pid, YearMonth month, long from, long to) {
    Provider p = directory.provider(h, pid).orElseThrow();
    List<StatementMath.Input> inputs = orders.completed(h, pid, from, to).stream()
        .map(o -> new StatementMath.Input(o.orderNo(), o.productId(), o.productName(), o.productType(), o.completedAt(),
            o.price(), o.refundedAmount(), rate(o.productType())))
        .toList();
    List<StatementMath.StatementLine> lines = StatementMath.lines(inputs);
    StatementMath.Totals t = StatementMath.totals(lines);
    String id = Statement.idOf(month.toString(), p.accountId());
    long now = clock.millis();
    int n = h.createUpdate("INSERT INTO settlement (id, provider_id, month, status, revision, gross, refunded, commission, net,"
            + " created_at) VALUES (:id, :pid, :month, 'sent', 1, :g, :r, :c, :n, :now) ON CONFLICT DO NOTHING")
        .bind("id", id).bind("pid", pid).bind("month", month.toString()).bind("g", t.gross()).bind("r", t.refunded())
        .bind("c", t.commission()).bind("n", t.net()).bind("now", now).execute();
    if (n == 0) {
      return Optional.empty();
    }
    for (StatementMath.StatementLine l : lines) {
      h.createUpdate("INSERT INTO settlement_line (settlement_id, line, order_no, product_id, product_name, product_type,"
              + " completed_at, price, refunded, rate, commission, net) VALUES (:id, :line, :no, :pid, :name, :type, :at, :price,"
              + " :refunded, :rate, :commission, :net)")
          .bind("id", id).bind("line", l.line()).bind("no", l.orderNo()).bind("pid", l.productId())
          .bind("name", l.productName() == null ? "" : l.productName()).bind("type", l.productType()).bind("at", l.completedAt())
          .bind("price", l.price()).bind("refunded", l.refunded()).bind("rate", l.ratePercent().toPlainString())
          .bind("commission", l.commission()).bind("net", l.net()).execute();
    }
    audit.record(h, "settlement", null, "settlement", id, "made", null, lines.size() + " lines, net " + Money.format(t.net()));
    Statement s = find(h, id).orElseThrow();
    mail(h, p, s, false);
    return Optional.of(id);
  }

  /** Mails the statement with its files to every address of the provider. */
  void mail(Handle h, Provider p, Statement s, boolean revised) {
    String lang = providerLang(h, p.id());
    List<FileAttachment> attachments = List.of(
        new FileAttachment(s.id() + ".csv", "text/csv; charset=UTF-8", files.csv(s, lang)),
        new FileAttachment(s.id() + ".xlsx", XLSX, files.xlsx(s, lang)));
    StatementMail model = new StatementMail(s.id(), s.month(), p.companyName(), p.accountId(), s.lines().size(),
        Money.formatYuan(s.gross()), Money.formatYuan(s.refunded()), Money.formatYuan(s.commission()),
        Money.formatYuan(s.net()),
        rates(s), revised, config.mailAddress);
    for (String address : p.addresses()) {
      mailer.send(h, Language.of(lang), address, "provider-settlement", model, null, null, attachments);
    }
  }

  private static String rates(Statement s) {
    List<String> out = new ArrayList<>();
    for (StatementMath.StatementLine l : s.lines()) {
      String r = l.productType() + " " + l.ratePercent().toPlainString() + "%";
      if (!out.contains(r)) {
        out.add(r);
      }
    }
    return String.join(", ", out);
  }

  /** The model of the statement mail. */
  public record StatementMail(String id, String month, String companyName, String accountId, int lines, String gross,
      String refunded, String commission, String net, String rates, boolean revised, String serviceAddress) {}

  private String providerLang(Handle h, long pid) {
    return orders.providerLanguage(h, pid).orElse("zh");
  }

  public Optional<Statement> find(Handle h, String id) {
    List<StatementMath.StatementLine> lines = h.createQuery("SELECT line, order_no, product_id, product_name, product_type, completed_at,"
            + " price, refunded, rate, commission, net FROM settlement_line WHERE settlement_id = :id ORDER BY line")
        .bind("id", id)
        .map((rs, c) -> new StatementMath.StatementLine(rs.getInt("line"), rs.getString("order_no"), rs.getString("product_id"),
            rs.getString("product_name"), rs.getString("product_type"), rs.getLong("completed_at"), rs.getLong("price"),
            rs.getLong("refunded"), new BigDecimal(rs.getString("rate")), rs.getLong("commission"), rs.getLong("net")))
        .list();
    return h.createQuery("SELECT s.id, s.provider_id, v.account_id, s.month, s.status, s.revision, s.gross, s.refunded,"
            + " s.commission, s.net, s.created_at FROM settlement s JOIN provider v ON v.id = s.provider_id WHERE s.id = :id")
        .bind("id", id)
        .map((rs, c) -> new Statement(rs.getString("id"), rs.getLong("provider_id"), rs.getString("account_id"),
            rs.getString("month"), rs.getString("status"), rs.getInt("revision"), rs.getLong("gross"), rs.getLong("refunded"),
            rs.getLong("commission"), rs.getLong("net"), rs.getLong("created_at"), lines))
        .findFirst();
  }

  /** A provider's statements, newest month first. */
  public List<Statement> ofProvider(Handle h, long providerId) {
    List<Statement> out = new ArrayList<>();
    for (String id : h.createQuery("SELECT id FROM settlement WHERE provider_id = :pid ORDER BY month DESC")
        .bind("pid", providerId).mapTo(String.class).list()) {
      find(h, id).ifPresent(out::add);
    }
    return out;
  }

  /** Confirms a sent statement; true when this call did it. */
  public boolean confirm(Handle h, String id, String by, Long inboundId) {
    int n = h.createUpdate("UPDATE settlement SET status = 'confirmed', confirmed_at = :now WHERE id = :id AND status IN ('sent', 'resolved')")
        .bind("now", clock.millis()).bind("id", id).execute();
    if (n == 1) {
      audit.record(h, by, inboundId, "settlement", id, "confirmed", "sent", "confirmed");
    }
    return n == 1;
  }

  /** The month before the given day, the one whose statements are made on settlement.day. */
  public static YearMonth previousMonth(LocalDate day) {
    return YearMonth.from(day).minusMonths(1);
  }

  public Config config() {
    return config;
  }

  public Jdbi jdbi() {
    return jdbi;
  }
}
