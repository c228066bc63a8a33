package io.marketdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.marketdesk.feature.DemoData;
import io.marketdesk.store.Database;
import io.marketdesk.testing.Dovecot;
import io.marketdesk.testing.TestApp;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Crash safety (docs/architecture.md) with real crashes: marketdesk runs as its own process (the
 * {@code Main} a user starts) against a real IMAP server (Dovecot) and an SMTP server, and is killed
 * with SIGKILL at random moments (a seeded random: {@code -Dit.kill.seed=N} repeats a run) while its
 * intake is working through a backlog, then started again. Every mail is answered, by one reply each (the same
 * Message-ID however often it went out), and no crash sends again more than the mail that was in
 * flight on each SMTP connection.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class KillIT {
  private static final String SERVICE = "market@marketdesk.test";
  private static final int MAILS = 300;
  private static final int KILLS = 3;
  /** SMTP connections of the sender: a kill may catch one mail in flight on each. */
  private static final int CONNECTIONS = 2;

  @Test
  void shouldAnswerEveryMailOnceThoughKilledAtRandomMomentsWhileDraining() throws Exception {
    Dovecot.assumeInstalled();
    Path dir = Files.createTempDirectory("marketdesk-kill");
    int smtpPort;
    try (ServerSocket s = new ServerSocket(0)) {
      smtpPort = s.getLocalPort();
    }
    GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try (Dovecot dovecot = Dovecot.start(List.of(SERVICE))) {
      List<MimeMessage> mails = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < MAILS; i++) {
        String id = "kill." + i + "." + System.nanoTime() + "@client.test";
        ids.add(id);
        mails.add(Dovecot.mail(id, i % 2 == 0 ? DemoData.ALICE : DemoData.BOB, SERVICE, "backlog " + i, "帮助\n"));
      }
      dovecot.append(SERVICE, mails);

      Map<String, String> env = new HashMap<>();
      env.put("MARKETDESK_EMBEDDED_MAIL", "false");
      env.put("MARKETDESK_IMAP_URL", dovecot.imapUrl(SERVICE));
      env.put("MARKETDESK_SMTP_URL", "smtp://127.0.0.1:" + smtpPort);
      env.put("MARKETDESK_MAIL_ADDRESS", SERVICE);
      env.put("MARKETDESK_DB_URL", TestApp.freshDatabaseUrl(dir));
      env.put("MARKETDESK_DEMO_DATA", "true");
      env.put("MARKETDESK_WEB_PORT", "0");
      env.put("MARKETDESK_SECURITY_REPLIES_PER_HOUR", "100000");
      env.put("MARKETDESK_OUTBOX_CONNECTIONS", String.valueOf(CONNECTIONS));
      // what a killed instance had claimed is sent by the next one when the lease ends
      env.put("MARKETDESK_OUTBOX_CLAIM_LEASE", "PT3S");
      // a mail a killed instance processed but did not move is moved by the next after a poll interval
      env.put("MARKETDESK_MAIL_POLL_INTERVAL", "PT2S");
      // small groups, so that a run takes long enough for a kill to land in the middle of its work
      env.put("MARKETDESK_MAIL_BATCH_SIZE", "10");

      long seed = Long.getLong("it.kill.seed", System.nanoTime());
      System.out.println("KillIT seed " + seed + " (-Dit.kill.seed=" + seed + " repeats this run)");
      Random random = new Random(seed);
      String dbUrl = env.get("MARKETDESK_DB_URL");
      for (int k = 0; k < KILLS; k++) {
        Process p = start(env, dir.resolve("run" + k + ".log"));
        long before = processed(dbUrl);
        // wait until this run's intake has processed a mail of its own, then kill it a random moment later
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).ignoreExceptions()
            .until(() -> processed(dbUrl) > before || !p.isAlive());
        assertThat(p.isAlive()).as("run %d alive until its kill (seed %d)", k, seed).isTrue();
        int delay = random.nextInt(150);
        Awaitility.await().pollDelay(Duration.ofMillis(delay)).until(() -> true);
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        long atKill = processed(dbUrl);
        System.out.printf("KillIT kill %d after %d ms: %d -> %d mails processed%n", k, delay, before, atKill);
        assertThat(atKill).as("kill %d landed while the intake was working (seed %d)", k, seed)
            .isGreaterThan(before).isLessThan(MAILS);
      }
      assertThat(repliedTo(smtp).keySet()).as("the kills came while mails were waiting").hasSizeLessThan(MAILS);
      Process last = start(env, dir.resolve("last.log"));
      try {
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> repliedTo(smtp).keySet().containsAll(ids));
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
            .until(() -> dovecot.count(SERVICE, "INBOX") == 0);
      } finally {
        last.destroy();
        last.waitFor(20, TimeUnit.SECONDS);
      }

      Map<String, Set<String>> replies = repliedTo(smtp);
      for (String id : ids) {
        assertThat(replies.get(id)).as("reply Message-IDs for %s", id).hasSize(1);
      }
      // at most the mail in flight on each connection went out twice per kill, its Message-ID unchanged
      assertThat(deliveries(smtp)).isBetween(MAILS, MAILS + KILLS * CONNECTIONS);
      try (Database db = Database.open(env.get("MARKETDESK_DB_URL"), "", "", 2)) {
        long stored = db.jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM inbound_mail WHERE message_id LIKE 'kill.%' AND status = 'processed'")
            .mapTo(Long.class).one());
        long queued = db.jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM outbox WHERE kind = 'reply' AND in_reply_to LIKE 'kill.%'").mapTo(Long.class).one());
        assertThat(stored).isEqualTo(MAILS);
        assertThat(queued).isEqualTo(MAILS);
      }
    } finally {
      smtp.stop();
    }
  }

  /**
   * How many of the backlog's mails are processed, read from the store the process writes; 0 before
   * the first process has created its tables.
   */
  private static long processed(String dbUrl) {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(dbUrl);
        java.sql.ResultSet r = c.createStatement().executeQuery(
            "SELECT COUNT(*) FROM inbound_mail WHERE message_id LIKE 'kill.%' AND status = 'processed'")) {
      r.next();
      return r.getLong(1);
    } catch (java.sql.SQLException e) {
      // before the first start has made the tables: SQLite "no such table", PostgreSQL 42P01
      if (String.valueOf(e.getMessage()).contains("no such table") || "42P01".equals(e.getSQLState())) {
        return 0;
      }
      throw new IllegalStateException(e);
    }
  }

  /** Starts marketdesk's Main in a JVM of its own, as a user would, with these environment variables. */
  private static Process start(Map<String, String> env, Path log) throws IOException {
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.marketdesk.Main");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    return pb.start();
  }

  /** How many replies to the backlog's mails the SMTP server got (the demo data's mails aside). */
  private static int deliveries(GreenMail smtp) throws MessagingException {
    return repliedTo(smtp).values().stream().mapToInt(Set::size).sum() + resent(smtp);
  }

  /** Replies received more than once (same Message-ID). */
  private static int resent(GreenMail smtp) throws MessagingException {
    Set<String> seen = new HashSet<>();
    int again = 0;
    for (MimeMessage m : smtp.getReceivedMessages()) {
      String inReplyTo = m.getHeader("In-Reply-To", null);
      if (inReplyTo != null && inReplyTo.contains("kill.") && !seen.add(m.getMessageID())) {
        again++;
      }
    }
    return again;
  }

  /** Original Message-ID -> the Message-IDs of the replies the SMTP server got for it. */
  private static Map<String, Set<String>> repliedTo(GreenMail smtp) throws MessagingException {
    Map<String, Set<String>> out = new HashMap<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      String inReplyTo = m.getHeader("In-Reply-To", null);
      if (inReplyTo != null && inReplyTo.contains("kill.")) {
        out.computeIfAbsent(inReplyTo.replaceAll("[<>]", "").trim(), x -> new HashSet<>()).add(m.getMessageID());
      }
    }
    return out;
  }
}
