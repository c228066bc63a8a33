package io.marketdesk.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The status page's counts of the domain (SPEC §8): reviews open and overdue, products by state,
 * orders by state. Read straight from the schema (V2, V3, V4), counts only. Thread-safe.
 */
public final class DomainStatus implements StatusContributor {
  /** Open and overdue reviews. */
  public record ReviewCounts(long open, long overdue) {}

  private final Jdbi jdbi;
  private final Clock clock;

  public DomainStatus(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  public ReviewCounts reviewCounts() {
    return jdbi.withHandle(h -> h.createQuery(
            "SELECT COUNT(*), SUM(CASE WHEN due_at <= :now THEN 1 ELSE 0 END) FROM review WHERE status = 'open'")
        .bind("now", clock.millis())
        .map((rs, c) -> new ReviewCounts(rs.getLong(1), rs.getLong(2)))
        .one());
  }

  /** Rows per state of a table (product or orders). */
  Map<String, Long> byState(String table) {
    if (!table.equals("product") && !table.equals("orders")) {
      throw new IllegalArgumentException(table);
    }
    Map<String, Long> m = new HashMap<>();
    jdbi.useHandle(h -> h.createQuery("SELECT status, COUNT(*) FROM " + table + " GROUP BY status")
        .map((rs, c) -> Map.entry(rs.getString(1), rs.getLong(2)))
        .forEach(e -> m.put(e.getKey(), e.getValue())));
    return m;
  }

  @Override
  public List<Section> sections() {
    ReviewCounts rc = reviewCounts();
    List<Section> out = new ArrayList<>();
    out.add(new Section("reviews", "审核", "Reviews", List.of(
        new Row("待审核", "Open", String.valueOf(rc.open()), false),
        new Row("已超期", "Overdue", String.valueOf(rc.overdue()), rc.overdue() > 0))));
    Map<String, Long> products = byState("product");
    List<Row> pr = new ArrayList<>();
    for (String s : Labels.PRODUCT_STATES) {
      pr.add(new Row(Labels.productStatus(s, "zh"), Labels.productStatus(s, "en"), String.valueOf(products.getOrDefault(s, 0L)),
          false));
    }
    out.add(new Section("products", "商品", "Products", pr));
    Map<String, Long> orders = byState("orders");
    List<Row> or = new ArrayList<>();
    for (String s : Labels.ORDER_STATES) {
      or.add(new Row(Labels.orderStatus(s, "zh"), Labels.orderStatus(s, "en"), String.valueOf(orders.getOrDefault(s, 0L)),
          s.equals("disputed") && orders.getOrDefault(s, 0L) > 0));
    }
    out.add(new Section("orders", "订单", "Orders", or));
    return out;
  }
}
