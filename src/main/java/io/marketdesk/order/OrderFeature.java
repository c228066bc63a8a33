package io.marketdesk.order;

import io.marketdesk.feature.Contribution;
import io.marketdesk.feature.Shared;
import io.marketdesk.command.CommandRegistry;
import io.marketdesk.product.ProductLookup;
import io.marketdesk.review.Reviews;
import io.marketdesk.feature.PageWords;

/**
 * Orders (docs/orders.md, docs/web.md): the order feed API, the provider's and the buyer's commands, the start and
 * done confirmations, the appeal and refund review kinds, the timers, the status card, the refunds
 * of the personal page and the demo orders. Offers {@link #workflow}, which the command line's
 * import uses too.
 */
public record OrderFeature(OrderWorkflow workflow, Contribution contribution) {
  public static OrderFeature build(Shared s, Reviews reviews, ProductLookup products) {
    OrderStore store = new OrderStore();
    s.directory().addLookup(new BuyerRoles(store));
    OrderWorkflow workflow = new OrderWorkflow(store, products, s.directory(), s.mailer(), s.audit(), s.clock(), s.config(),
        s.calendar());
    reviews.register(new AppealReviewKind(workflow));
    OrderCommands commands = new OrderCommands(workflow, s.confirmations(), reviews, s.directory());
    // 确定 / confirm and 拒绝 / reject about an order are the buyer's 确认完成 and 验收不通过
    s.commands().yieldWhenAbout(CommandRegistry.Topic.ORDER, "confirm", "order.confirm");
    s.commands().yieldWhenAbout(CommandRegistry.Topic.ORDER, "review.reject", "order.reject");
    Refunds refunds = new Refunds(workflow, reviews, s.mailer());
    reviews.register(refunds.reviewKind());
    return new OrderFeature(workflow, Contribution.builder()
        .commands(commands.handlers())
        .confirmables(commands.confirmables())
        .commands(refunds.handlers())
        .job(refunds.timer(s.jdbi()))
        .web(new OrderApi(s.jdbi(), workflow))
        .status(new OrderStatusSection(s.jdbi(), store))
        .personal(new OrderSection(store, reviews, s.directory(), new PageWords(s.templates().catalog(), s.config().mailAddress, s.config().zone)))
        .personal(new RefundSection(s.templates().catalog(), s.config().mailAddress, s.config().zone))
        .job(new OrderTimers(s.jdbi(), workflow))
        .demo(new OrderDemo(s.clock(), reviews, s.directory(), s.templates().catalog()))
        .build());
  }
}
