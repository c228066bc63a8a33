package io.marketdesk.web;

import io.javalin.Javalin;
import io.marketdesk.feature.Web;
import io.marketdesk.feature.WebModule;
import io.marketdesk.intake.ImapIntake;
import io.marketdesk.intake.MailProcessor;
import io.marketdesk.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * {@code /metrics} in the Prometheus text format, kept with Micrometer (docs/adr): mails received,
 * processed and failed, the processing time as a histogram, the outbox (waiting, retrying, failed),
 * reviews open and overdue, and whether the mailbox is connected; plus the JVM basics. Gauges read the
 * database when scraped, at most once a second. Thread-safe.
 */
public final class Metrics implements WebModule {
  private static final long CACHE_MILLIS = 1000;
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Counter received;
  private final Counter replied;
  private final Counter ignored;
  private final Counter failed;
  private final Timer processing;
  private final Cached<Outbox.Counts> outbox;
  private final Cached<DomainStatus.ReviewCounts> reviews;

  public Metrics(Supplier<Outbox.Counts> outboxCounts, Supplier<ImapIntake.Status> intake,
      Supplier<DomainStatus.ReviewCounts> reviewCounts) {
    received = Counter.builder("marketdesk.mails.received").description("Mails taken from the mailbox and acted on")
        .register(registry);
    replied = Counter.builder("marketdesk.mails.processed").description("Mails processed, by result")
        .tag("result", "replied").register(registry);
    ignored = Counter.builder("marketdesk.mails.processed").description("Mails processed, by result")
        .tag("result", "ignored").register(registry);
    failed = Counter.builder("marketdesk.mails.failed").description("Mails that failed and were kept with the error")
        .register(registry);
    processing = Timer.builder("marketdesk.mail.processing").description("Time to process one mail")
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(60))
        .register(registry);
    outbox = new Cached<>(outboxCounts);
    reviews = new Cached<>(reviewCounts);
    Gauge.builder("marketdesk.outbox.waiting", outbox, c -> c.get().waiting()).description("Outgoing mails not yet tried")
        .strongReference(true).register(registry);
    Gauge.builder("marketdesk.outbox.retrying", outbox, c -> c.get().retrying()).description("Outgoing mails being retried")
        .strongReference(true).register(registry);
    Gauge.builder("marketdesk.outbox.failed", outbox, c -> c.get().failed()).description("Outgoing mails that failed for good")
        .strongReference(true).register(registry);
    Gauge.builder("marketdesk.reviews.open", reviews, c -> c.get().open()).description("Open reviews").strongReference(true).register(registry);
    Gauge.builder("marketdesk.reviews.overdue", reviews, c -> c.get().overdue()).description("Open reviews past their due date")
        .strongReference(true).register(registry);
    Gauge.builder("marketdesk.mailbox.connected", intake, s -> s.get().connected() ? 1 : 0)
        .description("1 when the IMAP mailbox is connected").strongReference(true).register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** Counts one processed mail (hook: {@link MailProcessor#onTimedResult}). */
  public void mailProcessed(MailProcessor.Result result, Duration took) {
    if (result == MailProcessor.Result.ALREADY_DONE) {
      return;
    }
    received.increment();
    processing.record(took);
    switch (result) {
      case REPLIED:
        replied.increment();
        break;
      case IGNORED:
        ignored.increment();
        break;
      default:
        failed.increment();
        break;
    }
  }

  /** The registry, for more meters. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void routes(Javalin app, Web web) {
    app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(scrape()));
  }

  /** A value read at most once a second. */
  private static final class Cached<T> {
    private final Supplier<T> source;
    private T value;
    private long at;

    Cached(Supplier<T> source) {
      this.source = source;
    }

    synchronized T get() {
      long now = System.nanoTime() / 1_000_000;
      if (value == null || now - at >= CACHE_MILLIS) {
        value = source.get();
        at = now;
      }
      return value;
    }
  }
}
