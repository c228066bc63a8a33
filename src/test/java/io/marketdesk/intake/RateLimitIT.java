package io.marketdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * security.replies-per-hour holds replies back and never drops one: the address gets one notice that
 * says so and when replies resume, and the held replies go out in order when the hour allows.
 */
@Timeout(120)
class RateLimitIT {
  static final String SERVICE = "market@marketdesk.test";

  private static String kind(Mail m) {
    try {
      return m.raw().getHeader("X-Marketdesk-Kind", null);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The subjects of the replies and held-notices in alice's mailbox (the demo data also mails her), in arrival order. */
  private static List<String> answers(TestApp t) {
    List<String> out = new ArrayList<>();
    for (Mail m : t.mail.inbox(DemoData.ALICE)) {
      if ("held".equals(kind(m))) {
        out.add("held");
      } else if (m.subject().startsWith("Re: n")) {
        out.add(m.subject().substring(4));
      }
    }
    return out;
  }

  private static long count(TestApp t, String sql) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  private static long held(TestApp t) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM outbox WHERE to_addr = :a AND kind = 'reply' AND status = 'waiting' AND release_at > :now")
        .bind("a", DemoData.ALICE).bind("now", t.clock.millis()).mapTo(Long.class).one());
  }

  @Test
  void shouldHoldRepliesOverTheHourlyCapAndSendThemInOrderWhenTheHourAllows() {
    try (TestApp t = TestApp.start(Map.of("security.replies-per-hour", "3"))) {
      long start = t.clock.millis();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        ids.add(t.mail.send(DemoData.ALICE, SERVICE, "n" + i, "帮助"));
        // one at a time, so that the intake takes them in this order
        String id = ids.get(i);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> t.app.db().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM inbound_mail WHERE message_id = :m AND status = 'processed'")
            .bind("m", id).mapTo(Long.class).one()) == 1);
      }
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> answers(t).size() == 4);
      assertThat(answers(t)).containsExactly("n0", "n1", "n2", "held");
      assertThat(held(t)).isEqualTo(2);

      Mail notice = t.mail.await(DemoData.ALICE, m -> "held".equals(kind(m)));
      String resume = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"))
          .format(Instant.ofEpochMilli(start).plus(Duration.ofHours(1)));
      assertThat(notice.subject()).contains("3");
      assertThat(notice.body()).contains(resume).contains("3");
      assertThat(notice.inReplyTo()).isEqualTo(ids.get(3));

      // one more within the hour: held too, behind the others, and no second notice
      String sixth = t.mail.send(DemoData.ALICE, SERVICE, "n5", "帮助");
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> held(t) == 3);
      assertThat(count(t, "SELECT COUNT(*) FROM outbox WHERE kind = 'held'")).isEqualTo(1);

      t.clock.advance(Duration.ofMinutes(61));
      t.mail.awaitReplyTo(DemoData.ALICE, sixth);
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> answers(t).size() == 7);
      assertThat(answers(t)).containsExactly("n0", "n1", "n2", "held", "n3", "n4", "n5");
      assertThat(held(t)).isZero();
      assertThat(count(t, "SELECT COUNT(*) FROM outbox WHERE status = 'suppressed'")).isZero();
    }
  }
}
