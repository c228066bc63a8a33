package io.marketdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.store.FolderListener;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.TestApp;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A mail whose arrival the intake's IMAP session never hears of is still read. GreenMail (the
 * embedded demo server) announces a new mail to a session by a flag it reads, answers and then
 * clears, so a mail that lands in between is never announced; after HostileMailIT's 2 MB header
 * field the next mail sat unread that way. Here the announcement is suppressed outright (the
 * inbox's listeners are taken away while the mail is put in), and the mail must still be answered.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MissedArrivalIT {
  static final String SERVICE = "market@marketdesk.test";
  static TestApp t;

  @BeforeAll
  static void start() {
    t = TestApp.start(Map.of("security.replies-per-hour", "1000"));
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldReadAMailWhenTheServerNeverAnnouncedIt() throws Exception {
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> t.app.intake().status().connected());
    // the intake's session is idle on the inbox now, or soon; let it settle
    String warm = t.mail.send(DemoData.ALICE, SERVICE, "warm", "帮助\n");
    t.mail.awaitReplyTo(DemoData.ALICE, warm);

    GreenMailUser user = t.app.embedded().greenMail().getUserManager().getUserByEmail(SERVICE);
    MailFolder inbox = t.app.embedded().greenMail().getManagers().getImapHostManager().getInbox(user);
    Field f = inbox.getClass().getDeclaredField("_mailboxListeners");
    f.setAccessible(true);
    List<FolderListener> listeners = (List<FolderListener>) f.get(inbox);
    String id = "missed-" + System.nanoTime() + "@client.test";
    String raw = "From: " + DemoData.ALICE + "\r\nTo: " + SERVICE + "\r\nMessage-ID: <" + id + ">\r\nSubject: missed\r\n"
        + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n帮助\r\n";
    List<FolderListener> saved;
    synchronized (listeners) {
      saved = new ArrayList<>(listeners);
      listeners.clear();
    }
    try {
      user.deliver(new MimeMessage(Session.getInstance(new Properties()),
          new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
    } finally {
      synchronized (listeners) {
        listeners.addAll(saved);
      }
    }
    assertThat(t.mail.awaitReplyTo(DemoData.ALICE, id).body()).contains("【1】帮助");
  }
}
