package io.marketdesk.money;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "880|88000",
        "880.00|88000",
        "880.5|88050",
        "880.50|88050",
        "0.01|1",
        "0|0",
        "0.00|0",
        "007|700",
        "¥880|88000",
        "￥880|88000",
        "￥1,280.50|128050",
        "¥ 1,280.50|128050",
        "1,280|128000",
        "12,345,678.90|1234567890",
        "880元|88000",
        "880 元|88000",
        "¥880元|88000",
        "RMB 880|88000",
        "rmb880|88000",
        "CNY880|88000",
        "cny 880.1|88010",
        "880 RMB|88000",
        "880CNY|88000",
        "８８０．５０|88050",
        "￥１，２８０|128000",
        "  880.00  |88000",
        "999999999999999.99|99999999999999999",
      })
  void shouldReadMinorUnitsWhenAmountIsValid(String text, long minor) {
    assertThat(Money.parseMinor(text)).contains(minor);
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @NullAndEmptySource
  @ValueSource(
      strings = {
        " ",
        "-880",
        "－880",
        "−880",
        "+880",
        "880.001",
        "880.",
        ".5",
        "1,28",
        "12,80.00",
        "1,2800",
        ",880",
        "880,",
        "1,,280",
        "1.280,50",
        "880 00",
        "abc",
        "88O",
        "¥",
        "元",
        "¥¥880",
        "880元元",
        "RMB 880 CNY",
        "¥880RMB",
        "USD 880",
        "$880",
        "880e2",
        "0x10",
        "1000000000000000",
        "99999999999999999999999",
      })
  void shouldRefuseWhenAmountIsMalformed(String text) {
    assertThat(Money.parseMinor(text)).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource({"88000,880.00", "88050,880.50", "5,0.05", "0,0.00", "-150,-1.50", "128050,1280.50"})
  void shouldWritePlainDecimalWhenFormatting(long minor, String text) {
    assertThat(Money.format(minor)).isEqualTo(text);
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {"128050|¥1,280.50", "5|¥0.05", "-150|-¥1.50", "100000000|¥1,000,000.00"})
  void shouldWriteYuanWithGroupsWhenFormattingForMail(long minor, String text) {
    assertThat(Money.formatYuan(minor)).isEqualTo(text);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(longs = {0, 1, 99, 100, 88050, 128050, 99999999999999999L})
  void shouldReadBackWhatItWrites(long minor) {
    assertThat(Money.parseMinor(Money.format(minor))).contains(minor);
    assertThat(Money.parseMinor(Money.formatYuan(minor))).contains(minor);
  }
}
