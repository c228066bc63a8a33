package io.marketdesk.product;

import io.marketdesk.text.Message;
import io.marketdesk.command.CommandContext;
import io.marketdesk.review.Review;
import io.marketdesk.review.ReviewKind;

/** Reviews of kind {@code product} (new, revision, relist): decided through {@link ProductWorkflow}. */
final class ProductReviewKind implements ReviewKind {
  private final ProductWorkflow products;

  ProductReviewKind(ProductWorkflow products) {
    this.products = products;
  }

  @Override
  public String kind() {
    return ProductWorkflow.REVIEW_KIND;
  }

  @Override
  public Message approve(CommandContext ctx, Review review) {
    return products.approve(ctx.handle(), ctx.actedBy(), review);
  }

  @Override
  public void reject(CommandContext ctx, Review review) {
    products.reject(ctx.handle(), ctx.actedBy(), review);
  }
}
