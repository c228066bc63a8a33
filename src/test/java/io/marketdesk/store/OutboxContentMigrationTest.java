package io.marketdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.outbox.Outbox;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V210 moves the words of an outgoing mail out of its row (docs/BENCHMARKS.md): a mail queued before
 * the upgrade and sent after it goes out with its text and HTML as they were queued.
 */
class OutboxContentMigrationTest {
  @Test
  void aMailQueuedBeforeTheUpgradeIsSentWithItsWords(@TempDir Path dir) throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("marketdesk.db");
    Flyway.configure()
        .dataSource(url, "", "")
        .locations("classpath:db/migration")
        .placeholders(Database.placeholders(Database.Dialect.SQLITE))
        .target("200")
        .load()
        .migrate();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO outbox (message_id, kind, to_addr, subject, body, status, attempts, next_attempt_at,"
          + " created_at, release_at, bounce_token, html) VALUES ('md.old@marketdesk.test', 'reply', 'bob@provider-b.test',"
          + " 'Re: 帮助', '您好：\n旧的正文', 'waiting', 0, 1000, 1000, 1000, 'b1', '<p>旧的正文</p>')");
      s.executeUpdate("INSERT INTO outbox (message_id, kind, to_addr, subject, body, status, attempts, next_attempt_at,"
          + " created_at, release_at, bounce_token) VALUES ('md.text@marketdesk.test', 'notice', 'bob@provider-b.test',"
          + " 'text alone', 'plain words', 'waiting', 0, 1000, 1000, 1000, 'b2')");
    }
    Database db = Database.open(url, "", "", 2);
    try {
      Outbox outbox = new Outbox(db.jdbi(), Clock.fixed(Instant.ofEpochMilli(5000), ZoneOffset.UTC), "marketdesk.test", "i1");
      List<Outbox.Row> rows = outbox.claimDue(10, Duration.ofMinutes(1));
      assertThat(rows).extracting(Outbox.Row::messageId).containsExactly("md.old@marketdesk.test", "md.text@marketdesk.test");
      assertThat(rows.get(0).body()).isEqualTo("您好：\n旧的正文");
      assertThat(rows.get(0).html()).isEqualTo("<p>旧的正文</p>");
      assertThat(rows.get(1).body()).isEqualTo("plain words");
      assertThat(rows.get(1).html()).isNull();
      // the row keeps its state apart from its words
      int wordsInTheRow = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM pragma_table_info('outbox')"
          + " WHERE name IN ('body', 'html')").mapTo(Integer.class).one());
      assertThat(wordsInTheRow).isZero();
    } finally {
      db.close();
    }
  }
}
