package io.marketdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.Dovecot;
import io.marketdesk.testing.FakeClock;
import io.marketdesk.testing.TestApp;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** docs/reliability.md: a crash between the commit and the mailbox change, and SMTP down, lose and double nothing. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class CrashSafetyIT {
  private static final String SERVICE = "market@marketdesk.test";

  @Test
  void shouldNotReplyTwiceWhenProcessingStoppedBetweenCommitAndMailboxMove() throws Exception {
    try (TestApp t = TestApp.start()) {
      t.app.intake().stop();
      String id = t.mail.send(DemoData.ALICE, SERVICE, "crash", "帮助\n");
      GreenMail gm = t.app.embedded().greenMail();
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> rawOf(gm, id) != null);
      // committed, but the mail stays in INBOX: as if the process died before the MOVE
      assertThat(t.app.processor().accept(rawOf(gm, id))).isEqualTo(MailProcessor.Result.REPLIED);
      t.mail.awaitReplyTo(DemoData.ALICE, id);

      try (TestApp restarted = TestApp.another(t, Map.of(), t.clock)) {
        // (reading the inbox races with the MOVE: a mail moved while it is read fails that read)
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> t.mail.inbox(SERVICE).isEmpty());
        assertThat(t.mail.inbox(DemoData.ALICE).stream().filter(m -> id.equals(m.inReplyTo()))).hasSize(1);
        long rows = t.app.db().jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM outbox o JOIN inbound_mail i ON o.inbound_id = i.id WHERE i.message_id = :mid")
            .bind("mid", id).mapTo(Long.class).one());
        assertThat(rows).isEqualTo(1);
      }
    }
  }

  @Test
  void shouldKeepRepliesInTheOutboxWhileSmtpIsDownAndSendThemWhenItIsBack() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (TestApp t = TestApp.start()) {
      // the first instance only hosts the mail server; the second, whose SMTP is down, does the work
      t.app.intake().stop();
      t.app.sender().close();
      try (TestApp down = TestApp.another(t, Map.of("smtp.url", "smtp://127.0.0.1:" + port), t.clock)) {
        String id = t.mail.send(DemoData.BOB, SERVICE, "smtp down", "帮助\n");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> t.app.db().jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM outbox WHERE status = 'waiting' AND attempts > 0 AND in_reply_to = :id")
            .bind("id", id).mapTo(Long.class).one()) == 1);

        GreenMail back = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        back.start();
        try {
          t.clock.advance(Duration.ofMinutes(1));
          // (mails the stopped first instance had claimed may come too, once their lease is over)
          Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            t.clock.advance(Duration.ofSeconds(5));
            return repliesTo(back, id) >= 1;
          });
          assertThat(repliesTo(back, id)).isEqualTo(1);
        } finally {
          back.stop();
        }
      }
    }
  }

  @Test
  void shouldSendOnANewConnectionAtOnceWhenTheSmtpServerDroppedTheReusedOne() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    GreenMail first = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    first.start();
    try (TestApp t = TestApp.start()) {
      t.app.intake().stop();
      t.app.sender().close();
      try (TestApp worker = TestApp.another(t, Map.of("smtp.url", "smtp://127.0.0.1:" + port), t.clock)) {
        String one = t.mail.send(DemoData.ALICE, SERVICE, "one", "帮助\n");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> repliesTo(first, one) == 1);
        // the server restarts: the sender's open connection is dead, and it does not know yet
        first.stop();
        GreenMail second = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        second.start();
        try {
          String two = t.mail.send(DemoData.ALICE, SERVICE, "two", "帮助\n");
          // the fake clock stands still, so a retry after a backoff would never come: only sending
          // again at once on a new connection delivers it
          Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> repliesTo(second, two) == 1);
          int attempts = t.app.db().jdbi().withHandle(h -> h.createQuery(
              "SELECT attempts FROM outbox WHERE in_reply_to = :id AND status = 'sent'")
              .bind("id", two).mapTo(Integer.class).one());
          assertThat(attempts).isEqualTo(1);
        } finally {
          second.stop();
        }
      }
    } finally {
      first.stop();
    }
  }

  private static long repliesTo(GreenMail server, String id) throws jakarta.mail.MessagingException {
    long n = 0;
    for (MimeMessage m : server.getReceivedMessages()) {
      if (("<" + id + ">").equals(m.getHeader("In-Reply-To", null))) {
        n++;
      }
    }
    return n;
  }

  @Test
  void shouldReconnectAndLoseNothingWhenTheImapServerRestartsMidRun() {
    try (Dovecot dovecot = Dovecot.start(List.of(SERVICE));
        TestApp t = TestApp.onMailbox(dovecot.imapUrl(SERVICE), Map.of("mail.reconnect-max", "PT2S"), FakeClock.now())) {
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> t.app.intake().status().mode().equals("IDLE"));
      String before = dovecot.append(SERVICE, DemoData.ALICE, "before the restart", "帮助\n");
      t.mail.awaitReplyTo(DemoData.ALICE, before);

      dovecot.stop();
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !t.app.intake().status().connected());
      assertThat(t.app.intake().status().mode()).isEqualTo("reconnecting");
      // the MTA goes on delivering into the Maildir while IMAP is down
      List<String> whileDown = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        String id = "down." + i + "." + System.nanoTime() + "@client.test";
        whileDown.add(id);
        dovecot.deliverToMaildir(SERVICE, Dovecot.mail(id, DemoData.BOB, SERVICE, "while down " + i, "帮助\n"));
      }
      dovecot.start();
      String after = dovecot.append(SERVICE, DemoData.ALICE, "after the restart", "帮助\n");

      for (String id : whileDown) {
        t.mail.awaitReplyTo(DemoData.BOB, id);
      }
      t.mail.awaitReplyTo(DemoData.ALICE, after);
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> dovecot.count(SERVICE, "INBOX") == 0);
      assertThat(t.app.intake().status().connected()).isTrue();
      assertThat(t.app.intake().status().mode()).isEqualTo("IDLE");
      // one reply each, nothing twice (the demo data's own mails to Bob answer no mail)
      assertThat(t.mail.inbox(DemoData.BOB).stream().filter(m -> m.inReplyTo() != null).map(m -> m.inReplyTo()))
          .containsExactlyInAnyOrderElementsOf(whileDown);
      assertThat(t.mail.inbox(DemoData.ALICE).stream().filter(m -> m.inReplyTo() != null).map(m -> m.inReplyTo()))
          .containsExactlyInAnyOrder(before, after);
      long rows = t.app.db().jdbi().withHandle(h -> h.createQuery(
          "SELECT COUNT(*) FROM outbox WHERE inbound_id IS NOT NULL").mapTo(Long.class).one());
      assertThat(rows).isEqualTo(7);
    }
  }

  private static byte[] rawOf(GreenMail gm, String messageId) throws Exception {
    for (MimeMessage m : gm.getReceivedMessages()) {
      if (("<" + messageId + ">").equals(m.getMessageID())) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toByteArray();
      }
    }
    return null;
  }
}
