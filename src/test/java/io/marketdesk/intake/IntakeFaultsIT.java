package io.marketdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.TestApp;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Test;

/**
 * Faults while the intake processes mails together (one transaction for a group, a savepoint each):
 * a mail that fails is kept with its error and the others of its group go on; a transient database
 * fault leaves the mails to be tried again, not failed. The faults are real database errors, raised
 * by a trigger on the outbox for the replies to one address.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class IntakeFaultsIT {
  private static final String SERVICE = "market@marketdesk.test";

  @Test
  void shouldKeepAFailingMailWithItsErrorAndAnswerTheOthersOfItsGroup() throws Exception {
    try (TestApp t = TestApp.start()) {
      t.app.intake().stop();
      failRepliesTo(t, DemoData.BOB, false);
      // three mails wait together, so the next instance takes them as one group
      String a1 = t.mail.send(DemoData.ALICE, SERVICE, "first", "帮助\n");
      String b = t.mail.send(DemoData.BOB, SERVICE, "fails", "帮助\n");
      String a2 = t.mail.send(DemoData.ALICE, SERVICE, "third", "help\n");
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> t.mail.inbox(SERVICE).size() == 3);

      try (TestApp worker = TestApp.another(t, Map.of(), t.clock)) {
        t.mail.awaitReplyTo(DemoData.ALICE, a1);
        t.mail.awaitReplyTo(DemoData.ALICE, a2);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> status(t, b).equals("failed"));
        assertThat(error(t, b)).contains("boom");
        assertThat(status(t, a1)).isEqualTo("processed");
        assertThat(status(t, a2)).isEqualTo("processed");
        // the failed mail is kept in the store and leaves the inbox like the others; no reply to it
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> t.mail.inbox(SERVICE).isEmpty());
        assertThat(t.mail.inbox(DemoData.BOB).stream().filter(m -> b.equals(m.inReplyTo()))).isEmpty();
      }
    }
  }

  @Test
  void shouldTryAgainAfterATransientDatabaseFaultInsteadOfFailingTheMail() throws Exception {
    Assumptions.assumeTrue(TestApp.onPostgres(), "a transient fault (SQLSTATE 40001) is raised by a PostgreSQL trigger");
    try (TestApp t = TestApp.start()) {
      t.app.intake().stop();
      failRepliesTo(t, DemoData.BOB, true);
      String a = t.mail.send(DemoData.ALICE, SERVICE, "same group", "帮助\n");
      String b = t.mail.send(DemoData.BOB, SERVICE, "transient", "帮助\n");
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> t.mail.inbox(SERVICE).size() == 2);

      try (TestApp worker = TestApp.another(t, Map.of(), t.clock)) {
        // the first two tries meet a serialization failure; the third one goes through
        t.mail.awaitReplyTo(DemoData.BOB, b);
        t.mail.awaitReplyTo(DemoData.ALICE, a);
        assertThat(status(t, b)).isEqualTo("processed");
        assertThat(status(t, a)).isEqualTo("processed");
        long replies = t.app.db().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM outbox o JOIN inbound_mail i ON o.inbound_id = i.id WHERE i.message_id IN (<ids>)")
            .bindList("ids", List.of(a, b)).mapTo(Long.class).one());
        assertThat(replies).isEqualTo(2);
      }
    }
  }

  /**
   * SQLite: another connection holds the write lock longer than the busy timeout (30 s) while a
   * mail arrives. The intake meets SQLITE_BUSY, which is transient: the mail is neither failed nor
   * lost, and once the lock is gone it is stored, processed and answered once.
   */
  @Test
  void shouldAnswerOnceAfterSqliteStaysBusyLongerThanItsTimeout() throws Exception {
    Assumptions.assumeFalse(TestApp.onPostgres(), "SQLITE_BUSY is SQLite's");
    ch.qos.logback.classic.Logger intakeLog =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(ImapIntake.class);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> seen =
        new ch.qos.logback.core.read.ListAppender<>();
    seen.start();
    intakeLog.addAppender(seen);
    try (TestApp t = TestApp.start();
        java.sql.Connection lock = java.sql.DriverManager.getConnection("jdbc:sqlite:" + t.dir.resolve("test.db"))) {
      lock.createStatement().execute("BEGIN EXCLUSIVE");
      String id;
      try {
        id = t.mail.send(DemoData.ALICE, SERVICE, "busy", "帮助\n");
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
            .until(() -> List.copyOf(seen.list).stream().anyMatch(e -> mentions(e.getThrowableProxy(), "SQLITE_BUSY")));
        assertThat(t.mail.inbox(DemoData.ALICE).stream().filter(m -> id.equals(m.inReplyTo()))).isEmpty();
      } finally {
        lock.createStatement().execute("COMMIT");
      }
      t.mail.awaitReplyTo(DemoData.ALICE, id);
      assertThat(status(t, id)).isEqualTo("processed");
      long replies = t.app.db().jdbi().withHandle(h -> h.createQuery(
              "SELECT COUNT(*) FROM outbox o JOIN inbound_mail i ON o.inbound_id = i.id WHERE i.message_id = :m")
          .bind("m", id).mapTo(Long.class).one());
      assertThat(replies).isEqualTo(1);
    } finally {
      intakeLog.detachAppender(seen);
    }
  }

  /** True when the logged throwable, a cause or a suppressed one says {@code text}. */
  private static boolean mentions(ch.qos.logback.classic.spi.IThrowableProxy p, String text) {
    if (p == null) {
      return false;
    }
    if (String.valueOf(p.getMessage()).contains(text) || mentions(p.getCause(), text)) {
      return true;
    }
    for (ch.qos.logback.classic.spi.IThrowableProxy s : p.getSuppressed()) {
      if (mentions(s, text)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A trigger that refuses replies to one address: always with an ordinary error, or (PostgreSQL,
   * {@code transiently}) with a serialization failure the first two times.
   */
  private static void failRepliesTo(TestApp t, String address, boolean transiently) {
    t.app.db().jdbi().useHandle(h -> {
      if (TestApp.onPostgres()) {
        h.execute("CREATE SEQUENCE boom_tries");
        h.execute("CREATE FUNCTION boom() RETURNS trigger AS $$ BEGIN"
            + " IF NEW.to_addr = '" + address + "' THEN"
            + (transiently
                ? " IF nextval('boom_tries') <= 2 THEN RAISE EXCEPTION 'boom (transient)' USING ERRCODE = '40001'; END IF;"
                : " RAISE EXCEPTION 'boom';")
            + " END IF; RETURN NEW; END $$ LANGUAGE plpgsql");
        h.execute("CREATE TRIGGER boom BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION boom()");
      } else {
        h.execute("CREATE TRIGGER boom BEFORE INSERT ON outbox WHEN NEW.to_addr = '" + address + "'"
            + " BEGIN SELECT RAISE(ABORT, 'boom'); END");
      }
    });
  }

  private static String status(TestApp t, String messageId) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT status FROM inbound_mail WHERE message_id = :m")
        .bind("m", messageId).mapTo(String.class).findFirst().orElse(""));
  }

  private static String error(TestApp t, String messageId) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT error FROM inbound_mail WHERE message_id = :m")
        .bind("m", messageId).mapTo(String.class).findFirst().orElse(""));
  }
}
