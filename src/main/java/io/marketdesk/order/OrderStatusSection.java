package io.marketdesk.order;

import io.marketdesk.feature.StatusContributor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** The status page's orders card: orders per state (counts only). Thread-safe. */
record OrderStatusSection(Jdbi jdbi, OrderStore store) implements StatusContributor {
  @Override
  public List<Section> sections() {
    Map<OrderStatus, Long> counts = jdbi.withHandle(store::counts);
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<OrderStatus, Long> e : counts.entrySet()) {
      OrderStatus s = e.getKey();
      rows.add(new Row(s.labelKey(), String.valueOf(e.getValue()),
          s == OrderStatus.DISPUTED && e.getValue() > 0));
    }
    return List.of(new Section("orders", "status-page.orders", rows));
  }
}
