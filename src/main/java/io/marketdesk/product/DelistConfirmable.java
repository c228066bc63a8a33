package io.marketdesk.product;

import io.marketdesk.command.CommandContext;
import io.marketdesk.command.Outcome;
import io.marketdesk.confirm.Confirmable;

/**
 * The confirmed half of 下架商品: checks again that the product is the confirming provider's and
 * still listed (time passes between question and answer), then delists it.
 */
final class DelistConfirmable implements Confirmable {
  private final ProductWorkflow products;

  DelistConfirmable(ProductWorkflow products) {
    this.products = products;
  }

  @Override
  public String purpose() {
    return ProductWorkflow.DELIST_PURPOSE;
  }

  @Override
  public Outcome perform(CommandContext ctx, String subjectId, String payload) {
    ProductWorkflow.Delisting d = products.delist(ctx.handle(), ProductWorkflow.Asker.of(ctx), subjectId);
    if (d instanceof ProductWorkflow.Refused r) {
      return ProductCommands.refused(ctx, r);
    }
    ProductWorkflow.Delisted done = (ProductWorkflow.Delisted) d;
    Long withdrawn = done.withdrawnReview();
    return Outcome.done(ctx.m("products.delist.1", "id", done.product().id(), "p", done.product().name(), "withdrawn",
        withdrawn == null ? "" : withdrawn));
  }
}
