package io.marketdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.review.DecisionNumbers.Malformed;
import io.marketdesk.review.DecisionNumbers.Numbers;
import io.marketdesk.review.DecisionNumbers.Range;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The decision numbers scanner: examples from docs/reviews.md, round trips and linear time. */
class DecisionNumbersTest {

  @Test
  void shouldReadRangesListsAndTheReason() {
    assertThat(DecisionNumbers.parse("1-6,9")).isEqualTo(new Numbers(List.of(new Range(1, 6), new Range(9, 9)), ""));
    assertThat(DecisionNumbers.parse("１－６，９")).isEqualTo(new Numbers(List.of(new Range(1, 6), new Range(9, 9)), ""));
    assertThat(DecisionNumbers.parse("3、5、8")).isEqualTo(
        new Numbers(List.of(new Range(3, 3), new Range(5, 5), new Range(8, 8)), ""));
    assertThat(DecisionNumbers.parse("7 资质证明不清晰")).isEqualTo(new Numbers(List.of(new Range(7, 7)), "资质证明不清晰"));
    assertThat(DecisionNumbers.parse("7, 8 3rd-party licence missing")).isEqualTo(
        new Numbers(List.of(new Range(7, 7), new Range(8, 8)), "3rd-party licence missing"));
    assertThat(DecisionNumbers.parse("2 ~ 4")).isEqualTo(new Numbers(List.of(new Range(2, 4)), ""));
  }

  @Test
  void shouldTellNotNumbersFromMalformedNumbers() {
    assertThat(DecisionNumbers.parse("looks good")).isInstanceOf(DecisionNumbers.NotNumbers.class);
    assertThat(DecisionNumbers.parse("")).isInstanceOf(DecisionNumbers.NotNumbers.class);
    assertThat(DecisionNumbers.parse("3rd party")).isInstanceOf(DecisionNumbers.NotNumbers.class);
    assertThat(DecisionNumbers.parse("6-1")).isEqualTo(new Malformed(0, DecisionNumbers.Problem.BACKWARDS));
    assertThat(DecisionNumbers.parse("1-")).isEqualTo(new Malformed(2, DecisionNumbers.Problem.OPEN_RANGE));
    assertThat(DecisionNumbers.parse("0")).isEqualTo(new Malformed(0, DecisionNumbers.Problem.ZERO));
    assertThat(DecisionNumbers.parse("1234567")).isEqualTo(new Malformed(0, DecisionNumbers.Problem.TOO_LONG));
  }

  @Property
  void shouldReadBackAnyListWrittenWithAnySeparators(@ForAll("lists") List<Range> ranges, @ForAll("separators") List<String> seps,
      @ForAll boolean fullWidth) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < ranges.size(); i++) {
      if (i > 0) {
        sb.append(seps.get(i % seps.size()));
      }
      Range r = ranges.get(i);
      sb.append(r.from());
      if (r.to() != r.from()) {
        sb.append(i % 2 == 0 ? "-" : " ～ ").append(r.to());
      }
    }
    String text = fullWidth ? toFullWidth(sb.toString()) : sb.toString();
    assertThat(DecisionNumbers.parse(text + " 理由 reason")).isEqualTo(new Numbers(ranges, "理由 reason"));
  }

  @Property(tries = 200)
  void shouldNeverThrowOnAnyText(@ForAll("noise") String text) {
    DecisionNumbers.Result r = DecisionNumbers.parse(text);
    assertThat(r).isNotNull();
    if (r instanceof Numbers n) {
      assertThat(n.ranges()).allSatisfy(x -> assertThat(x.from()).isPositive().isLessThanOrEqualTo(x.to()));
    }
  }

  @Property(tries = 5)
  void shouldTakeLinearTimeOnLongHostileInput(@ForAll @IntRange(min = 0, max = 3) int shape) {
    String unit = List.of("1-", "1,", "1 ", "1、2－").get(shape);
    String small = unit.repeat(20_000) + "x";
    String large = unit.repeat(200_000) + "x";
    long t0 = System.nanoTime();
    DecisionNumbers.parse(small);
    long t1 = System.nanoTime();
    DecisionNumbers.parse(large);
    long t2 = System.nanoTime();
    // Ten times the input: far less than a hundred times the time (quadratic would be ~100x).
    assertThat(t2 - t1).isLessThan(Math.max(40 * (t1 - t0), 200_000_000L));
  }

  @Provide
  Arbitrary<List<Range>> lists() {
    Arbitrary<Range> range = Combinators.combine(Arbitraries.integers().between(1, 999), Arbitraries.integers().between(0, 50))
        .as((a, len) -> new Range(a, a + (len % 3 == 0 ? len : 0)));
    return range.list().ofMinSize(1).ofMaxSize(12);
  }

  @Provide
  Arbitrary<List<String>> separators() {
    return Arbitraries.of(",", ", ", "，", "、", " 、 ", ";", "；", " ", "\u3000").list().ofMinSize(1).ofMaxSize(5);
  }

  @Provide
  Arbitrary<String> noise() {
    return Arbitraries.strings().withChars("0123456789１２－-,，、~ 　x理").ofMaxLength(60);
  }

  private static String toFullWidth(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      sb.append(c >= '0' && c <= '9' ? (char) (c - '0' + '\uFF10') : c == '-' ? '\uFF0D' : c);
    }
    return sb.toString();
  }
}
