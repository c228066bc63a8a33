package io.marketdesk.web;

import io.marketdesk.text.Dates;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.marketdesk.feature.StatusContributor;
import io.marketdesk.feature.Web;
import io.marketdesk.feature.WebModule;
import io.marketdesk.intake.ImapIntake;
import io.marketdesk.intake.InboundStore;
import io.marketdesk.mime.MailFormatException;
import io.marketdesk.outbox.Outbox;
import io.marketdesk.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /} the public status page (docs/web.md): intake, outbox, and what the features contribute
 * (reviews, orders, products), with a chart of mails per hour over 24 hours drawn as SVG on the
 * server. Counts only, no personal data. Also {@code /health}.
 */
public final class StatusPage implements WebModule {
  private final InboundStore inbound;
  private final Outbox outbox;
  private final Supplier<ImapIntake.Status> intake;
  private final Supplier<Boolean> smtpConnected;
  private final Database db;
  private final List<StatusContributor> contributors;
  private final Supplier<List<Long>> openReviewDues;
  private final Clock clock;
  private final ZoneId zone;

  public StatusPage(InboundStore inbound, Outbox outbox, Supplier<ImapIntake.Status> intake,
      Supplier<Boolean> smtpConnected, Database db, List<StatusContributor> contributors,
      Supplier<List<Long>> openReviewDues, Clock clock, ZoneId zone) {
    this.openReviewDues = openReviewDues;
    this.inbound = inbound;
    this.outbox = outbox;
    this.intake = intake;
    this.smtpConnected = smtpConnected;
    this.db = db;
    this.contributors = contributors;
    this.clock = clock;
    this.zone = zone;
  }

  /** The page model. */
  public record Model(String lang, String now, Intake intake, Outbox.Counts outbox, List<StatusContributor.Section> sections,
      Chart chart, DueChart dueChart, List<FailureView> failures, String outboxError) {}

  /** Open reviews by due date: an overdue bar, one bar per day for the next days, and a later bar. */
  public record DueChart(int width, int height, long max, long total, List<DueBar> bars) {}

  /** One bar of the due-date chart; {@code overdue} bars are drawn in the warning colour. */
  /** A bar of the due chart: its label is a date, or a message-catalog key for "overdue" and "later". */
  public record DueBar(int x, int y, int w, int h, String label, String labelKey, long count, boolean overdue) {}

  /** The intake part. */
  public record Intake(boolean connected, String mode, String lastCheck, long today, long processed, long failed,
      long ignored, long waiting, String lastError) {}

  /**
   * A failed mail without personal data or exception text: {@code reason} is a {@link
   * io.marketdesk.mime.MailFormatException.Reason#code()} for a mail over a reading limit, else
   * {@code error}; the page names it in words.
   */
  public record FailureView(long id, String at, String reason) {}

  /** Bars of the per-hour chart, in SVG coordinates. */
  public record Chart(int width, int height, int max, List<Bar> bars) {}

  /** One bar: position, size, hour label, count. */
  public record Bar(int x, int y, int w, int h, String label, long count, boolean labelled) {}

  @Override
  public void routes(Javalin app, Web web) {
    app.get("/", ctx -> web.page(ctx, "status", model(Web.lang(ctx))));
    app.get("/health", this::health);
    app.get("/api/status", ctx -> ctx.json(model("en")), Web.Access.PUBLIC);
  }

  private void health(Context ctx) {
    boolean dbOk = db.reachable();
    ImapIntake.Status s = intake.get();
    Map<String, Object> body = new HashMap<>();
    body.put("database", dbOk ? "up" : "down");
    body.put("mailbox", s.connected() ? "up" : "down");
    body.put("mode", s.mode());
    body.put("status", dbOk && s.connected() ? "up" : "down");
    ctx.status(dbOk && s.connected() ? 200 : 503).json(body);
  }

