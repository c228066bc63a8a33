package io.marketdesk.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.text.Language;
import io.marketdesk.config.Config;
import io.marketdesk.store.Database;
import io.marketdesk.template.Templates;
import io.marketdesk.testing.FakeClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hourly cap over a real SQLite outbox, for seeded random streams of mails: no reply is dropped,
 * none goes before its mail came, at most the cap go in any hour, they go in the order the mails
 * came, none waits longer than the cap requires, and the address is told once an hour at most,
 * before the first reply it holds.
 */
class ReplyCapTest {
  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final String TO = "alice@provider-a.test";

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void shouldHoldRepliesWithinTheCapAndInOrderWithOneNoticeAnHour(long seed) {
    Random random = new Random(seed);
    int cap = 1 + random.nextInt(5);
    FakeClock clock = new FakeClock(Instant.parse("2026-11-30T08:00:00Z"));
    Config config = Config.of(Map.of());
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("cap-" + seed + ".db"), "", "", 1)) {
      Outbox outbox = new Outbox(db.jdbi(), clock, config.mailDomain(), "test");
      Mailer mailer = new Mailer(new Templates(""), outbox, config);
      ReplyCap replyCap = new ReplyCap(mailer, cap, clock, config.zone);
      List<Long> came = new ArrayList<>();
      List<Long> released = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        clock.advance(Duration.ofSeconds(random.nextInt(4) == 0 ? random.nextInt(3 * 3600) : random.nextInt(300)));
        long now = clock.millis();
        OutgoingMail reply = new OutgoingMail("reply", TO, config.mailAddress, "Re: n" + i, "body " + i,
            "m" + i + "@client.test", List.of(), null);
        Language lang = i % 2 == 0 ? Language.ZH : Language.EN;
        ReplyCap.Queued q = db.jdbi().inTransaction(h -> replyCap.queue(h, lang, reply, null));
        came.add(now);
        released.add(q.releaseAt());
        assertThat(q.held()).isEqualTo(q.releaseAt() > now);
      }
      List<Long> stored = db.jdbi().withHandle(h -> h.createQuery(
          "SELECT release_at FROM outbox WHERE kind = 'reply' AND status = 'waiting' ORDER BY id").mapTo(Long.class).list());
      assertThat(stored).as("none dropped").isEqualTo(released);
      for (int i = 0; i < released.size(); i++) {
        long earliest = i >= cap ? Math.max(came.get(i), released.get(i - cap) + HOUR) : came.get(i);
        assertThat(released.get(i)).as("reply %d goes as soon as the cap allows", i).isEqualTo(earliest);
        if (i > 0) {
          assertThat(released.get(i)).as("in order").isGreaterThanOrEqualTo(released.get(i - 1));
        }
        if (i >= cap) {
          assertThat(released.get(i) - released.get(i - cap)).as("at most %d in an hour", cap).isGreaterThanOrEqualTo(HOUR);
        }
      }
      List<Long> notices = db.jdbi().withHandle(h -> h.createQuery(
          "SELECT created_at FROM outbox WHERE kind = 'held' ORDER BY id").mapTo(Long.class).list());
      for (int i = 1; i < notices.size(); i++) {
        assertThat(notices.get(i) - notices.get(i - 1)).as("one notice an hour at most").isGreaterThanOrEqualTo(HOUR);
      }
      for (int i = 0; i < released.size(); i++) {
        if (released.get(i) > came.get(i)) {
          long at = came.get(i);
          assertThat(notices).as("a held reply %d was announced", i).anyMatch(n -> n <= at && n > at - HOUR);
        }
      }
    }
  }

  /** A clock that moves on by a millisecond whenever it is read, as a real one may between two reads. */
  private static final class TickingClock extends Clock {
    private long millis = Instant.parse("2026-11-30T08:00:00Z").toEpochMilli();

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public synchronized Instant instant() {
      return Instant.ofEpochMilli(millis++);
    }
  }

  @Test
  void shouldHoldNothingUnderTheCapThoughTheClockMovesWhileQueueing() {
    TickingClock clock = new TickingClock();
    Config config = Config.of(Map.of());
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("ticking.db"), "", "", 1)) {
      Outbox outbox = new Outbox(db.jdbi(), clock, config.mailDomain(), "test");
      ReplyCap replyCap = new ReplyCap(new Mailer(new Templates(""), outbox, config), 100, clock, config.zone);
      for (int i = 0; i < 5; i++) {
        OutgoingMail reply = new OutgoingMail("reply", TO, config.mailAddress, "Re: t" + i, "body", "t" + i + "@client.test",
            List.of(), null);
        assertThat(db.jdbi().inTransaction(h -> replyCap.queue(h, Language.EN, reply, null)).held()).isFalse();
      }
      long notices = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE kind = 'held'")
          .mapTo(Long.class).one());
      assertThat(notices).isZero();
    }
  }
}
