package io.marketdesk.product;

import io.marketdesk.feature.Contribution;
import io.marketdesk.feature.Shared;
import io.marketdesk.review.Reviews;
import io.marketdesk.feature.PageWords;

/**
 * ProductWorkflow (docs/products.md): the provider's commands, the product review kind, the 下架 confirmation, the
 * product page and API, the status section and the demo products. Offers {@link #products}. Built
 * after the review feature; the orders feature's demo data comes after this one's (its demo orders
 * use P1001 and P1002).
 */
public record ProductFeature(ProductWorkflow products, Contribution contribution) {
  public static ProductFeature build(Shared s, Reviews reviews) {
    ProductDao dao = new ProductDao();
    ProductWorkflow products = new ProductWorkflow(dao, reviews, s.directory(), s.mailer(), s.audit(), s.config().webBaseUrl);
    reviews.register(new ProductReviewKind(products));
    return new ProductFeature(products, Contribution.builder()
        .confirmable(new DelistConfirmable(products))
        .commands(ProductCommands.all(products, reviews, s.confirmations()))
        .web(new ProductWeb(s.jdbi(), products, s.directory(), s.templates().catalog()))
        .status(new ProductStatusSection(s.jdbi(), dao))
        .personal(new ProductSection(dao, reviews, new PageWords(s.templates().catalog(), s.config().mailAddress, s.config().zone)))
        .demo(new ProductDemo(products, reviews, s.directory()))
        .build());
  }
}
