package io.marketdesk.order;

import io.marketdesk.schedule.Scheduler;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order timers (docs/orders.md): the automatic reminder to the buyer after orders.remind-after working
 * days awaiting confirmation, auto-confirm after orders.auto-confirm-after days, and the start
 * deadline of paid ops orders (reminders to the provider, then cancellation with a refund flag).
 * Each order is handled in its own transaction, and each mail is tied to a state transition or a
 * {@link Scheduler#once} claim in that same transaction: a restart, a second tick or a second
 * instance never mails anyone twice. Thread-safe.
 */
final class OrderTimers implements Scheduler.Job {
  private static final Logger log = LoggerFactory.getLogger(OrderTimers.class);
  private final Jdbi jdbi;
  private final OrderWorkflow workflow;

  OrderTimers(Jdbi jdbi, OrderWorkflow workflow) {
    this.jdbi = jdbi;
    this.workflow = workflow;
  }

  @Override
  public String name() {
    return "orders";
  }

  @Override
  public void tick(Instant now) {
    long t = now.toEpochMilli();
    for (Order o : jdbi.withHandle(h -> workflow.store().byStatus(h, OrderStatus.AWAITING_CONFIRMATION))) {
      run(o.orderNo(), () -> jdbi.useTransaction(h -> workflow.find(h, o.orderNo()).ifPresent(fresh -> {
        if (!workflow.autoConfirm(h, fresh, t)) {
          workflow.autoRemind(h, fresh, t);
        }
      })));
    }
    for (Order o : jdbi.withHandle(h -> workflow.store().byStatus(h, OrderStatus.PAID))) {
      run(o.orderNo(), () -> jdbi.useTransaction(h -> workflow.find(h, o.orderNo()).ifPresent(fresh -> workflow.startTimer(h, fresh, t))));
    }
  }

  private static void run(String orderNo, Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      log.error("order timer on {} failed; it is tried again on the next tick", orderNo, e);
    }
  }
}
