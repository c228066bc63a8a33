package io.marketdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.intake.InboundStore;
import io.marketdesk.testing.FakeClock;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The benchmark row of docs/BENCHMARKS.md "one reply deciding 500 reviews": 500 product reviews are
 * opened through the mail pipeline, the digest lists them, and one reply {@code 通过 1-500} goes over
 * SMTP. Measured: from the end of that SMTP send (GreenMail has stored the mail) until all 500 result
 * mails to the providers are in the outbox. For comparison, the same for 20 one-by-one replies to
 * review mails. Prints the figures; asserts only that everything was decided (timing is not a test).
 * Runs only when asked ({@code -Dbench.batch=true}): it takes about a minute.
 */
@EnabledIfSystemProperty(named = "bench.batch", matches = "true")
class BatchDecisionBenchmarkIT {
  static final String SERVICE = "market@marketdesk.test";
  static final int N = 500;

  @Test
  void shouldDecideFiveHundredReviewsFromOneReply() {
    try (TestApp t = TestApp.start(Map.of("security.replies-per-hour", "100000"),
        new FakeClock(Instant.parse("2026-12-01T00:00:00Z")))) {
      t.closeDemoReviews();
      List<InboundStore.Incoming> mails = new ArrayList<>();
      for (int i = 0; i < N + 20; i++) {
        String from = i % 2 == 0 ? DemoData.ALICE : DemoData.BOB;
        String raw = "From: " + from + "\r\nTo: " + SERVICE + "\r\nSubject: new\r\nMessage-ID: <bench." + i
            + "@client.test>\r\nDate: Tue, 1 Dec 2026 08:00:00 +0800\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            + "新建商品\r\n名称: 压测商品" + i + "\r\n服务类型: 运维服务\r\n价格: " + (100 + i)
            + "\r\n计费单位: 次\r\n简介: 简介\r\n详情: 详情\r\n";
        mails.add(InboundStore.Incoming.of(raw.getBytes(StandardCharsets.UTF_8)));
      }
      for (int from = 0; from < mails.size(); from += 100) {
        t.app.processor().acceptAll(mails.subList(from, Math.min(mails.size(), from + 100)));
      }
      long open = t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM review WHERE status = 'open'")
          .mapTo(Long.class).one());
      assertThat(open).isEqualTo(N + 20);

      // One-by-one first: 20 replies to review mails (the last 20 reviews), each timed to its result mail.
      long oneByOne = 0;
      List<Long> last = t.app.db().jdbi().withHandle(h -> h.createQuery(
          "SELECT id FROM review WHERE status = 'open' ORDER BY id DESC LIMIT 20").mapTo(Long.class).list());
      for (long id : last) {
        Mail review = t.mail.await(DemoData.OPERATOR, m -> m.subject().contains("#" + id + "】"));
        long t0 = System.nanoTime();
        t.mail.reply(DemoData.OPERATOR, review, "同意");
        Awaitility.await().pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(30)).until(() -> results(t, id) == 1);
        oneByOne += System.nanoTime() - t0;
      }

      t.clock.set(Instant.parse("2026-12-01T01:05:00Z"));
      t.app.scheduler().tickNow();
      Mail digest = t.mail.await(DemoData.OPERATOR, m -> m.subject().contains("待审核汇总"));
      assertThat(digest.subject()).contains(N + " 项待审核");
      long before = resultCount(t);
      long t0 = System.nanoTime();
      t.mail.reply(DemoData.OPERATOR, digest, "通过 1-" + N);
      long delivered = System.nanoTime();
      Awaitility.await().pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(120))
          .until(() -> resultCount(t) - before == N);
      long done = System.nanoTime();
      System.out.printf("BENCH batch: one reply deciding %d reviews: %d ms from delivery to all result mails in the outbox"
              + " (SMTP send %d ms); one by one: %.0f ms per reply (mean of %d)%n",
          N, (done - delivered) / 1_000_000, (delivered - t0) / 1_000_000, oneByOne / 1e6 / last.size(), last.size());
    }
  }

  private static long results(TestApp t, long reviewId) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery(
        "SELECT COUNT(*) FROM review WHERE id = :id AND status = 'approved'").bind("id", reviewId).mapTo(Long.class).one())
        * t.app.db().jdbi().withHandle(h -> h.createQuery(
        "SELECT COUNT(*) FROM outbox WHERE subject LIKE :s").bind("s", "%审核结果 #" + reviewId + "】%")
        .mapTo(Long.class).one());
  }

  private static long resultCount(TestApp t) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery(
        "SELECT COUNT(*) FROM outbox WHERE subject LIKE '%审核结果 #%' AND to_addr IN (:a, :b)")
        .bind("a", DemoData.ALICE).bind("b", DemoData.BOB).mapTo(Long.class).one());
  }
}
