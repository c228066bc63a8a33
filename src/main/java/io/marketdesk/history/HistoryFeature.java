package io.marketdesk.history;

import io.marketdesk.app.Feature;
import io.marketdesk.app.Wiring;
import io.marketdesk.audit.AuditChain;
import io.marketdesk.order.OrderWorkflow;
import io.marketdesk.product.Products;
import io.marketdesk.review.Reviews;
import io.marketdesk.schedule.Scheduler;
import io.marketdesk.web.PageWords;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * History by mail, withdraw and undo (docs/history.md, docs/undo.md): their commands, the timer that
 * seals new audit entries into the hash chain, and the status page's audit section.
 */
public final class HistoryFeature implements Feature {
  /** The undo window when {@code undo.window} is not set. */
  public static final Duration DEFAULT_UNDO_WINDOW = Duration.ofMinutes(10);

  @Override
  public void wire(Wiring w) {
    Reviews reviews = w.get(Reviews.class);
    OrderWorkflow orders = w.get(OrderWorkflow.class);
    Products products = w.get(Products.class);
    for (HistoryHandler.Kind k : HistoryHandler.Kind.values()) {
      w.commands.register(new HistoryHandler(k, w.audit, orders, products.dao(), reviews, w.directory, w.config.zone));
    }
    w.commands.register(new WithdrawHandler(reviews, w.directory, w.config.zone));
    w.commands.register(new UndoHandler(orders, products, undoWindow(w.config.raw("undo.window")), w.config.zone));
    AuditChain chain = new AuditChain(w.clock);
    w.provide(AuditChain.class, chain);
    w.scheduler.add(new Scheduler.Job() {
      @Override
      public String name() {
        return "audit-seal";
      }

      @Override
      public void tick(Instant now) {
        chain.seal(w.db.jdbi());
        // and once a day a full verification, so that the status page always has a recent one
        String day = java.time.LocalDate.ofInstant(now, w.config.zone).toString();
        if (w.db.jdbi().inTransaction(h -> Scheduler.once(h, "audit-verify", day, now.toEpochMilli()))) {
          AuditChain.Verification v = chain.verify(w.db.jdbi(), "timer");
          if (!v.ok()) {
            org.slf4j.LoggerFactory.getLogger(HistoryFeature.class).error(
                "audit chain broken at entry #{} (row id {}): {}; run `audit verify` (docs/history.md)", v.badSeq(), v.badId(),
                v.problem());
          }
        }
      }
    });
    w.personal.add(new AuditSection(w.audit, products.dao(), orders.store(), reviews, w.directory,
        new PageWords(w.templates.catalog(), w.config.mailAddress, w.config.zone)));
    w.status.add(new AuditStatusSection(w.db.jdbi(), chain, w.config.zone));
  }

  /** {@code undo.window}: an ISO-8601 duration ({@code PT10M}) or a number of minutes. */
  static Duration undoWindow(String raw) {
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
