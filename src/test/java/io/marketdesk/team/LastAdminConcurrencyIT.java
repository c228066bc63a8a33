package io.marketdesk.team;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.identity.Directory;
import io.marketdesk.identity.Directory.RemoveResult;
import io.marketdesk.identity.Provider;
import io.marketdesk.testing.TestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Two admins removing each other at the same moment, each in its own transaction (on PostgreSQL,
 * with MARKETDESK_TEST_DB_URL, truly at once): one removal wins, the other is refused as the last
 * admin, and the account always keeps one admin (docs/teams.md).
 */
class LastAdminConcurrencyIT {
  @Test
  void shouldKeepOneAdminWhenTwoAdminsRemoveEachOtherAtOnce() throws Exception {
    try (TestApp t = TestApp.start()) {
      Jdbi jdbi = t.app.db().jdbi();
      Directory directory = t.app.core().shared().directory();
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        for (int r0 = 0; r0 < 20; r0++) {
          int round = r0;
          String x = "x" + round + "@team.test";
          String y = "y" + round + "@team.test";
          String account = String.valueOf(900000000000L + round);
          long pid = jdbi.inTransaction(h -> directory.createProvider(h, new Provider(0, account, "Team " + round, "addr",
              "91310000MA1FL0000" + (round % 10), "400", "cs@team.test", "9-18", "name", "138", "c@team.test",
              List.of(x, y)))).id();
          CyclicBarrier start = new CyclicBarrier(2);
          List<Future<RemoveResult>> results = new ArrayList<>();
          for (String[] pair : new String[][] {{x}, {y}}) {
            results.add(pool.submit(() -> {
              start.await(10, TimeUnit.SECONDS);
              return jdbi.inTransaction(h -> directory.removeMember(h, pid, pair[0]));
            }));
          }
          int removed = 0;
          int refused = 0;
          for (Future<RemoveResult> f : results) {
            RemoveResult r = f.get(30, TimeUnit.SECONDS);
            removed += r instanceof RemoveResult.Removed ? 1 : 0;
            refused += r instanceof RemoveResult.LastAdmin ? 1 : 0;
          }
          assertThat(removed).as("round %d", round).isEqualTo(1);
          assertThat(refused).as("round %d", round).isEqualTo(1);
          List<Directory.Member> left = jdbi.withHandle(h -> directory.members(h, pid));
          assertThat(left).hasSize(1);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
