package io.marketdesk.product;

import io.marketdesk.feature.StatusContributor;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** The status page's products section: products by state, counts only. */
record ProductStatusSection(Jdbi jdbi, ProductDao dao) implements StatusContributor {
  @Override
  public List<Section> sections() {
    Map<String, Long> c = jdbi.withHandle(dao::counts);
    return List.of(new Section("products", "status-page.products", List.of(
        new Row("state.product.listed", String.valueOf(c.get("listed")), false),
        new Row("status-page.products.revisions", String.valueOf(c.get("revisions_in_review")), false),
        new Row("status-page.products.in-review", String.valueOf(c.get("in_review")), false),
        new Row("state.product.rejected", String.valueOf(c.get("rejected")), false),
        new Row("state.product.delisted", String.valueOf(c.get("delisted")), false))));
  }
}
