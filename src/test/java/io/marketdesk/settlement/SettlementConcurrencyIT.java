package io.marketdesk.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.FakeClock;
import io.marketdesk.testing.TestApp;
import java.nio.file.Files;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL database run the same month at the same moment: one statement per
 * provider, each made (and mailed) by exactly one of them. The unique key decides, not a check.
 * Runs where MARKETDESK_TEST_PG_URL is set (the pom's postgres profile; .ci/run).
 */
class SettlementConcurrencyIT {

  @Test
  void shouldMakeOneStatementPerProviderWhenTwoInstancesRunTheMonthAtOnce() throws Exception {
    Assumptions.assumeTrue(TestApp.onPostgres(), "PostgreSQL only (MARKETDESK_TEST_PG_URL)");
    FakeClock clock = new FakeClock(Instant.parse("2026-11-20T01:00:00Z"));
    Map<String, String> keys = new HashMap<>(Map.of("api.token", "t", "settlement.day", "28"));
    keys.put("db.url", TestApp.freshDatabaseUrl(Files.createTempDirectory("settle-pg")));
    try (AutoCloseable drop = () -> TestApp.dropFreshDatabase(keys.get("db.url"));
        TestApp one = TestApp.start(keys, clock); TestApp two = TestApp.start(keys, clock)) {
      // demo data: alice has orders completed in November; one for bob too
      one.app.db().jdbi().useHandle(h -> h.createUpdate("INSERT INTO orders (order_no, product_id, provider_id, buyer_email,"
              + " price, original_price, status, created_at, completed_at, updated_at) SELECT 'PGBOB0001', 'P1002', id,"
              + " 'buyer@customer.test', 12345, 12345, 'completed', :at, :at, :at FROM provider WHERE account_id = :a")
          .bind("at", Instant.parse("2026-11-10T02:00:00Z").toEpochMilli()).bind("a", DemoData.BOB_ACCOUNT).execute());
      clock.set(Instant.parse("2026-12-02T01:00:00Z"));
      Settlements s1 = one.app.core().settlement().settlements();
      Settlements s2 = two.app.core().settlement().settlements();
      List<String> made = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        YearMonth month = YearMonth.of(2026, 11 - round);
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<Settlements.RunResult> a = CompletableFuture.supplyAsync(() -> {
          await(start);
          return s1.run(month);
        });
        CompletableFuture<Settlements.RunResult> b = CompletableFuture.supplyAsync(() -> {
          await(start);
          return s2.run(month);
        });
        Settlements.RunResult ra = a.get();
        Settlements.RunResult rb = b.get();
        List<String> both = new ArrayList<>(ra.made());
        both.addAll(rb.made());
        assertThat(both).doesNotHaveDuplicates();
        made.addAll(both);
      }
      assertThat(made).contains("S202611-" + DemoData.ALICE_ACCOUNT, "S202611-" + DemoData.BOB_ACCOUNT);
      long rows = one.app.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM settlement").mapTo(Long.class).one());
      assertThat(rows).isEqualTo(made.size());
      long mails = one.app.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(DISTINCT subject) FROM outbox"
          + " WHERE subject LIKE '%S2026%'").mapTo(Long.class).one());
      long perStatement = one.app.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox"
          + " WHERE subject LIKE '%S202611-" + DemoData.ALICE_ACCOUNT + "%'").mapTo(Long.class).one());
      assertThat(mails).isEqualTo(made.size());
      assertThat(perStatement).isEqualTo(1);
    }
  }

  private static void await(CyclicBarrier b) {
    try {
      b.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
