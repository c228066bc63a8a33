package io.marketdesk.product;

import io.marketdesk.command.CommandContext;
import io.marketdesk.command.Outcome;
import io.marketdesk.confirm.Confirmable;

/**
 * The confirmed half of 下架商品: checks again that the product is the confirming provider's and
 * still listed (time passes between question and answer), then delists it.
 */
final class DelistConfirmable implements Confirmable {
  private final Products products;

  DelistConfirmable(Products products) {
    this.products = products;
  }

  @Override
  public String purpose() {
    return Products.DELIST_PURPOSE;
  }

  @Override
  public Outcome perform(CommandContext ctx, String subjectId, String payload) {
    Products.Delisting d = products.delist(ctx.handle(), Products.Asker.of(ctx), subjectId);
    if (d instanceof Products.Refused r) {
      return ProductCommands.refused(ctx, r);
    }
    Products.Delisted done = (Products.Delisted) d;
    Long withdrawn = done.withdrawnReview();
    return Outcome.done(ctx.m("products.delist.1", "id", done.product().id(), "p", done.product().name(), "withdrawn",
        withdrawn == null ? "" : withdrawn));
  }
}
