package io.marketdesk.history;

import io.marketdesk.text.Dates;
import io.marketdesk.audit.AuditChain;
import io.marketdesk.feature.StatusContributor;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/**
 * The status page's audit section (docs/history.md): how many entries are sealed into the hash chain
 * and how many wait, and the last verification: when, over how many entries, or where the chain
 * broke. Counts only. Thread-safe.
 */
record AuditStatusSection(Jdbi jdbi, AuditChain chain, ZoneId zone) implements StatusContributor {
  @Override
  public List<Section> sections() {
    DateTimeFormatter when = Dates.MINUTE.withZone(zone);
    return jdbi.withHandle(h -> {
      List<Row> rows = new ArrayList<>();
      long[] counts = chain.counts(h);
      rows.add(new Row("status-page.audit.sealed", String.valueOf(counts[0]), false));
      rows.add(new Row("status-page.audit.waiting", String.valueOf(counts[1]), false));
      var last = chain.last(h);
      if (last.isEmpty()) {
        rows.add(new Row("status-page.audit.never", "—", false));
      } else if (last.get().ok()) {
        rows.add(new Row("status-page.audit.verified-ok", when.format(Instant.ofEpochMilli(last.get().at()))
            + " · " + last.get().entries(), false));
      } else {
        var v = last.get();
        rows.add(new Row("status-page.audit.broken." + v.problem().name().toLowerCase(Locale.ROOT),
            when.format(Instant.ofEpochMilli(v.at())) + " · #" + v.badSeq() + (v.badId() == null ? "" : " (id " + v.badId() + ")"),
            true));
      }
      return List.of(new Section("audit", "status-page.audit.title", rows));
    });
  }
}
