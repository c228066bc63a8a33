package io.marketdesk.product;

import io.marketdesk.text.Message;
import io.marketdesk.review.Decision;
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
  public Message approve(Decision d, Review review) {
    return products.approve(d.handle(), d.by(), review);
  }

  @Override
  public void reject(Decision d, Review review) {
    products.reject(d.handle(), d.by(), review);
  }
}
