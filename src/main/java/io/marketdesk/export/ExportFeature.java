package io.marketdesk.export;

import io.marketdesk.feature.Contribution;
import io.marketdesk.feature.Shared;

/** Exports by mail (docs/after-the-sale.md): orders and products as XLSX or CSV. */
public final class ExportFeature {
  private ExportFeature() {}

  public static Contribution build(Shared s) {
    return Contribution.builder().commands(new Exports(s.config()).handlers()).build();
  }
}
