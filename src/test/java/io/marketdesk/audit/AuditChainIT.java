package io.marketdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.Main;
import io.marketdesk.store.Database;
import io.marketdesk.testing.FakeClock;
import io.marketdesk.testing.TestApp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The audit log's hash chain on a real database (SQLite, and PostgreSQL in the pom's postgres
 * profile): an edited, a deleted and a reordered row, and deleted last rows, are each named by
 * {@code audit verify}; two instances (two pools on one database) writing and sealing at once leave
 * one valid chain.
 */
class AuditChainIT {
  private final FakeClock clock = new FakeClock(Instant.parse("2026-11-28T02:00:00Z"));
  private final AuditLog log = new AuditLog(clock);
  private final AuditChain chain = new AuditChain(clock);
  private final List<Database> open = new ArrayList<>();
  private Path dir;
  private String url;
  private Database db;

  @BeforeEach
  void start() throws Exception {
    dir = Files.createTempDirectory("audit-chain");
    url = TestApp.freshDatabaseUrl(dir);
    db = open();
  }

  @AfterEach
  void stop() {
    open.forEach(Database::close);
    dropSchema(url);
  }

  private Database open() {
    Database d = Database.open(url, "", "", 4);
    open.add(d);
    return d;
  }

  private void write(Jdbi jdbi, int n, String prefix) {
    jdbi.useTransaction(h -> {
      for (int i = 0; i < n; i++) {
        clock.advance(java.time.Duration.ofSeconds(1));
        log.record(h, "alice@provider-a.test", null, "order", prefix + i, "started", "paid", "implementing：第 " + i + " 次\n换行");
      }
    });
  }

  private long idAt(long seq) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM audit_log WHERE seq = :s").bind("s", seq).mapTo(Long.class).one());
  }

  private void sql(String statement) {
    db.jdbi().useHandle(h -> h.execute(statement));
  }

  @Test
  void shouldHoldWhenNothingWasTouched() {
    write(db.jdbi(), 5, "N");
    AuditChain.Verification v = chain.verify(db.jdbi(), "test");
    assertThat(v.ok()).isTrue();
    assertThat(v.entries()).isEqualTo(5);
    assertThat(db.jdbi().withHandle(chain::last)).contains(v);
  }

  @Test
  void shouldNameTheEditedEntry() {
    write(db.jdbi(), 5, "N");
    chain.seal(db.jdbi());
    long id = idAt(3);
    sql("UPDATE audit_log SET after_state = 'completed' WHERE seq = 3");

    AuditChain.Verification v = chain.verify(db.jdbi(), "test");

    assertThat(v.problem()).isEqualTo(AuditChain.Problem.EDITED);
    assertThat(v.badSeq()).isEqualTo(3);
    assertThat(v.badId()).isEqualTo(id);
  }

  @Test
  void shouldNameTheEntryAfterADeletedOne() {
    write(db.jdbi(), 5, "N");
    chain.seal(db.jdbi());
    long next = idAt(4);
    sql("DELETE FROM audit_log WHERE seq = 3");

    AuditChain.Verification v = chain.verify(db.jdbi(), "test");

    assertThat(v.problem()).isEqualTo(AuditChain.Problem.MISSING_BEFORE);
    assertThat(v.badSeq()).isEqualTo(4);
    assertThat(v.badId()).isEqualTo(next);
  }

  @Test
  void shouldNameReorderedEntries() {
    write(db.jdbi(), 5, "N");
    chain.seal(db.jdbi());
    long third = idAt(3);
    sql("UPDATE audit_log SET seq = -1 WHERE seq = 2");
    sql("UPDATE audit_log SET seq = 2 WHERE seq = 3");
    sql("UPDATE audit_log SET seq = 3 WHERE seq = -1");

    AuditChain.Verification v = chain.verify(db.jdbi(), "test");

    assertThat(v.problem()).isEqualTo(AuditChain.Problem.REORDERED);
    assertThat(v.badSeq()).isEqualTo(2);
    assertThat(v.badId()).isEqualTo(third);
  }

  @Test
  void shouldNameDeletedLastEntries() {
    write(db.jdbi(), 5, "N");
    chain.seal(db.jdbi());
    sql("DELETE FROM audit_log WHERE seq >= 4");

    AuditChain.Verification v = chain.verify(db.jdbi(), "test");

    assertThat(v.problem()).isEqualTo(AuditChain.Problem.MISSING_AT_END);
    assertThat(v.badSeq()).isEqualTo(4);
  }

  @Test
  void shouldKeepNewEntriesInTheChainAfterAVerification() {
    write(db.jdbi(), 3, "A");
    assertThat(chain.verify(db.jdbi(), "test").ok()).isTrue();
    write(db.jdbi(), 3, "B");
    AuditChain.Verification v = chain.verify(db.jdbi(), "test");
    assertThat(v.ok()).isTrue();
    assertThat(v.entries()).isEqualTo(6);
  }

  @Test
  void shouldNameTheEntryFromTheCommandLineAndExitWithOne() throws Exception {
    write(db.jdbi(), 4, "N");
    chain.seal(db.jdbi());
    long id = idAt(2);
    sql("UPDATE audit_log SET actor = 'mallory@evil.test' WHERE seq = 2");
    Path config = dir.resolve("cli.properties");
    Files.writeString(config, "db.url=" + url.replace("\\", "\\\\") + "\n");
    StringWriter out = new StringWriter();
    int code = new CommandLine(new Main()).setOut(new PrintWriter(out)).execute("--config", config.toString(), "audit", "verify");

    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("#2").contains("row id " + id).contains("EDITED");
    assertThat(db.jdbi().withHandle(chain::last)).hasValueSatisfying(v -> assertThat(v.problem()).isEqualTo(AuditChain.Problem.EDITED));
  }

  @Test
  void shouldLeaveOneChainWhenTwoInstancesWriteAndSealAtOnce() throws Exception {
    Database other = open();
    int rounds = 40;
    CyclicBarrier start = new CyclicBarrier(4);
    List<CompletableFuture<Void>> writers = new ArrayList<>();
    Jdbi[] instances = {db.jdbi(), other.jdbi()};
    for (int w = 0; w < 4; w++) {
      Jdbi jdbi = instances[w % 2];
      String prefix = "W" + w + "-";
      writers.add(CompletableFuture.runAsync(() -> {
        try {
          start.await();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        for (int r = 0; r < rounds; r++) {
          write(jdbi, 3, prefix + r + "-");
          chain.seal(jdbi);
        }
      }));
    }
    CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get();

    AuditChain.Verification v = chain.verify(other.jdbi(), "test");

    assertThat(v.ok()).as(String.valueOf(v)).isTrue();
    assertThat(v.entries()).isEqualTo(4L * rounds * 3);
    List<Long> seqs = db.jdbi().withHandle(h -> h.createQuery("SELECT seq FROM audit_log ORDER BY seq").mapTo(Long.class).list());
    assertThat(seqs).hasSize(4 * rounds * 3).doesNotContainNull();
    assertThat(seqs.get(seqs.size() - 1)).isEqualTo(4L * rounds * 3);
  }

  private static void dropSchema(String url) {
    String marker = "currentSchema=";
    if (!url.startsWith("jdbc:postgresql:") || !url.contains(marker + "md_test_")) {
      return;
    }
    String schema = url.substring(url.indexOf(marker) + marker.length()).replaceAll("[^a-z0-9_].*$", "");
    String admin = url.replaceFirst("[?&]currentSchema=" + schema, "");
    try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (Exception e) {
      System.err.println("could not drop test schema " + schema + ": " + e);
    }
  }
}
