package io.marketdesk.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one scheduler of timed work (the daily digest, order reminders and timeouts), driven by the
 * injected clock. Every tick runs each job; a job makes its own work idempotent, by state
 * transitions or with {@link #once}, so that a restart or a second instance never mails anyone twice.
 * Thread-safe.
 */
public final class Scheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

  /** Timed work. */
  public interface Job {
    String name();

    /** Does what is due at {@code now}. Runs outside any transaction; opens its own. */
    void tick(Instant now);
  }

  private final Jdbi jdbi;
  private final Clock clock;
  private final List<Job> jobs = new CopyOnWriteArrayList<>();
  private ScheduledExecutorService executor;

  public Scheduler(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  public Scheduler add(Job job) {
    jobs.add(job);
    return this;
  }

  /**
   * Claims a run of {@code job} for {@code period} (a date, an order number and a step...) in the
   * caller's transaction: true for exactly one caller ever, across restarts and instances.
   */
  public static boolean once(Handle h, String job, String period, long now) {
    return h.createUpdate("INSERT INTO job_run (job, period, at) VALUES (:j, :p, :at) ON CONFLICT (job, period) DO NOTHING")
            .bind("j", job)
            .bind("p", period)
            .bind("at", now)
            .execute()
        == 1;
  }

  /** Runs every job once, now (the ticker calls this; tests call it after moving the clock). */
  public void tickNow() {
    Instant now = clock.instant();
    for (Job j : jobs) {
      try {
        j.tick(now);
      } catch (RuntimeException e) {
        log.error("job {} failed", j.name(), e);
      }
    }
  }

  public synchronized void start(Duration every) {
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "scheduler");
      t.setDaemon(true);
      return t;
    });
    executor.scheduleWithFixedDelay(this::tickNow, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
