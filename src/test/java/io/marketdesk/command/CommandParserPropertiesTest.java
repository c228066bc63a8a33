package io.marketdesk.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.command.CommandSpec.Body;
import io.marketdesk.pricing.PriceChangeSentence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Random and adversarial input for {@link CommandParser}: never an exception, every line that
 * starts with a keyword gets its command, and a line of any shape is read within a time budget.
 */
class CommandParserPropertiesTest {

  /** A mail of this size is read in far less than this, on a shared CI machine. */
  static final Duration BUDGET = Duration.ofMillis(500);

  private static final Set<Role> ANYONE = Set.of(Role.PROVIDER, Role.OPERATOR, Role.BUYER);
  private static final List<CommandSpec> SPECS =
      List.of(
          new CommandSpec("help", List.of("帮助"), List.of("help"), ANYONE, Body.NONE),
          new CommandSpec("orders", List.of("订单列表"), List.of("orders"), ANYONE, Body.NONE),
          new CommandSpec("order", List.of("订单详情"), List.of("order"), ANYONE, Body.NONE),
          new CommandSpec("confirm", List.of("确认完成"), List.of("confirm"), ANYONE, Body.NONE),
          new CommandSpec("product.new", List.of("新建商品"), List.of("product new"), ANYONE, Body.FIELDS),
          new CommandSpec("review", List.of("审核"), List.of("review"), ANYONE, Body.FREE_TEXT),
          new CommandSpec("reject", List.of("拒绝"), List.of("reject"), ANYONE, Body.FREE_TEXT),
          new CommandSpec("price", List.of("改价"), List.of("price"), ANYONE, Body.FIELDS,
              PriceChangeSentence.RECOGNIZER));
  private static final List<String> NONE_KEYWORDS =
      List.of("帮助", "订单列表", "订单详情", "确认完成", "help", "orders", "order", "confirm");

  private final CommandParser parser = new CommandParser(SPECS, 1000);

  @Property(tries = 300)
  void shouldNeverThrowWhenLinesAreRandom(@ForAll("lines") List<String> lines, @ForAll("line") String subject) {
    ParsedCommands parsed = within(() -> parser.parse(subject, lines));
    assertThat(parsed.commands().isEmpty()).isEqualTo(parsed.unrecognized() != null || allBlank(subject, lines));
  }

  @Property(tries = 60)
  void shouldReadAHostileLineWithinTheBudget(@ForAll("hostile") String line) {
    within(() -> parser.parse(line, List.of(line, line)));
  }

  @Property(tries = 200)
  void shouldGiveEveryKeywordLineItsOwnCommand(@ForAll("commandLines") List<String> lines) {
    ParsedCommands parsed = within(() -> parser.parse("", lines));
    assertThat(parsed.commands()).hasSize(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      assertThat(parsed.commands().get(i).line()).isEqualTo(lines.get(i));
    }
  }

  @Property(tries = 200)
  void shouldEndAFreeTextAtTheNextCommandLine(
      @ForAll @Size(min = 1, max = 6) List<@net.jqwik.api.constraints.IntRange(min = 1, max = 99999) Integer> ids) {
    List<String> lines = new ArrayList<>();
    for (int id : ids) {
      lines.add("审核 " + id + " 同意");
    }
    ParsedCommands parsed = within(() -> parser.parse("", lines));
    assertThat(parsed.commands()).extracting(ParsedCommand::args)
        .containsExactlyElementsOf(ids.stream().map(id -> id + " 同意").toList());
  }

  @Provide
  Arbitrary<String> line() {
    Arbitrary<String> pieces = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(40),
        Arbitraries.strings().withCharRange('\u4e00', '\u4e40').ofMaxLength(10),
        Arbitraries.of("帮助", "审核", "改价", "订单", "账号ID", "修改为", "[MD#", "]", "re:", "回复：", "：", ":", " ",
            "1.", "(1)", "·", "price", "ok", "880.00", "-1", "1e9", "详情：", "名称:", "!", "。", "\u0000", "\ud800"));
    return pieces.list().ofMaxSize(30).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<List<String>> lines() {
    return line().list().ofMaxSize(20);
  }

  @Provide
  Arbitrary<String> hostile() {
    Arbitrary<String> unit = Arbitraries.of("ok ", "1 ", "12345 ", "账号ID ", "账号ID12345 订单123456 ", "[MD#", "re: ",
        "a", " ", "由", "1,000", ",", "订单", "(", "服务商", "x ".repeat(3));
    return Combinators.combine(unit, Arbitraries.integers().between(500, 5000))
        .as((u, n) -> u.repeat(Math.max(1, 10_000 / u.length() * n / 5000)));
  }

  @Provide
  Arbitrary<List<String>> commandLines() {
    Arbitrary<String> args = Arbitraries.strings().withChars("0123456789 abcXYZ，。！?").ofMaxLength(20);
    return Combinators.combine(Arbitraries.of(NONE_KEYWORDS), args, Arbitraries.of("", "1. ", "- ", "  "))
        .as((k, a, m) -> m + k + " " + a)
        .list().ofMinSize(1).ofMaxSize(15);
  }

  private static boolean allBlank(String subject, List<String> lines) {
    return CommandParser.stripSubject(subject).isEmpty() && lines.stream().allMatch(String::isBlank);
  }

  static <T> T within(java.util.function.Supplier<T> work) {
    long start = System.nanoTime();
    T result = work.get();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BUDGET);
    return result;
  }
}
