package io.marketdesk.product;

import io.marketdesk.app.Feature;
import io.marketdesk.app.Wiring;
import io.marketdesk.command.CommandHandler;
import io.marketdesk.review.Reviews;

/**
 * Products (SPEC §3): the provider's commands, the product review kind, the 下架 confirmation, the
 * product page and API, the status section and the demo products. Provides {@link Products}
 * ({@link ProductLookup} is stateless: others construct it). Needs {@link Reviews}, so it is wired after the review feature; the orders
 * feature comes after it (its demo orders use P1001 and P1002).
 */
public final class ProductFeature implements Feature {
  @Override
  public void wire(Wiring w) {
    Reviews reviews = w.get(Reviews.class);
    ProductDao dao = new ProductDao();
    Products products = new Products(dao, reviews, w.directory, w.mailer, w.audit, w.config.webBaseUrl);
    w.provide(Products.class, products);
    reviews.register(new ProductReviewKind(products));
    w.confirmations.register(new DelistConfirmable(products));
    for (CommandHandler handler : ProductCommands.all(products, reviews, w.confirmations)) {
      w.commands.register(handler);
    }
    w.web.add(new ProductWeb(w.db.jdbi(), products, w.directory, w.templates.catalog()));
    w.status.add(new ProductStatusSection(w.db.jdbi(), dao));
    w.demo.add(new ProductDemo(products, reviews, w));
  }
}
