package io.marketdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The Authentication-Results parser on random and adversarial input: it never throws, keeps only
 * clauses that name a method and a result, and reads even a megabyte of hostile text in linear time.
 */
class AuthenticationResultsPropertyTest {

  @Provide
  Arbitrary<String> headers() {
    // the characters that steer the grammar, more often than letters
    return Arbitraries.strings().withChars(";=.()\"\\@/ \t\r\nabcdkimspfpasshedr1-_+é中").ofMaxLength(400);
  }

  @Property(tries = 2000)
  void shouldNeverThrowAndKeepOnlyWholeClauses(@ForAll("headers") String value) {
    AuthenticationResults ar = AuthenticationResults.parse(value);
    assertThat(ar.authservId()).isNotNull();
    for (AuthenticationResults.Result r : ar.results()) {
      assertThat(r.method()).isNotEmpty();
      assertThat(r.result()).isNotEmpty();
    }
  }

  @Property(tries = 300)
  void shouldNeverCallAPassTheAttackerWroteInsideAValueOrComment(@ForAll("headers") String noise) {
    String cleaned = noise.replace("\"", "").replace("\\", "").replace("(", "").replace(")", "");
    String header = "mx.marketdesk.test; spf=fail smtp.mailfrom=\"dkim=pass header.d=marketdesk.test;" + cleaned
        + "\" (dkim=pass header.d=marketdesk.test; " + cleaned + ")";
    assertThat(new SenderAuthentication("mx.marketdesk.test").authenticated("ops@marketdesk.test", List.of(header)))
        .isFalse();
  }

  @Property(tries = 8)
  void shouldReadAMegabyteOfHostileTextInLinearTime(@ForAll("hostile") String unit) {
    String big = "mx.marketdesk.test;" + unit.repeat(1_000_000 / unit.length());
    long start = System.nanoTime();
    AuthenticationResults.parse(big);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Provide
  Arbitrary<String> hostile() {
    return Arbitraries.of("(", ")", "\"", "\\", "((a\\)", "a=b;", "x.y=", "dkim=pass header.d=", " ;", "a.", "=\"",
        "dkim=pass header.d=x.test ");
  }
}
