package io.marketdesk.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketdesk.order.OrderStatus;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@link Coded} (an enum by its code or a person's words) and {@link Dates}, through {@link OrderStatus}. */
class OrderStatusAndDatesTest {
  private static final Function<String, List<String>> WORDS = key -> Map.of(
      "words.state.order.awaiting_confirmation", List.of("待确认", "awaiting"),
      "words.state.order.paid", List.of("已支付")).getOrDefault(key, List.of());

  @Test
  void shouldFindEveryStateByItsStoredCode() {
    for (OrderStatus s : OrderStatus.values()) {
      assertThat(OrderStatus.of(s.code())).isSameAs(s);
    }
  }

  @Test
  void shouldRefuseACodeThatNoStateHas() {
    assertThatThrownBy(() -> OrderStatus.of("shipped")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shipped");
  }

  @Test
  void shouldReadTheCodeWithASpaceOrTheCatalogWordsInAnyCase() {
    assertThat(OrderStatus.parse("awaiting confirmation", WORDS)).contains(OrderStatus.AWAITING_CONFIRMATION);
    assertThat(OrderStatus.parse(" Awaiting ", WORDS)).contains(OrderStatus.AWAITING_CONFIRMATION);
    assertThat(OrderStatus.parse("已支付", WORDS)).contains(OrderStatus.PAID);
    assertThat(OrderStatus.parse("ＰＡＩＤ", WORDS)).contains(OrderStatus.PAID);
    assertThat(OrderStatus.parse("发货", WORDS)).isEmpty();
    assertThat(OrderStatus.parse(null, WORDS)).isEmpty();
  }

  @Test
  void shouldWriteTheDayAndTheMinuteInTheGivenZone() {
    long millis = 1_764_374_400_000L; // 2025-11-29T00:00:00Z
    assertThat(Dates.day(millis, ZoneId.of("Asia/Shanghai"))).isEqualTo("2025-11-29");
    assertThat(Dates.day(millis - 1, ZoneId.of("UTC"))).isEqualTo("2025-11-28");
    assertThat(Dates.minute(millis, ZoneId.of("Asia/Shanghai"))).isEqualTo("2025-11-29 08:00");
  }
}
