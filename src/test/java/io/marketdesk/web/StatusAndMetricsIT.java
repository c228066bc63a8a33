package io.marketdesk.web;

import static io.marketdesk.web.WebFixtures.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.TestApp;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The public status page (counts only, no personal data) and /metrics. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class StatusAndMetricsIT {
  static TestApp t;

  @BeforeAll
  static void start() {
    t = TestApp.start();
    t.closeDemoReviews();
    WebFixtures.seed(t);
    String id = t.mail.send(DemoData.ALICE, "market@marketdesk.test", "help", "帮助\n");
    t.mail.awaitReplyTo(DemoData.ALICE, id);
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @Test
  void shouldShowCountsAndChartsWithoutPersonalData() {
    HttpResponse<String> r = get(t, "/?lang=zh", null);
    assertThat(r.statusCode()).isEqualTo(200);
    String page = r.body();
    assertThat(page).contains("id=\"intake\"").contains("id=\"outbox\"").contains("id=\"reviews\"")
        .contains("id=\"products\"").contains("id=\"orders\"").contains("id=\"per-hour\"").contains("id=\"due\"")
        .contains("待审核").contains("已超期").contains("已上架").contains("申诉中").contains("<svg")
        .contains("id=\"audit\"").contains("已入链的记录").contains("等待入链的记录");
    assertThat(page).doesNotContain("<script").doesNotContain("http://").doesNotContain("https://");
    for (String personal : new String[] {DemoData.ALICE, DemoData.BOB, DemoData.BUYER, DemoData.OPERATOR,
        WebFixtures.OTHER_BUYER, WebFixtures.BOB_SECRET_BUYER, DemoData.ALICE_ACCOUNT, DemoData.BOB_ACCOUNT, "云帆", "北辰"}) {
      assertThat(page).doesNotContain(personal);
    }
    assertThat(page).doesNotContain("@");
    assertThat(get(t, "/?lang=en", null).body()).contains("Open reviews by due date").contains("Mails per hour")
        .doesNotContain("@");
  }

  @Test
  void shouldCountReviewsOverdueInTheDueChart() {
    String page = get(t, "/?lang=en", null).body();
    Matcher m = Pattern.compile("<title>overdue — (\\d+)</title>").matcher(page);
    assertThat(m.find()).isTrue();
    assertThat(m.group(1)).isEqualTo("1");
  }

  @Test
  void shouldExposePrometheusMetrics() {
    System.gc(); // gauges must hold their sources strongly, or they read NaN after a collection
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      HttpResponse<String> r = get(t, "/metrics", null);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
      String text = r.body();
      assertThat(value(text, "marketdesk_mails_received_total")).isGreaterThanOrEqualTo(1);
      assertThat(value(text, "marketdesk_mails_processed_total{result=\"replied\"}")).isGreaterThanOrEqualTo(1);
      assertThat(value(text, "marketdesk_mails_failed_total")).isEqualTo(0);
      assertThat(text).contains("marketdesk_mail_processing_seconds_bucket{le=")
          .contains("marketdesk_mail_processing_seconds_count");
      // every reply of this test has been sent by now: nothing waits
      assertThat(value(text, "marketdesk_outbox_waiting")).isEqualTo(0);
      assertThat(text).contains("marketdesk_outbox_retrying").contains("marketdesk_outbox_failed");
      assertThat(value(text, "marketdesk_reviews_open")).isEqualTo(2);
      assertThat(value(text, "marketdesk_reviews_overdue")).isEqualTo(1);
      assertThat(value(text, "marketdesk_mailbox_connected")).isEqualTo(1);
      assertThat(text).contains("jvm_memory_used_bytes");
    });
  }

  static double value(String text, String series) {
    for (String line : text.split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).trim());
      }
    }
    throw new AssertionError(series + " not in metrics:\n" + text);
  }
}
