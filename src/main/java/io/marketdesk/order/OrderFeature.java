package io.marketdesk.order;

import io.marketdesk.app.Feature;
import io.marketdesk.app.Wiring;
import io.marketdesk.command.CommandHandler;
import io.marketdesk.command.CommandRegistry;
import io.marketdesk.confirm.Confirmable;
import io.marketdesk.product.ProductLookup;
import io.marketdesk.review.Reviews;

/**
 * Orders (SPEC §4, §8): the order feed API, the provider's and the buyer's commands, the start and
 * done confirmations, the appeal review kind, the timers, the status card and the demo orders.
 * Needs the review feature (and, when present, the product feature) wired before it.
 */
public final class OrderFeature implements Feature {
  @Override
  public void wire(Wiring w) {
    ProductLookup products = w.find(ProductLookup.class) != null ? w.find(ProductLookup.class) : new ProductLookup();
    OrderStore store = new OrderStore();
    OrderWorkflow workflow = new OrderWorkflow(store, products, w.directory, w.mailer, w.audit, w.clock, w.config, w.calendar);
    w.provide(OrderWorkflow.class, workflow);
    Reviews reviews = w.get(Reviews.class);
    reviews.register(new AppealReviewKind(workflow));
    OrderCommands commands = new OrderCommands(workflow, w.confirmations, reviews, w.directory);
    for (CommandHandler h : commands.handlers()) {
      w.commands.register(h);
    }
    // 确定 / confirm and 拒绝 / reject about an order are the buyer's 确认完成 and 验收不通过
    w.commands.yieldWhenAbout(CommandRegistry.Topic.ORDER, "confirm", "order.confirm");
    w.commands.yieldWhenAbout(CommandRegistry.Topic.ORDER, "review.reject", "order.reject");
    for (Confirmable c : commands.confirmables()) {
      w.confirmations.register(c);
    }
    Refunds refunds = new Refunds(workflow, reviews, w.mailer, w.audit, w.clock);
    reviews.register(refunds.reviewKind());
    for (CommandHandler h : refunds.handlers()) {
      w.commands.register(h);
    }
    w.scheduler.add(refunds.timer(w.db.jdbi(), w.mailer.outbox()::wake));
    w.web.add(new OrderApi(w.db.jdbi(), workflow, w.mailer.outbox()));
    w.status.add(new OrderStatusSection(w.db.jdbi(), store));
    w.personal.add(new RefundSection(w.templates.catalog(), w.config.mailAddress, w.config.zone));
    w.scheduler.add(new OrderTimers(w.db.jdbi(), workflow, w.mailer.outbox()::wake));
    w.demo.add(new OrderDemo(w.clock, reviews, w.directory, w.templates.catalog()));
  }
}
