package io.marketdesk.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code pricing.reason-below-percent} set to 50: a price under half the current one needs a reason. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class PriceChangeThresholdIT {
  static TestApp t;
  static PricingFixture f;

  @BeforeAll
  static void start() {
    t = TestApp.start(Map.of("pricing.reason-below-percent", "50"));
    f = new PricingFixture(t);
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  private static Mail ask(String body) {
    String id = t.mail.send(DemoData.ALICE, "market@marketdesk.test", "price", body);
    return t.mail.awaitReplyTo(DemoData.ALICE, id);
  }

  @Test
  void shouldAskForReasonWhenPriceUnderConfiguredShare() {
    String no = f.aliceOrder();
    Mail reply = ask("price " + no + " 400\n");

    assertThat(reply.body()).contains("X refused").contains("under 50% of the current price ¥1,000.00")
        .contains("reason: ");
    assertThat(f.reviewsOf(no)).isEmpty();
  }

  @Test
  void shouldAcceptWhenReasonGivenOrPriceAboveConfiguredShare() {
    String withReason = f.aliceOrder();
    String above = f.aliceOrder();
    Mail reply = ask("price " + withReason + " 400\nreason: clearance\n\nprice " + above + " 600\n");

    assertThat(reply.body()).doesNotContain("X refused");
    assertThat(PricePayload.fromJson(f.openReview(withReason).orElseThrow().payload()).reason()).isEqualTo("clearance");
    assertThat(PricePayload.fromJson(f.openReview(above).orElseThrow().payload()).newPrice()).isEqualTo(60000);
  }
}
