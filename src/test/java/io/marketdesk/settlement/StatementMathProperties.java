package io.marketdesk.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

/** The statement sums over random orders: exact to the cent, one rounding per line, totals from lines. */
class StatementMathProperties {

  @Provide
  Arbitrary<List<StatementMath.Input>> orders() {
    Arbitrary<StatementMath.Input> one = Combinators.combine(
            Arbitraries.longs().between(1, 100_000_000L),
            Arbitraries.integers().between(0, 100),
            Arbitraries.of("0", "5", "7.5", "8", "12.25", "33.333", "100"))
        .as((price, refundShare, rate) -> new StatementMath.Input("N" + price, "P1", "p", "ops", 0L, price,
            price * refundShare / 100, new BigDecimal(rate)));
    return one.list().ofMaxSize(200);
  }

  @Property(tries = 500)
  void shouldSumLinesExactlyWithOneHalfUpRoundingPerLine(@ForAll("orders") List<StatementMath.Input> inputs) {
    List<StatementMath.StatementLine> lines = StatementMath.lines(inputs);
    StatementMath.Totals t = StatementMath.totals(lines);
    long gross = 0;
    long refunded = 0;
    long commission = 0;
    long net = 0;
    List<Integer> numbers = new ArrayList<>();
    for (StatementMath.StatementLine l : lines) {
      BigDecimal exact = BigDecimal.valueOf(l.price() - l.refunded()).multiply(l.ratePercent()).divide(BigDecimal.valueOf(100));
      assertThat(BigDecimal.valueOf(l.commission()).subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.5"));
      assertThat(l.commission()).isEqualTo(exact.setScale(0, RoundingMode.HALF_UP).longValueExact());
      assertThat(l.net()).isEqualTo(l.price() - l.refunded() - l.commission());
      gross += l.price();
      refunded += l.refunded();
      commission += l.commission();
      net += l.net();
      numbers.add(l.line());
    }
    assertThat(t).isEqualTo(new StatementMath.Totals(gross, refunded, commission, net));
    assertThat(t.net()).isEqualTo(t.gross() - t.refunded() - t.commission());
    assertThat(numbers).isEqualTo(java.util.stream.IntStream.rangeClosed(1, lines.size()).boxed().toList());
  }

  @Example
  void shouldRoundAHalfFenUp() {
    // 99.99 at 5 %: 4.9995 -> 5.00; 333.33 at 8 %: 26.6664 -> 26.67; 0.10 at 5 %: 0.005 -> 0.01
    assertThat(StatementMath.commission(9999, 0, new BigDecimal("5"))).isEqualTo(500);
    assertThat(StatementMath.commission(33333, 0, new BigDecimal("8"))).isEqualTo(2667);
    assertThat(StatementMath.commission(10, 0, new BigDecimal("5"))).isEqualTo(1);
    assertThat(StatementMath.commission(100000, 30000, new BigDecimal("8"))).isEqualTo(5600);
  }
}
