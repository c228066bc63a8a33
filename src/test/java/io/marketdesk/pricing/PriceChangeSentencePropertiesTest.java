package io.marketdesk.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.money.Money;
import io.marketdesk.pricing.PriceChangeSentence.Request;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * Random and adversarial lines for {@link PriceChangeSentence}: never an exception, within a time
 * budget, a valid amount read exactly, and an invalid one never silently read as another.
 */
class PriceChangeSentencePropertiesTest {
  static final Duration BUDGET = Duration.ofMillis(300);
  static final String HEAD = "云帆科技服务商（腾讯云账号ID：100012345678），申请将订单20261128000123价格修改为折扣价";

  @Property(tries = 500)
  void shouldNeverThrowWhenTheLineIsRandom(@ForAll("noise") String line) {
    timed(() -> {
      PriceChangeSentence.parse(line);
      PriceChangeSentence.RECOGNIZER.recognize(Normalizer.normalize(line, Normalizer.Form.NFKC))
          .ifPresent(Request::fromArgs);
      return null;
    });
  }

  @Property(tries = 40)
  void shouldReadAHostileLineWithinTheBudget(@ForAll("hostile") String line) {
    timed(() -> PriceChangeSentence.parse(line));
  }

  @Property(tries = 300)
  void shouldReadTheAmountExactlyWhenItIsValid(@ForAll @LongRange(min = 0, max = 99_999_999_999L) long fen,
      @ForAll("tails") String tail) {
    String amount = Money.format(fen);
    Request r = PriceChangeSentence.parse(HEAD + amount + tail).orElseThrow();
    assertThat(r.amountMinor()).isEqualTo(fen);
  }

  @Property(tries = 500)
  void shouldNeverReadAnotherAmountWhenTheAmountIsWritten(@ForAll("amounts") String amount, @ForAll("tails") String tail) {
    String line = HEAD + amount + tail;
    Optional<Request> parsed = PriceChangeSentence.parse(line);
    Optional<String> args = PriceChangeSentence.RECOGNIZER.recognize(Normalizer.normalize(line, Normalizer.Form.NFKC));
    Optional<Long> minor = Money.parseMinor(amount);
    if (minor.isPresent()) {
      assertThat(parsed).map(Request::amountMinor).contains(minor.get());
    } else {
      assertThat(parsed).isEmpty();
      if (!amount.isBlank()) {
        // recognised, so the handler answers the line, and its args never read as a request
        assertThat(args).isPresent();
        assertThat(Request.fromArgs(args.get())).isEmpty();
      }
    }
  }

  @Provide
  Arbitrary<String> amounts() {
    return Arbitraries.oneOf(
        // a comma or 元 at the end of what is generated would end the amount as written: left out
        Arbitraries.strings().withChars("0123456789.-+e¥").ofMinLength(1).ofMaxLength(25),
        Arbitraries.strings().withChars("0123456789.-+e¥").ofMinLength(1).ofMaxLength(12).map(a -> a + "元"),
        Arbitraries.of("-100.00", "八百", "800.005", "99999999999999999999.99", "1e9", "1,28.00", "$880", "880.", ".5",
            "1,280.50", "1,234,567", "12,3456", "3-256", "880元元"));
  }

  @Provide
  Arbitrary<String> tails() {
    return Arbitraries.of("", "，谢谢", "。", " 谢谢", "！", "; thanks");
  }

  @Provide
  Arbitrary<String> noise() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(200),
        Arbitraries.of("账号", "ID", "id:", "12345", "订单", "20261128000123", "修改为", "由", "折扣价", "880", ",", "（", "）",
            "服务商", " ", "price", "¥", "元", "-", ".").list().ofMaxSize(40).map(l -> String.join("", l)));
  }

  @Provide
  Arbitrary<String> hostile() {
    return Arbitraries.of("1 ", "ok ", "账号ID12345 ", "账号ID12345 订单123456 由", "9", "a ", "服务商", "(,", "1,000,")
        .map(u -> u.repeat(9_000 / u.length()));
  }

  private static <T> T timed(java.util.function.Supplier<T> work) {
    long start = System.nanoTime();
    T t = work.get();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BUDGET);
    return t;
  }
}
