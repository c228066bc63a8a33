package io.marketdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.app.DemoData;
import io.marketdesk.testing.TestApp;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** security.replies-per-hour holds, and the mails over it are kept. */
class RateLimitIT {
  /** Replies in alice's mailbox (the demo data also mails her notices). */
  private static long replies(TestApp t) {
    return t.mail.inbox(DemoData.ALICE).stream().filter(m -> m.subject().startsWith("Re: n") || m.subject().startsWith("Re: later")).count();
  }

  @Test
  void shouldHoldRepliesOverTheHourlyCapAndKeepTheMails() {
    try (TestApp t = TestApp.start(Map.of("security.replies-per-hour", "3"))) {
      for (int i = 0; i < 5; i++) {
        t.mail.send(DemoData.ALICE, "market@marketdesk.test", "n" + i, "帮助");
      }
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> t.app.db().jdbi().withHandle(h ->
          h.createQuery("SELECT COUNT(*) FROM inbound_mail WHERE status = 'processed' AND from_addr LIKE '%alice%'").mapTo(Long.class).one()) >= 5);
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> replies(t) == 3);
      long suppressed = t.app.db().jdbi().withHandle(h ->
          h.createQuery("SELECT COUNT(*) FROM outbox WHERE status = 'suppressed'").mapTo(Long.class).one());
      assertThat(suppressed).isEqualTo(2);
      t.clock.advance(Duration.ofMinutes(61));
      String later = t.mail.send(DemoData.ALICE, "market@marketdesk.test", "later", "帮助");
      t.mail.awaitReplyTo(DemoData.ALICE, later);
      assertThat(replies(t)).isEqualTo(4);
    }
  }
}
