package io.marketdesk.web;

import java.util.List;

/**
 * A part of the public status page. Counts only: never a name, an address or anything personal.
 */
@FunctionalInterface
public interface StatusContributor {
  /** A titled group of counts. */
  record Section(String id, String titleZh, String titleEn, List<Row> rows) {
    public Section {
      rows = List.copyOf(rows);
    }
  }

  /** One count: its labels, the value, and whether it needs attention. */
  record Row(String labelZh, String labelEn, String value, boolean warn) {}

  List<Section> sections();
}
