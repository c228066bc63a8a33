package io.marketdesk.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The one rounding rule of statements (docs/after-the-sale.md): each line's commission is
 * {@code (price - refunded) x rate / 100}, rounded half-up to the cent; a line's net is
 * {@code price - refunded - commission}; the totals are the sums of the lines. Amounts are minor
 * units (fen), so every sum is exact. Pure and thread-safe.
 */
public final class StatementMath {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private StatementMath() {}

  /** One order of the month before the commission. */
  public record Input(String orderNo, String productId, String productName, String productType, long completedAt,
      long price, long refunded, BigDecimal ratePercent) {}

  /** One statement line. */
  public record StatementLine(int line, String orderNo, String productId, String productName, String productType, long completedAt,
      long price, long refunded, BigDecimal ratePercent, long commission, long net) {}

  /** The totals, each the sum of the lines' column. */
  public record Totals(long gross, long refunded, long commission, long net) {}

  /** The commission of one line in fen: the base times the rate, rounded half-up to the cent. */
  public static long commission(long price, long refunded, BigDecimal ratePercent) {
    return BigDecimal.valueOf(price - refunded).multiply(ratePercent).divide(HUNDRED, 0, RoundingMode.HALF_UP).longValueExact();
  }

  public static List<StatementLine> lines(List<Input> inputs) {
    List<StatementLine> out = new ArrayList<>();
    int n = 1;
    for (Input i : inputs) {
      long c = commission(i.price(), i.refunded(), i.ratePercent());
      out.add(new StatementLine(n++, i.orderNo(), i.productId(), i.productName(), i.productType(), i.completedAt(), i.price(),
          i.refunded(), i.ratePercent(), c, i.price() - i.refunded() - c));
    }
    return out;
  }

  public static Totals totals(List<StatementLine> lines) {
    long g = 0;
    long r = 0;
    long c = 0;
    long n = 0;
    for (StatementLine l : lines) {
      g = Math.addExact(g, l.price());
      r = Math.addExact(r, l.refunded());
      c = Math.addExact(c, l.commission());
      n = Math.addExact(n, l.net());
    }
    return new Totals(g, r, c, n);
  }
}
