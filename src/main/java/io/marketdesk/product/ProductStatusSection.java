package io.marketdesk.product;

import io.marketdesk.web.StatusContributor;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** The status page's products section: products by state, counts only. */
final class ProductStatusSection implements StatusContributor {
  private final Jdbi jdbi;
  private final ProductDao dao;

  ProductStatusSection(Jdbi jdbi, ProductDao dao) {
    this.jdbi = jdbi;
    this.dao = dao;
  }

  @Override
  public List<Section> sections() {
    Map<String, Long> c = jdbi.withHandle(dao::counts);
    return List.of(new Section("products", "商品", "Products", List.of(
        new Row("已上架", "Listed", String.valueOf(c.get("listed")), false),
        new Row("其中修改审核中", "of which a revision in review", String.valueOf(c.get("revisions_in_review")), false),
        new Row("审核中（未在售）", "In review (not on sale)", String.valueOf(c.get("in_review")), false),
        new Row("已驳回", "Rejected", String.valueOf(c.get("rejected")), false),
        new Row("已下架", "Delisted", String.valueOf(c.get("delisted")), false))));
  }
}
