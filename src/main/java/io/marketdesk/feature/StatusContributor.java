package io.marketdesk.feature;

import java.util.List;

/**
 * A part of the public status page. Counts only: never a name, an address or anything personal.
 */
@FunctionalInterface
public interface StatusContributor {
  /** A titled group of counts. */
  record Section(String id, String titleKey, List<Row> rows) {
    public Section {
      rows = List.copyOf(rows);
    }
  }

  /** One count: its label (a message-catalog key), the value, and whether it needs attention. */
  record Row(String labelKey, String value, boolean warn) {}

  List<Section> sections();
}
