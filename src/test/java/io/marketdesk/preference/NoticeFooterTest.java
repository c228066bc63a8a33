package io.marketdesk.preference;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.text.Language;
import io.marketdesk.outbox.About;
import io.marketdesk.outbox.NoticePolicy.Notice;
import io.marketdesk.template.Templates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The why-you-got-this footer (docs/preferences.md): every mail template has a reason, the order
 * notices one must answer are never held or dropped, and each footer in each language is its golden
 * file ({@code golden/footers/LANG.txt}; {@code -Dgolden.update=true} rewrites them).
 */
class NoticeFooterTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/footers");
  private final Templates templates = new Templates(null);

  @Test
  void shouldRenderEveryFooterInEveryLanguageAsItsGoldenFile() throws IOException {
    boolean update = Boolean.getBoolean("golden.update");
    for (Language lang : Language.values()) {
      StringBuilder sb = new StringBuilder();
      for (Preferences.Reason r : Preferences.Reason.values()) {
        for (boolean must : new boolean[] {false, true}) {
          if (must && r != Preferences.Reason.BUYER && r != Preferences.Reason.PROVIDER_ORDER) {
            continue;
          }
          sb.append("## ").append(r.key()).append(must ? " (must answer)" : "").append('\n')
              .append(Preferences.footerText(templates.catalog(), lang, r, must, "20261128000123", "100012345678", 13L,
                  "carol@provider-a.test"))
              .append("\n\n");
        }
      }
      Path file = GOLDEN.resolve(lang.code() + ".txt");
      if (update) {
        Files.createDirectories(GOLDEN);
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
      }
      assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(file.toString()).isEqualTo(sb.toString());
    }
  }

  @Test
  void shouldGiveEveryMailTemplateAReasonAndKeepWhatMustBeAnswered() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("templates/mail/zh"))) {
      s.filter(p -> !p.getFileName().toString().startsWith("_")).map(p -> p.getFileName().toString().replace(".ftl", "")).forEach(t -> {
        Preferences.Reason r = Preferences.reason(t);
        boolean notice = Preferences.orderNotice(t);
        assertThat(notice).as(t).isEqualTo(r == Preferences.Reason.BUYER || r == Preferences.Reason.PROVIDER_ORDER);
      });
    }
    for (String t : Preferences.MUST_ANSWER) {
      assertThat(Files.exists(Path.of("templates/mail/zh/" + t + ".ftl"))).as(t).isTrue();
      assertThat(Preferences.mustAnswer(new Notice("a@b.test", t, About.NOTHING, false))).isTrue();
    }
    assertThat(Preferences.mustAnswer(new Notice("a@b.test", "order-implementing", About.NOTHING, false))).isFalse();
    assertThat(Preferences.mustAnswer(new Notice("a@b.test", "order-implementing", About.NOTHING, true))).isTrue();
    assertThat(Preferences.orderNotice(Preferences.DAILY_TEMPLATE)).isFalse();
  }
}