  public Model model(String lang) {
    long now = clock.millis();
    ZonedDateTime today = ZonedDateTime.ofInstant(Instant.ofEpochMilli(now), zone).toLocalDate().atStartOfDay(zone);
    InboundStore.Counts c = inbound.counts(today.toInstant().toEpochMilli());
    ImapIntake.Status s = intake.get();
    DateTimeFormatter fmt = Dates.SECOND.withZone(zone);
    Intake in = new Intake(s.connected(), s.mode(), s.lastCheck() == 0 ? "-" : fmt.format(Instant.ofEpochMilli(s.lastCheck())),
        c.today(), c.processed(), c.failed(), c.ignored(), c.waiting(), s.lastError() == null ? "" : withoutAddresses(s.lastError()));
    List<StatusContributor.Section> sections = new ArrayList<>();
    for (StatusContributor sc : contributors) {
      sections.addAll(sc.sections());
    }
    List<FailureView> failures = new ArrayList<>();
    for (InboundStore.Failure f : inbound.recentFailures(10)) {
      MailFormatException.Reason reason = MailFormatException.Reason.ofStored(f.error());
      failures.add(new FailureView(f.id(), fmt.format(Instant.ofEpochMilli(f.receivedAt())),
          reason == null ? "error" : reason.code()));
    }
    return new Model(lang, fmt.format(Instant.ofEpochMilli(now)), in, outbox.counts(), sections, chart(now),
        dueChart(now, lang), failures, withoutAddresses(outbox.lastFailure().orElse("")));
  }

  private static final int DUE_DAYS = 10;

  /** The status page is public: any mail address in an error text is replaced. */
  static String withoutAddresses(String text) {
    return text == null ? "" : text.replaceAll("[\\w.+-]+@[\\w.-]+", "<address>");
  }

  private DueChart dueChart(long now, String lang) {
    List<Long> dues = openReviewDues.get();
    LocalDate today = Instant.ofEpochMilli(now).atZone(zone).toLocalDate();
    long[] counts = new long[DUE_DAYS + 2];
    for (long due : dues) {
      if (due <= now) {
        counts[0]++;
        continue;
      }
      long days = java.time.temporal.ChronoUnit.DAYS.between(today, Instant.ofEpochMilli(due - 1).atZone(zone).toLocalDate());
      counts[(int) Math.min(DUE_DAYS + 1, Math.max(1, days + 1))]++;
    }
    long max = 1;
    for (long c : counts) {
      max = Math.max(max, c);
    }
    int width = 720;
    int height = 160;
    int bw = width / counts.length;
    DateTimeFormatter md = DateTimeFormatter.ofPattern("MM-dd");
    List<DueBar> bars = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      String label = i == 0 ? "" : i == counts.length - 1 ? "" : md.format(today.plusDays(i - 1));
      String labelKey = i == 0 ? "status-page.due.overdue" : i == counts.length - 1 ? "status-page.due.later" : "";
      int h = (int) Math.round((height - 44) * (double) counts[i] / max);
      bars.add(new DueBar(i * bw + 3, height - 20 - h, bw - 6, h, label, labelKey, counts[i], i == 0));
    }
    return new DueChart(width, height, max, dues.size(), bars);
  }

  private Chart chart(long now) {
    long hour = 3_600_000L;
    long end = (now / hour) * hour;
    long start = end - 23 * hour;
    Map<Long, Long> counts = new HashMap<>();
    for (long[] row : inbound.perHour(start)) {
      counts.put(row[0], row[1]);
    }
    long max = 1;
    for (long v : counts.values()) {
      max = Math.max(max, v);
    }
    int width = 720;
    int height = 160;
    int bw = width / 24;
    List<Bar> bars = new ArrayList<>();
    DateTimeFormatter hh = DateTimeFormatter.ofPattern("HH").withZone(zone);
    for (int i = 0; i < 24; i++) {
      long t = start + i * hour;
      long v = counts.getOrDefault(t, 0L);
      int h = (int) Math.round((height - 20) * (double) v / max);
      bars.add(new Bar(i * bw + 2, height - 20 - h, bw - 4, h, hh.format(Instant.ofEpochMilli(t)), v, i % 3 == 0));
    }
    return new Chart(width, height, (int) max, bars);
  }
}
