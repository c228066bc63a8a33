package io.marketdesk.history;

import io.marketdesk.config.Config;
import io.marketdesk.audit.AuditChain;
import io.marketdesk.feature.Contribution;
import io.marketdesk.feature.PageWords;
import io.marketdesk.feature.Shared;
import io.marketdesk.order.OrderWorkflow;
import io.marketdesk.product.ProductWorkflow;
import io.marketdesk.review.Reviews;
import io.marketdesk.schedule.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * History by mail, withdraw and undo (docs/history.md, docs/undo.md): their commands, the timer that
 * seals new audit entries into the hash chain, and the status page's audit section. Offers the
 * {@link #chain}.
 */
public record HistoryFeature(AuditChain chain, Contribution contribution) {
  /** The undo window when {@code undo.window} is not set. */
  public static final Duration DEFAULT_UNDO_WINDOW = Duration.ofMinutes(10);

  public static HistoryFeature build(Shared w, Reviews reviews, OrderWorkflow orders, ProductWorkflow products) {
    Contribution.Builder adds = Contribution.builder();
    for (HistoryHandler.Kind k : HistoryHandler.Kind.values()) {
      adds.command(new HistoryHandler(k, w.audit(), orders, products.dao(), reviews, w.directory(), w.config().zone));
    }
    adds.command(new WithdrawHandler(reviews, w.directory(), w.config().zone));
    adds.command(new UndoHandler(orders, products, undoWindow(w.config().raw("undo.window")), w.config().zone));
    AuditChain chain = new AuditChain(w.clock());
    adds.job(new Scheduler.Job() {
      @Override
      public String name() {
        return "audit-seal";
      }

      @Override
      public void tick(Instant now) {
        chain.seal(w.jdbi());
        // and once a day a full verification, so that the status page always has a recent one
        String day = LocalDate.ofInstant(now, w.config().zone).toString();
        if (w.jdbi().inTransaction(h -> Scheduler.once(h, "audit-verify", day, now.toEpochMilli()))) {
          AuditChain.Verification v = chain.verify(w.jdbi(), "timer");
          if (!v.ok()) {
            org.slf4j.LoggerFactory.getLogger(HistoryFeature.class).error(
                "audit chain broken at entry #{} (row id {}): {}; run `audit verify` (docs/history.md)", v.badSeq(), v.badId(),
                v.problem());
          }
        }
      }
    });
    adds.personal(new AuditSection(w.audit(), products.dao(), orders.store(), reviews, w.directory(),
        new PageWords(w.templates().catalog(), w.config().mailAddress, w.config().zone)));
    adds.status(new AuditStatusSection(w.jdbi(), chain, w.config().zone));
    return new HistoryFeature(chain, adds.build());
  }

  /** The undo window in whole minutes (at least 1), as help and the welcome mail say it. */
  public static long undoMinutes(Config config) {
    return Math.max(1, undoWindow(config.raw("undo.window")).toMinutes());
  }

  /** {@code undo.window}: an ISO-8601 duration ({@code PT10M}) or a number of minutes. */
  public static Duration undoWindow(String raw) {
    String s = raw == null ? "" : raw.strip();
    if (s.isEmpty()) {
      return DEFAULT_UNDO_WINDOW;
    }
    if (s.matches("\\d{1,6}")) {
      return Duration.ofMinutes(Long.parseLong(s));
    }
    try {
      return Duration.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("undo.window: not a duration (PT10M) or minutes: " + s, e);
    }
  }
}
