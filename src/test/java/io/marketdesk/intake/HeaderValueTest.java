package io.marketdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The store reads header fields (for the dedupe key, the sender and subject columns) with a scanner
 * that gives what the regular expression it replaced gave, so that keys of stored mails do not
 * change, in time linear in the header: thousands of folded recipients overflowed the regex's stack
 * and stalled the intake on that mail.
 */
class HeaderValueTest {
  private static String byRegex(String head, String name) {
    Matcher m = Pattern.compile("(?im)^" + name + ":[ \\t]*(.*(?:\\r?\\n[ \\t]+.*)*)").matcher(head);
    return m.find() ? m.group(1).replaceAll("\\r?\\n[ \\t]+", " ").trim() : null;
  }

  @Property(tries = 2000)
  void shouldReadWhatTheRegexReadWhenTheHeaderIsRandom(@ForAll("heads") String head) {
    for (String name : new String[] {"to", "subject", "from"}) {
      assertThat(InboundStore.headerValue(head, name, Integer.MAX_VALUE)).as(name).isEqualTo(byRegex(head, name));
    }
  }

  @Provide
  Arbitrary<String> heads() {
    return Arbitraries.of("To", "to", "TO:", "Subject", "subject:", "From:", "x", ":", " ", "\t", "\r", "\n", "\r\n",
            "\r\n ", "\n\t", "a@b.test,", "\u0085", "é", "tO: ", "Xto: v")
        .list().ofMaxSize(30).map(l -> String.join("", l));
  }

  @Test
  void shouldReadThousandsOfFoldedRecipientsWhenTheyComeInOneField() {
    String head = "From: a@b.test\r\nMessage-ID: <x@b.test>\r\nSubject: recipients\r\nTo: market@marketdesk.test,\r\n"
        + " r@cloud.test,\r\n".repeat(5_000) + " r@cloud.test";
    long start = System.nanoTime();
    String to = InboundStore.headerValue(head, "to", Integer.MAX_VALUE);
    assertThat(to).startsWith("market@marketdesk.test, r@cloud.test,").endsWith("r@cloud.test");
    byte[] raw = (head + "\r\n\r\nhelp\r\n").getBytes(StandardCharsets.ISO_8859_1);
    assertThat(InboundStore.dedupeKey(raw)).startsWith("mid:");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
  }
}
