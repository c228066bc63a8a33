package io.marketdesk.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random and adversarial bodies for {@link ReplyText}: quote prefixes, attribution lines, separators
 * and header labels piled up in any order and number, with and without the answered mail's text. A
 * body is read within a time budget, never throws, gives only lines that were written, and never
 * gives a {@code >} line as live.
 */
class ReplyTextPropertiesTest {
  static final Duration BUDGET = Duration.ofSeconds(2);
  private final ReplyText replyText = new ReplyText();

  @Property(tries = 300)
  void shouldReadAnyBodyWithinTheBudgetWhenItIsBuiltToHurt(@ForAll("bodies") String body, @ForAll("answered") String answered) {
    long start = System.nanoTime();
    ReplyText.Reading reading = replyText.read(body, answered.isEmpty() ? null : answered);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BUDGET);
    List<String> written = List.of(body.split("\n", -1));
    for (String live : reading.live()) {
      assertThat(live.strip()).doesNotStartWith(">");
      assertThat(written.stream().anyMatch(w -> w.contains(live.strip()))).as(live).isTrue();
    }
  }

  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<String> line = Arbitraries.oneOf(
        Arbitraries.of("帮助", "订单详情 20261128000123", "> 审核 12 同意", ">> > 确认完成", "Richard> 同意", "| quoted",
            "On Mon, 30 Nov 2026 at 10:00, Alice <a@b.test> wrote:", "在 2026年11月30日 写道：", "-----Original Message-----",
            "From: a@b.test", "Sent: Monday", "发件人: a@b.test", "寄件者: a@b.test", "____", "====", "--", "谢谢", "",
            "------------------ 原始邮件 ------------------", "Le lun. 30 nov. 2026 à 10:00, Alice <a@b.test> a écrit :"),
        Arbitraries.strings().withChars("> |:-=_*wrote在写道 ").ofMaxLength(60),
        Arbitraries.of(">".repeat(5_000), "on ".repeat(2_000) + "wrote", "From: ".repeat(1_000), "* ".repeat(3_000)));
    Arbitrary<String> small = line.list().ofMaxSize(40).map(l -> String.join("\n", l));
    // many short lines (200,000 quote lines, say, are about 3 MB): up to 20,000 here
    Arbitrary<String> large = shortLine().list().ofMinSize(1).ofMaxSize(5)
        .map(l -> String.join("\n", l)).map(block -> (block + "\n").repeat(4_000));
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, small), net.jqwik.api.Tuple.of(1, large));
  }

  private static Arbitrary<String> shortLine() {
    return Arbitraries.oneOf(
        Arbitraries.of("帮助", "> 审核 12 同意", "Richard> 同意", "On Mon, 30 Nov 2026 at 10:00, Alice <a@b.test> wrote:",
            "-----Original Message-----", "From: a@b.test", "发件人: a@b.test", "====", "--", ""),
        Arbitraries.strings().withChars("> |:-=_*wrote在写道 ").ofMaxLength(60));
  }

  @Provide
  Arbitrary<String> answered() {
    return Arbitraries.of("", "您好：\n\n【1】帮助\n✔ 完成\n发送“帮助”可查看全部命令。", "审核 12\n同意 = 上架\n".repeat(500));
  }
}
