package io.marketdesk.product;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.marketdesk.feature.ApiException;
import io.marketdesk.feature.Web;
import io.marketdesk.feature.WebModule;
import io.marketdesk.identity.Directory;
import io.marketdesk.identity.Provider;
import io.marketdesk.money.Money;
import io.marketdesk.template.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The product page buyers see ({@code /products/{id}}, docs/products.md) and the product API:
 *
 * <ul>
 *   <li>{@code GET /products/{id}}: the live version; a product off sale says so (已下架); a product
 *       never listed is 404. A version in review never shows.
 *   <li>{@code GET /api/products?provider=ACCOUNT_ID}: the provider's products, a JSON array.
 *   <li>{@code GET /api/products/{id}}: one product.
 * </ul>
 *
 * The API needs the bearer token. Stateless and thread-safe.
 */
final class ProductWeb implements WebModule {
  private final Jdbi jdbi;
  private final ProductWorkflow products;
  private final Directory directory;
  private final Catalog words;

  ProductWeb(Jdbi jdbi, ProductWorkflow products, Directory directory, Catalog words) {
    this.words = words;
    this.jdbi = jdbi;
    this.products = products;
    this.directory = directory;
  }

  /** The page model. Every text is escaped by the {@code .ftlh} template. */
  public record Page(String lang, String id, boolean onSale, String status, String name, String type, String price,
      String unit, String summary, List<String> description, String company) {}

  /** The 404 page model. */
  public record Missing(String lang, String id) {}

  /**
   * A product in the API.
   *
   * @param name the live name; for a product never listed, the name of its latest version
   * @param price a decimal string such as "880.00", read like {@code name}
   * @param pendingRevision true when a version is in review
   */
  public record ApiProduct(String id, String providerAccountId, String type, String name, String price, String unit,
      String summary, String status, boolean pendingRevision, Integer liveVersion, String pageUrl) {}

  @Override
  public void routes(Javalin app, Web web) {
    app.get("/products/{id}", ctx -> page(ctx, web));
    app.get("/api/products", ctx -> {
      String account = ctx.queryParam("provider");
      if (account == null || account.isBlank()) {
        throw ApiException.badRequest("the query parameter provider (the provider's account ID) is required");
      }
      ctx.json(jdbi.withHandle(h -> {
        Provider p = directory.providerByAccountId(h, account.trim())
            .orElseThrow(() -> ApiException.notFound("no provider with account ID " + account.trim()));
        List<ApiProduct> out = new ArrayList<>();
        for (Product x : products.dao().list(h, p.id(), null)) {
          out.add(api(h, x));
        }
        return out;
      }));
    });
    app.get("/api/products/{id}", ctx -> {
      String id = ctx.pathParam("id");
      ctx.json(jdbi.withHandle(h -> api(h, products.dao().find(h, id)
          .orElseThrow(() -> ApiException.notFound("no product " + ProductDao.normalizeId(id))))));
    });
  }

  private void page(Context ctx, Web web) {
    String lang = Web.lang(ctx);
    String id = ProductDao.normalizeId(ctx.pathParam("id"));
    Optional<Page> page = jdbi.withHandle(h -> products.dao().find(h, id).filter(Product::everListed).map(p -> {
      ProductContent c = p.live().orElseThrow();
      String company = directory.provider(h, p.providerId()).map(Provider::companyName).orElse("");
      boolean onSale = p.status() == ProductStatus.LISTED;
      return new Page(lang, p.id(), onSale, words.text(lang, (onSale ? p.status() : ProductStatus.DELISTED).labelKey()), c.name(),
          words.text(lang, c.type().labelKey()), Money.formatYuan(c.price()), c.unit(), c.summary(), List.of(c.description().split("\n")),
          company);
    }));
    if (page.isEmpty()) {
      ctx.status(404);
      web.page(ctx, "product-not-found", new Missing(lang, id));
      return;
    }
    web.page(ctx, "product", page.get());
  }

  private ApiProduct api(Handle h, Product p) {
    ProductContent c = p.live().orElseGet(() -> products.currentDraft(h, p));
    return new ApiProduct(p.id(), p.accountId(), p.type().code(), c.name(), Money.format(c.price()), c.unit(), c.summary(),
        p.status().code(), p.pendingRevision(), p.liveVersion(), p.everListed() ? products.pageUrl(p.id()) : null);
  }
}
