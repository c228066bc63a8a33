package io.marketdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.Dovecot;
import io.marketdesk.testing.FakeClock;
import io.marketdesk.testing.MailClient;
import io.marketdesk.testing.TestApp;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The intake against a real IMAP server (Debian's Dovecot, started by the test on loopback), not only
 * GreenMail: IDLE, MOVE and UIDPLUS as Dovecot offers them. Skipped with a message when Dovecot is not
 * installed.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class DovecotIntakeIT {
  private static final String SERVICE = "market@marketdesk.test";

  private static Dovecot dovecot;

  @BeforeAll
  static void startDovecot() {
    dovecot = Dovecot.start(List.of(SERVICE));
  }

  @AfterAll
  static void stopDovecot() {
    if (dovecot != null) {
      dovecot.close();
    }
  }

  @Test
  void shouldReplyOverIdleAndMoveTheMailOutOfTheInboxWithMove() {
    // the watchdog's check comes only every minute: a reply within seconds is IDLE's doing
    Map<String, String> keys = Map.of("mail.poll-interval", "PT60S", "mail.processed-folder", "done-idle");
    String id;
    try (TestApp t = TestApp.onMailbox(dovecot.imapUrl(SERVICE), keys, FakeClock.now())) {
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> t.app.intake().status().mode().equals("IDLE"));

      id = dovecot.append(SERVICE, DemoData.ALICE, "帮助 over Dovecot", "帮助\n");

      MailClient.Mail reply = t.mail.awaitReplyTo(DemoData.ALICE, id);
      assertThat(reply.references()).contains(id);
      assertThat(reply.from()).contains(SERVICE);
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> dovecot.count(SERVICE, "INBOX") == 0);
      assertThat(dovecot.messageIds(SERVICE, "done-idle")).containsExactly(id);
      assertThat(t.app.intake().status().mode()).isEqualTo("IDLE");
    }
    // Dovecot's mail_log: the mail left INBOX by copy + expunge and was never flagged \Deleted, which is
    // MOVE (COPY + STORE \Deleted + EXPUNGE would log a delete event)
    List<String> lines = dovecot.log().lines().filter(l -> l.contains(id)).toList();
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("copy from INBOX"));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("expunge"));
    assertThat(lines).noneSatisfy(l -> assertThat(l).containsPattern(": delete:|flag_change"));
  }

  @Test
  void shouldProcessEveryMailOfABacklogInMailboxOrder() {
    Map<String, String> keys = Map.of("mail.processed-folder", "done-backlog", "mail.batch-size", "7");
    List<String> ids = new java.util.ArrayList<>();
    List<jakarta.mail.internet.MimeMessage> mails = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String id = "backlog." + i + "." + System.nanoTime() + "@client.test";
      ids.add(id);
      mails.add(Dovecot.mail(id, i % 2 == 0 ? DemoData.ALICE : DemoData.BOB, SERVICE, "积压 " + i, "帮助\n"));
    }
    dovecot.append(SERVICE, mails);
    long logins = dovecot.clientLogins(SERVICE);
    try (TestApp t = TestApp.onMailbox(dovecot.imapUrl(SERVICE), keys, FakeClock.now())) {
      Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> dovecot.count(SERVICE, "INBOX") == 0);
      long demoMails = t.app.db().jdbi().withHandle(h -> h.createQuery(
          "SELECT COUNT(*) FROM outbox WHERE inbound_id IS NULL AND to_addr IN (:a, :b)")
          .bind("a", DemoData.ALICE).bind("b", DemoData.BOB).mapTo(Long.class).one());
      assertThat(dovecot.messageIds(SERVICE, "done-backlog")).containsExactlyElementsOf(ids);
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(
          () -> t.mail.inbox(DemoData.ALICE).size() + t.mail.inbox(DemoData.BOB).size() >= 30 + demoMails);
      List<String> repliedTo = new java.util.ArrayList<>();
      // (the demo data mails Bob its review results; those answer no mail)
      t.mail.inbox(DemoData.ALICE).stream().filter(m -> m.inReplyTo() != null).forEach(m -> repliedTo.add(m.inReplyTo()));
      t.mail.inbox(DemoData.BOB).stream().filter(m -> m.inReplyTo() != null).forEach(m -> repliedTo.add(m.inReplyTo()));
      assertThat(repliedTo).containsExactlyInAnyOrderElementsOf(ids);
      // mailbox order is processing order: the inbound rows have the ids in the order of the mails
      List<String> stored = t.app.db().jdbi().withHandle(h -> h.createQuery(
          "SELECT message_id FROM inbound_mail ORDER BY id").mapTo(String.class).list());
      assertThat(stored).containsExactlyElementsOf(ids);
      // five batches moved on one session: Dovecot announces MOVE's expunges, nothing is reopened
      assertThat(t.app.intake().reopened()).isZero();
    }
    // one login for the intake's life (it was one per batch: closing and reopening INBOX after a move
    // made Jakarta Mail log out and in)
    assertThat(dovecot.clientLogins(SERVICE) - logins).isEqualTo(1);
  }
}
