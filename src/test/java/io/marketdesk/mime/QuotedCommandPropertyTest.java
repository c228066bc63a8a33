package io.marketdesk.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A command line inserted anywhere in the quoted original of a real-shaped reply (every {@code
 * quote-*.eml} golden mail: Outlook header blocks, separators, attribution lines in seventeen
 * languages, prefixes, HTML structures) never becomes a live line, so it never runs. The line gets
 * the quote prefix of its neighbours (none in an unmarked quote: a line below a {@code >} quote is
 * the sender's own, as Thunderbird users write), and may be indented, have a list marker, or be in
 * full-width characters.
 */
class QuotedCommandPropertyTest {
  private static final List<Sample> SAMPLES = samples();
  private static final String OPENING = "Alice Wang";
  private final ReplyText replyText = new ReplyText();

  /** One golden reply: its body text and the text of the mail of ours it answers (or null). */
  record Sample(String name, String text, String answered) {}

  record Insertion(Sample sample, int position, String command) {}

  @Property(tries = 2000)
  void shouldNeverReadACommandInsertedIntoTheQuote(@ForAll("insertions") Insertion ins) {
    String[] lines = ins.sample().text().split("\n", -1);
    int first = firstQuotedBodyLine(lines);
    int last = lines.length - 1;
    while (last > first && lines[last].isBlank()) {
      last--;
    }
    int at = first + ins.position() % (last + 2 - first);
    int n = at - 1;
    while (n >= first && lines[n].isBlank()) {
      n--;
    }
    String neighbour = lines[n];
    String prefix = neighbour.substring(0, neighbour.length() - ReplyText.unprefixed(neighbour).length());
    List<String> out = new ArrayList<>(Arrays.asList(lines));
    out.add(at, prefix + ins.command());
    String text = String.join("\n", out);

    ReplyText.Reading reading = replyText.read(text, ins.sample().answered());

    assertThat(reading.live()).as(ins.sample().name() + " with the command at line " + at).containsExactly("订单列表");
  }

  @Provide
  Arbitrary<Insertion> insertions() {
    Arbitrary<String> commands = Combinators.combine(
            Arbitraries.of("确认完成 20261128000123", "下架商品 P100001", "同意", "拒绝 不合格", "开始实施 20261128000123",
                "delist P100001", "done 20261128000123", "confirm order 20261128000123", "确定", "验收不通过 没做完"),
            Arbitraries.of("", "  ", "\t", "1. ", "- ", "* "),
            Arbitraries.of(false, true))
        .as((c, lead, wide) -> lead + (wide ? fullWidth(c) : c));
    return Combinators.combine(Arbitraries.of(SAMPLES), Arbitraries.integers().between(0, 10_000), commands)
        .as(Insertion::new);
  }

  /** The first line of the quoted original's text (our mail's opening), after the marker lines. */
  private static int firstQuotedBodyLine(String[] lines) {
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(OPENING)) {
        return i + 1;
      }
    }
    throw new IllegalStateException("a quote sample without the original's opening line");
  }

  private static String fullWidth(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      sb.append(c == ' ' ? '\u3000' : c >= '!' && c <= '~' ? (char) (c - '!' + '\uFF01') : c);
    }
    return sb.toString();
  }

  private static List<Sample> samples() {
    MailReader reader = new MailReader(MailReader.Limits.defaults());
    try {
      Path dir = Path.of(QuotedCommandPropertyTest.class.getResource("/mail/golden").toURI());
      List<Sample> out = new ArrayList<>();
      try (Stream<Path> files = Files.list(dir)) {
        for (Path p : files.sorted().toList()) {
          String file = p.getFileName().toString();
          if (!file.startsWith("quote-") || !file.endsWith(".eml")) {
            continue;
          }
          String name = file.substring(0, file.length() - 4);
          String text;
          try (InputStream in = Files.newInputStream(p)) {
            text = reader.read(in).text();
          }
          Path answered = dir.resolve(name + ".answered.txt");
          out.add(new Sample(name, text, Files.exists(answered) ? Files.readString(answered, StandardCharsets.UTF_8) : null));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException | MailFormatException e) {
      throw new IllegalStateException(e);
    }
  }
}
