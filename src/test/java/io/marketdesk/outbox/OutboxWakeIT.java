package io.marketdesk.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketdesk.testing.TestApp;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sender is woken by the outbox itself, once the transaction that enqueued a mail commits (on
 * SQLite, and on PostgreSQL in the {@code postgres} profile): not before, so it never looks for a
 * row it cannot see yet, and not for a transaction that rolled back.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class OutboxWakeIT {
  @Test
  void shouldWakeTheSenderOnceTheEnqueuingTransactionCommitsAndNotWhenItRollsBack() {
    try (TestApp t = TestApp.start(Map.of("demo.data", "false"))) {
      t.app.sender().close();
      Outbox outbox = new Outbox(t.app.db().jdbi(), t.clock, "marketdesk.test", "wake-test");
      AtomicInteger wakes = new AtomicInteger();
      outbox.onEnqueue(wakes::incrementAndGet);

      t.app.db().jdbi().useTransaction(h -> {
        outbox.enqueue(h, OutgoingMail.notice("buyer@customer.test", "notice", "body"), null);
        assertThat(wakes).as("inside the transaction").hasValue(0);
      });
      assertThat(wakes).as("after the commit").hasPositiveValue();

      wakes.set(0);
      assertThatThrownBy(() -> t.app.db().jdbi().useTransaction(h -> {
        outbox.enqueue(h, OutgoingMail.notice("buyer@customer.test", "notice", "body"), null);
        throw new IllegalStateException("rolled back");
      })).hasMessageContaining("rolled back");
      assertThat(wakes).as("after a rollback").hasValue(0);

      wakes.set(0);
      t.app.db().jdbi().useHandle(h -> outbox.enqueue(h, OutgoingMail.notice("buyer@customer.test", "n", "b"), null));
      assertThat(wakes).as("outside a transaction").hasValue(1);
    }
  }
}
