package io.marketdesk.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The address of a From without angle brackets is read by scanners that give what the regular
 * expressions they replaced gave, in linear time: those took seconds for a 40 KB From of {@code (}
 * or of letters without an {@code @}.
 */
class HeaderValuesPropertiesTest {
  @Property(tries = 3000)
  void shouldReadWhatTheRegexReadWhenTheValueIsRandom(@ForAll("values") String s) {
    assertThat(HeaderValues.withoutComments(s)).isEqualTo(s.replaceAll("\\([^)]*\\)", " ").trim());
    Matcher m = Pattern.compile("[^\\s<>\"()]+@[^\\s<>\"()]+").matcher(s);
    assertThat(HeaderValues.bareAddress(s)).isEqualTo(m.find() ? m.group() : null);
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.strings().withChars("()a@ <>\"\t.b").ofMaxLength(30);
  }

  @ParameterizedTest
  @ValueSource(strings = {"(", "a", "a (b", "@"})
  void shouldReadA40KbFromWithinASecondWhenItIsBuiltToHurt(String unit) throws Exception {
    String from = unit.repeat(40_000 / unit.length());
    String raw = "From: " + from + "\r\nTo: m@x.test\r\nSubject: s\r\nMessage-ID: <a@b.test>\r\n\r\nhelp\r\n";
    long start = System.nanoTime();
    try {
      new MailReader(MailReader.Limits.defaults()).read(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    } catch (MailFormatException e) {
      assertThat(e.reason()).isNotNull();
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
  }
}
