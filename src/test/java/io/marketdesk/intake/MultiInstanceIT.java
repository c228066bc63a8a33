package io.marketdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.app.DemoData;
import io.marketdesk.schedule.Scheduler;
import io.marketdesk.testing.FakeClock;
import io.marketdesk.testing.TestApp;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Three instances on one mailbox and one database (SPEC §10 "several instances"): 1,000 mails, one
 * instance killed midway; every mail gets exactly one reply and is acted on once. Runs on the database
 * of the build (SQLite file shared by the three apps, or PostgreSQL in the postgres run).
 */
class MultiInstanceIT {
  private static final int MAILS = Integer.getInteger("it.multi.mails", 1000);
  private static final String SERVICE = "market@marketdesk.test";
  private static final List<String> SENDERS = List.of(DemoData.ALICE, DemoData.BOB, DemoData.OPERATOR);

  @Test
  @Disabled("WIP: with three sessions on one GreenMail mailbox and 1,000 deliveries the intakes stall"
      + " (GreenMail throws IllegalStateException 'Need to do this properly...' in a session; IDLE sessions"
      + " wait for DONE); to be finished, or run against Dovecot")
  void shouldReplyOnceToEveryMailWhenThreeInstancesShareOneMailboxAndOneIsKilled() throws Exception {
    FakeClock clock = FakeClock.now();
    Map<String, String> keys = Map.of(
        "security.replies-per-hour", "100000",
        "mail.batch-size", "50",
        "mail.poll-interval", "PT2S",
        // polling: with three sessions in IDLE on one GreenMail mailbox and 1,000 deliveries, the IDLE
        // sessions were seen to stall (GreenMail waiting for DONE, the client for a response); see the report
        "mail.idle", "false");
    List<TestApp> apps = new ArrayList<>();
    try {
      TestApp first = TestApp.start(keys, clock);
      apps.add(first);
      apps.add(TestApp.another(first, keys, clock));
      TestApp victim = TestApp.another(first, keys, clock);
      apps.add(victim);
      Jdbi jdbi = first.app.db().jdbi();
      System.out.println("MultiInstanceIT on " + first.app.db().dialect());

      assertThat(onceAcrossInstances(apps)).as("Scheduler.once winners").isEqualTo(1);

      Set<String> sent = sendMails(first.app.embedded().smtpPort());

      Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
          .until(() -> count(jdbi, "SELECT COUNT(*) FROM inbound_mail") >= MAILS * 3 / 10);
      // abruptly: the store goes first, under whatever transaction or SMTP send is in flight
      victim.app.db().close();
      victim.close();
      apps.remove(victim);
      // the leases of outbox rows the dead instance had claimed run out
      clock.advance(Duration.ofMinutes(6));

      try {
        Awaitility.await().atMost(Duration.ofMinutes(Integer.getInteger("it.multi.minutes", 4))).pollInterval(Duration.ofMillis(500))
            .until(() -> count(jdbi, "SELECT COUNT(*) FROM outbox WHERE status = 'sent'") >= MAILS
                && serviceInboxCount(first.app.embedded().imapPort()) == 0);
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        System.out.println("inbound " + jdbi.withHandle(h -> h.createQuery(
            "SELECT status, COUNT(*) FROM inbound_mail GROUP BY status").mapToMap().list()));
        System.out.println("outbox " + jdbi.withHandle(h -> h.createQuery(
            "SELECT status, claimed_by, COUNT(*) FROM outbox GROUP BY status, claimed_by").mapToMap().list()));
        System.out.println("service inbox " + serviceInboxCount(first.app.embedded().imapPort()));
        throw e;
      }

      assertThat(count(jdbi, "SELECT COUNT(*) FROM inbound_mail")).isEqualTo(MAILS);
      assertThat(count(jdbi, "SELECT COUNT(*) FROM inbound_mail WHERE status = 'processed'")).isEqualTo(MAILS);
      assertThat(count(jdbi, "SELECT COUNT(*) FROM outbox")).isEqualTo(MAILS);
      assertThat(count(jdbi, "SELECT COUNT(*) FROM (SELECT inbound_id FROM outbox GROUP BY inbound_id"
          + " HAVING COUNT(*) > 1) x")).isZero();

      Map<String, Set<String>> replies = new HashMap<>();
      int copies = 0;
      for (MimeMessage m : first.app.embedded().greenMail().getReceivedMessages()) {
        if (m.getHeader("X-Marketdesk-Kind") == null) {
          continue;
        }
        copies++;
        String inReplyTo = strip(m.getHeader("In-Reply-To", null));
        replies.computeIfAbsent(inReplyTo, k -> new HashSet<>()).add(m.getMessageID());
      }
      assertThat(replies.keySet()).containsExactlyInAnyOrderElementsOf(sent);
      assertThat(replies.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
      // delivery is at least once: a send the kill cut between the SMTP answer and the row update goes
      // again after the lease, with the same Message-ID (mail clients show it once)
      assertThat(copies).isBetween(MAILS, MAILS + 50);
      System.out.println("MultiInstanceIT: " + MAILS + " mails, " + copies + " reply copies delivered");
    } finally {
      for (int i = apps.size() - 1; i >= 0; i--) {
        apps.get(i).close();
      }
    }
  }

  private static int onceAcrossInstances(List<TestApp> apps) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(apps.size());
    try {
      long now = System.currentTimeMillis();
      List<Future<Boolean>> results = new ArrayList<>();
      for (TestApp t : apps) {
        Callable<Boolean> c = () -> t.app.db().jdbi().inTransaction(h -> Scheduler.once(h, "it.multi", "p1", now));
        results.add(pool.submit(c));
      }
      int winners = 0;
      for (Future<Boolean> f : results) {
        winners += f.get() ? 1 : 0;
      }
      return winners;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Set<String> sendMails(int smtpPort) throws MessagingException {
    Properties p = new Properties();
    p.put("mail.smtp.host", "127.0.0.1");
    p.put("mail.smtp.port", String.valueOf(smtpPort));
    Session session = Session.getInstance(p);
    Set<String> ids = new HashSet<>();
    Transport t = session.getTransport("smtp");
    t.connect();
    try {
      for (int i = 0; i < MAILS; i++) {
        String id = "multi." + i + "." + System.nanoTime() + "@client.test";
        MimeMessage m = new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + id + ">");
          }
        };
        m.setFrom(new InternetAddress(SENDERS.get(i % SENDERS.size())));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(SERVICE));
        m.setSubject("第 " + i + " 封", "UTF-8");
        m.setText("帮助\n", "UTF-8");
        m.saveChanges();
        t.sendMessage(m, m.getAllRecipients());
        ids.add(id);
      }
    } finally {
      t.close();
    }
    return ids;
  }

  private static int serviceInboxCount(int imapPort) throws MessagingException {
    Properties p = new Properties();
    Store s = Session.getInstance(p).getStore("imap");
    s.connect("127.0.0.1", imapPort, SERVICE, "demo");
    try {
      Folder f = s.getFolder("INBOX");
      f.open(Folder.READ_ONLY);
      int n = f.getMessageCount();
      f.close(false);
      return n;
    } finally {
      s.close();
    }
  }

  private static long count(Jdbi jdbi, String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  private static String strip(String id) {
    if (id == null) {
      return null;
    }
    id = id.trim();
    return id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
  }
}
