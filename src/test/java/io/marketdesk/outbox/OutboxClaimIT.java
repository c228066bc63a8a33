package io.marketdesk.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.testing.TestApp;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Claims between instances: a lease keeps a mail to one sender; renewing and giving back move it on. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class OutboxClaimIT {
  @Test
  void shouldKeepClaimedMailsFromOthersUntilTheLeaseEndsUnlessRenewedOrGivenBack() {
    try (TestApp t = TestApp.start(Map.of("demo.data", "false"))) {
      t.app.sender().close();
      Outbox a = new Outbox(t.app.db().jdbi(), t.clock, "marketdesk.test", "instance-a");
      Outbox b = new Outbox(t.app.db().jdbi(), t.clock, "marketdesk.test", "instance-b");
      t.app.db().jdbi().useTransaction(h -> {
        for (int i = 0; i < 3; i++) {
          a.enqueue(h, OutgoingMail.notice("buyer" + i + "@customer.test", "notice " + i, "body"), null);
        }
      });
      List<Outbox.Row> claimed = a.claimDue(20, Duration.ofMinutes(1));
      assertThat(claimed).hasSize(3);
      assertThat(b.claimDue(20, Duration.ofMinutes(1))).isEmpty();

      // renewed half-way, the lease outlasts the first minute
      t.clock.advance(Duration.ofSeconds(40));
      a.renew(List.of(claimed.get(0).id()), Duration.ofMinutes(1));
      t.clock.advance(Duration.ofSeconds(30));
      assertThat(b.claimDue(20, Duration.ofMinutes(1))).extracting(Outbox.Row::id)
          .containsExactly(claimed.get(1).id(), claimed.get(2).id());

      // given back by a stopping sender, a mail is due again at once
      a.release(List.of(claimed.get(0).id()));
      assertThat(b.claimDue(20, Duration.ofMinutes(1))).extracting(Outbox.Row::id).containsExactly(claimed.get(0).id());
      // and a mail another instance holds is not given back by this one
      a.release(List.of(claimed.get(1).id()));
      assertThat(a.claimDue(20, Duration.ofMinutes(1))).isEmpty();
    }
  }
}
