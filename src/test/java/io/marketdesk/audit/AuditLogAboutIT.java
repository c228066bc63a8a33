package io.marketdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.store.Database;
import io.marketdesk.testing.FakeClock;
import io.marketdesk.testing.TestApp;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The newest audit entries about named things, as the personal page's audit section reads them, on
 * a real database (SQLite, and PostgreSQL in the pom's postgres profile): more IDs than one statement
 * binds, several kinds of thing, newest first, nothing about things not named.
 */
class AuditLogAboutIT {
  private final FakeClock clock = new FakeClock(Instant.parse("2026-11-28T02:00:00Z"));
  private final AuditLog log = new AuditLog(clock);
  private String url;
  private Database db;

  @BeforeEach
  void start() throws Exception {
    url = TestApp.freshDatabaseUrl(Files.createTempDirectory("audit-about"));
    db = Database.open(url, "", "", 2);
  }

  @AfterEach
  void stop() {
    db.close();
    TestApp.dropFreshDatabase(url);
  }

  @Test
  void shouldGiveTheNewestEntriesAboutTheNamedThingsAcrossManyIds() {
    int orders = AuditLog.IDS_PER_QUERY * 2 + 17;
    List<String> mine = new ArrayList<>();
    db.jdbi().useTransaction(h -> {
      for (int i = 0; i < orders; i++) {
        String no = String.valueOf(20261128000000L + i);
        mine.add(no);
        log.record(h, "alice@provider-a.test", null, "order", no, "paid", "unpaid", "paid");
        log.record(h, "bob@provider-b.test", null, "order", "9" + no, "paid", "unpaid", "paid");
        clock.advance(Duration.ofSeconds(1));
      }
      // the oldest order's entry is the newest of all; a product entry and another provider's come after it
      log.record(h, "alice@provider-a.test", null, "order", mine.get(0), "started", "paid", "implementing");
      clock.advance(Duration.ofSeconds(1));
      log.record(h, "alice@provider-a.test", null, "product", "P1001", "listed", "in_review", "listed");
      clock.advance(Duration.ofSeconds(1));
      log.record(h, "bob@provider-b.test", null, "product", "P2001", "listed", "in_review", "listed");
    });

    List<AuditLog.Entry> newest = db.jdbi().withHandle(h -> log.about(h,
        Map.of("order", mine, "orders", mine, "product", List.of("P1001"), "review", List.of()), 20));

    assertThat(newest).hasSize(20);
    assertThat(newest.get(0).entityId()).isEqualTo("P1001");
    assertThat(newest.get(1).entityId()).isEqualTo(mine.get(0));
    assertThat(newest.get(1).action()).isEqualTo("started");
    List<String> lastPaid = new ArrayList<>(mine.subList(orders - 18, orders));
    Collections.reverse(lastPaid);
    assertThat(newest.subList(2, 20)).extracting(AuditLog.Entry::entityId).containsExactlyElementsOf(lastPaid);
    assertThat(newest).extracting(AuditLog.Entry::actor).containsOnly("alice@provider-a.test");
  }
}
