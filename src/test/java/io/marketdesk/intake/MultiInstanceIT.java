package io.marketdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.schedule.Scheduler;
import io.marketdesk.testing.Dovecot;
import io.marketdesk.testing.FakeClock;
import io.marketdesk.testing.TestApp;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Three instances on one mailbox and one database (docs/DEPLOY.md, several instances): 1,000 mails, one
 * instance (a process of its own) killed with SIGKILL midway while it holds claimed replies, which
 * the others send once its lease has run out; every mail gets exactly one reply and is acted on once. The mailbox is a
 * real IMAP server (Dovecot; GreenMail's IMAP stalls with several sessions on one mailbox); the
 * database is the build's: one SQLite file shared by the three apps, or PostgreSQL in the postgres run.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class MultiInstanceIT {
  private static final int MAILS = Integer.getInteger("it.multi.mails", 1000);
  private static final String SERVICE = "market@marketdesk.test";
  private static final List<String> SENDERS = List.of(DemoData.ALICE, DemoData.BOB, DemoData.OPERATOR);

  @Test
  void shouldReplyOnceToEveryMailWhenThreeInstancesShareOneMailboxAndOneIsKilled() throws Exception {
    FakeClock clock = FakeClock.now();
    Map<String, String> keys = Map.of(
        "security.replies-per-hour", "100000",
        "mail.batch-size", "50",
        "mail.poll-interval", "PT2S",
        "mail.reconnect-max", "PT2S");
    List<TestApp> apps = new ArrayList<>();
    List<Process> processes = new ArrayList<>();
    try (Dovecot dovecot = Dovecot.start(List.of(SERVICE));
        ServerSocket silentSmtp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      run(dovecot, silentSmtp.getLocalPort(), apps, processes, clock, keys);
    } finally {
      for (Process p : processes) {
        p.destroyForcibly();
      }
      // (the apps before the mail server: an app whose server goes first logs a lost connection)
      for (int i = apps.size() - 1; i >= 0; i--) {
        apps.get(i).close();
      }
    }
  }

  private static void run(Dovecot dovecot, int silentSmtpPort, List<TestApp> apps, List<Process> processes,
      FakeClock clock, Map<String, String> keys) throws Exception {
    TestApp first = TestApp.onMailbox(dovecot.imapUrl(SERVICE), keys, clock);
    apps.add(first);
    apps.add(TestApp.another(first, keys, clock));
    // the third instance is a process of its own, so that it can be killed with SIGKILL; it runs on
    // the real clock, the two others on the test's, which moves past its leases below
    Map<String, String> victimKeys = new HashMap<>(keys);
    victimKeys.put("security.actions-per-hour", "100000");
    // the victim's SMTP server takes the connection and never answers (the kernel accepts it, no one
    // reads): what the victim's sender claims stays claimed until the kill, whatever the speed of the
    // others, so the kill always finds replies it holds (the lease-expiry case below)
    victimKeys.put("smtp.url", "smtp://127.0.0.1:" + silentSmtpPort);
    Path victimLog = Files.createTempDirectory("marketdesk-victim").resolve("victim.log");
    Process victim = TestApp.startMain(first.anotherProcessEnv(victimKeys), victimLog);
    processes.add(victim);
    // the mails come once all three are up: the two in this JVM alone would answer them all before
    // the third's JVM has started, and there would be nothing of its to kill
    Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
        .until(() -> !victim.isAlive() || Files.exists(victimLog) && Files.readString(victimLog).contains("connected (IDLE)"));
    // a claim names the instance ("pid@host/…"): the two in this JVM share its pid, the victim not
    String ours = ManagementFactory.getRuntimeMXBean().getName() + "/%";
    Jdbi jdbi = first.app.db().jdbi();
    long started = System.nanoTime();
    System.out.println("MultiInstanceIT on " + first.app.db().dialect());

    assertThat(onceAcrossInstances(apps)).as("Scheduler.once winners").isEqualTo(1);
    String victimSending = "SELECT COUNT(*) FROM outbox WHERE status = 'sending' AND claimed_by NOT LIKE '" + ours + "'";

    // half the mails ask for help (read only), half for a login link (a token row: a write)
    List<String> sent = new ArrayList<>();
    List<MimeMessage> mails = new ArrayList<>();
    for (int i = 0; i < MAILS; i++) {
      String id = "multi." + i + "." + System.nanoTime() + "@client.test";
      sent.add(id);
      mails.add(Dovecot.mail(id, SENDERS.get(i % SENDERS.size()), SERVICE, "第 " + i + " 封",
          i % 2 == 0 ? "帮助\n" : "登录\n"));
    }
    // delivered while the instances work, as an MTA would
    ExecutorService delivery = Executors.newSingleThreadExecutor();
    Future<?> delivered = delivery.submit(() -> {
      dovecot.append(SERVICE, mails);
      System.out.printf("MultiInstanceIT: %d mails appended in %d ms%n", MAILS, (System.nanoTime() - started) / 1_000_000);
    });
    delivery.shutdown();

    // kill -9 midway, at a moment the victim holds replies it has claimed and not sent yet
    try {
      Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(5))
          .until(() -> !victim.isAlive() || count(jdbi, "SELECT COUNT(*) FROM inbound_mail") >= MAILS * 3 / 10
              && count(jdbi, victimSending) > 0);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      dump(jdbi, dovecot);
      throw e;
    }
    assertThat(victim.isAlive()).as("the victim ran until its kill").isTrue();
    victim.destroyForcibly().waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
    System.out.printf("MultiInstanceIT: one instance killed after %d ms, %d mails stored%n",
        (System.nanoTime() - started) / 1_000_000, count(jdbi, "SELECT COUNT(*) FROM inbound_mail"));
    delivered.get(2, java.util.concurrent.TimeUnit.MINUTES);
    // the two others process every mail, the dead one's included (it is still in the inbox, stored
    // but unprocessed, or processed but not moved), and send every reply but those the dead one had
    // claimed: these stay 'sending' under its lease
    String unsent = "SELECT COUNT(*) FROM outbox WHERE inbound_id IS NOT NULL AND status <> 'sent'";
    try {
      Awaitility.await().atMost(Duration.ofMinutes(Integer.getInteger("it.multi.minutes", 3)))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> count(jdbi, "SELECT COUNT(*) FROM inbound_mail WHERE status = 'processed'") == MAILS
              && dovecot.count(SERVICE, "INBOX") == 0
              // (a reply the victim queued is due by its own, real clock: later than the test's)
              && count(jdbi, "SELECT COUNT(*) FROM outbox WHERE status = 'waiting' AND next_attempt_at <= "
                  + clock.millis()) == 0);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      dump(jdbi, dovecot);
      throw e;
    }
    long[] orphans = {count(jdbi, unsent)};
    Awaitility.await().atMost(Duration.ofSeconds(30)).during(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100))
        .until(() -> {
          long n = count(jdbi, unsent);
          boolean same = n == orphans[0];
          orphans[0] = n;
          return same;
        });
    // held by the dead instance alone (a claim names the instance and its sender thread)
    List<String> holders = jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT claimed_by FROM outbox"
        + " WHERE inbound_id IS NOT NULL AND status <> 'sent' AND claimed_by IS NOT NULL").mapTo(String.class).list());
    assertThat(holders.stream().map(c -> c == null ? "" : c.substring(0, c.lastIndexOf('/'))).distinct())
        .hasSizeLessThanOrEqualTo(1);
    long heldByVictim = count(jdbi, victimSending);
    assertThat(heldByVictim).as("replies the killed instance had claimed: the lease-expiry case").isPositive();
    assertThat(orphans[0]).isGreaterThanOrEqualTo(heldByVictim);
    System.out.printf("MultiInstanceIT: %d replies held under the dead instance's lease%n", orphans[0]);
    // its leases run out: the others send those too
    clock.advance(Duration.ofMinutes(6));

    try {
      Awaitility.await().atMost(Duration.ofMinutes(Integer.getInteger("it.multi.minutes", 3)))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> count(jdbi, "SELECT COUNT(*) FROM outbox WHERE inbound_id IS NOT NULL AND status = 'sent'") >= MAILS
              && dovecot.count(SERVICE, "INBOX") == 0);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      dump(jdbi, dovecot);
      throw e;
    }
    System.out.printf("MultiInstanceIT: all processed and sent after %d ms%n", (System.nanoTime() - started) / 1_000_000);
    // the lease-expiry branch ran: what the killed instance held was sent by the others
    assertThat(count(jdbi, victimSending)).isZero();

    // each mail stored once, processed once, answered by one outbox row; each login mail one token
    assertThat(count(jdbi, "SELECT COUNT(*) FROM inbound_mail")).isEqualTo(MAILS);
    assertThat(count(jdbi, "SELECT COUNT(*) FROM inbound_mail WHERE status = 'processed'")).isEqualTo(MAILS);
    assertThat(count(jdbi, "SELECT COUNT(DISTINCT message_id) FROM inbound_mail")).isEqualTo(MAILS);
    assertThat(count(jdbi, "SELECT COUNT(*) FROM inbound_mail WHERE attempts <> 1")).isZero();
    assertThat(count(jdbi, "SELECT COUNT(*) FROM outbox WHERE inbound_id IS NOT NULL")).isEqualTo(MAILS);
    assertThat(count(jdbi, "SELECT COUNT(*) FROM (SELECT inbound_id FROM outbox WHERE inbound_id IS NOT NULL"
        + " GROUP BY inbound_id HAVING COUNT(*) > 1) x")).isZero();
    assertThat(count(jdbi, "SELECT COUNT(*) FROM token WHERE purpose = 'login'")).isEqualTo(MAILS / 2);
    // every mail is in the processed folder, once
    List<String> moved = dovecot.messageIds(SERVICE, "marketdesk-processed");
    assertThat(moved).hasSize(MAILS).containsExactlyInAnyOrderElementsOf(sent);

    Map<String, Set<String>> replies = new HashMap<>();
    int copies = 0;
    for (MimeMessage m : first.mailServer.greenMail().getReceivedMessages()) {
      String inReplyTo = strip(m.getHeader("In-Reply-To", null));
      if (m.getHeader("X-Marketdesk-Kind") == null || inReplyTo == null) {
        continue;
      }
      copies++;
      replies.computeIfAbsent(inReplyTo, k -> new HashSet<>()).add(m.getMessageID());
    }
    assertThat(replies.keySet()).containsExactlyInAnyOrderElementsOf(sent);
    assertThat(replies.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
    // delivery is at least once: a send the kill cut between the SMTP answer and the row update goes
    // again after the lease, with the same Message-ID (mail clients show it once)
    assertThat(copies).isBetween(MAILS, MAILS + (int) orphans[0]);
    System.out.println("MultiInstanceIT: " + MAILS + " mails, " + copies + " reply copies delivered");
    for (int i = apps.size() - 1; i >= 0; i--) {
      apps.remove(i).close();
    }
  }

  private static void dump(Jdbi jdbi, Dovecot dovecot) {
    System.out.println("inbound " + jdbi.withHandle(h -> h.createQuery(
        "SELECT status, COUNT(*) FROM inbound_mail GROUP BY status").mapToMap().list()));
    System.out.println("outbox " + jdbi.withHandle(h -> h.createQuery(
        "SELECT status, claimed_by, COUNT(*) FROM outbox GROUP BY status, claimed_by").mapToMap().list()));
    System.out.println("service inbox " + dovecot.count(SERVICE, "INBOX"));
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
