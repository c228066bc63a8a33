package io.marketdesk.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuoteMarkersTest {
  private static final Set<String> LANGUAGES = Set.of("zh-Hans", "zh-Hant", "en", "ja", "ko", "fr", "de", "es", "it",
      "pt", "nl", "sv", "da", "no", "fi", "pl", "ru");
  private final QuoteMarkers markers = QuoteMarkers.standard();

  @Test
  void shouldHaveAttributionsSeparatorsAndLabelsWithSourcesForEveryLanguage() throws IOException {
    Map<String, Set<String>> kinds = new HashMap<>();
    try (InputStream in = QuoteMarkers.class.getResourceAsStream("/mail/quote-markers.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\\|");
        assertThat(cols).as(line).hasSize(4);
        assertThat(cols[3].strip()).as("the source of " + line).isNotEmpty();
        kinds.computeIfAbsent(cols[1].strip(), k -> new HashSet<>()).add(cols[0].strip());
      }
    }
    assertThat(kinds.keySet()).containsAll(LANGUAGES);
    for (String lang : LANGUAGES) {
      assertThat(kinds.get(lang)).as(lang).contains("attribution", "separator", "label");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "On Mon, Feb 1, 2016 at 4:58 AM -0800, \"Some One\" <foo@bar.com> wrote:",
      "Le sam. 28 nov. 2026 à 10:00, MarketDesk <m@x.test> a écrit :",
      "W dniu 28.11.2026 o 10:00, X <x@y.test> napisał(a):",
      "X <x@y.test> kirjoitti 28.11.2026 klo 10.00:",
      "In data 28 novembre 2026 10:00:00, X <x@y.test> ha scritto:",
      "Em sáb., 28 de nov. de 2026 às 10:00, X <x@y.test> escreveu:",
      "Den 15. jun. 2016 kl. 20.42 skrev X <x@y.test> :",
      "ср, 30 апр. 2025 г. в 15:19, X <x@y.test>:",
      "Wednesday, 17 November 2021, 3:32 PM +0300 from a@b.test <a@b.test>:",
      "---- On Wed, 24 Feb 2021 14:02:50 +0530 x@y.test wrote ----",
      "在 2026年11月28日 10:00，MarketDesk 写道：",
      "於 2026年11月28日 上午10:00，MarketDesk 寫道：",
      "2026/11/28 10:00、X <x@y.test>のメール:",
      "2026년 11월 28일 (토) 오전 10:00, X <x@y.test>님이 작성:"})
  void shouldProveAttributionLines(String line) {
    assertThat(markers.attribution(QuoteMarkers.key(line))).isEqualTo(QuoteMarkers.Strength.PROVEN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"He wrote:", "Someone writes"})
  void shouldOnlyDoubtAnAttributionWithNeitherDateNorAddress(String line) {
    assertThat(markers.attribution(QuoteMarkers.key(line))).isEqualTo(QuoteMarkers.Strength.WEAK);
  }

  @ParameterizedTest
  @ValueSource(strings = {"I wrote the report yesterday", "On time delivery please", "确认完成 20261128000123",
      "订单列表", "Date: 2026-12-01"})
  void shouldNotTakeOrdinaryLinesForAttributions(String line) {
    assertThat(markers.attribution(QuoteMarkers.key(line))).isEqualTo(QuoteMarkers.Strength.NONE);
  }

  @Test
  void shouldNotTakeAFieldKeyForAHeaderLabel() {
    for (String key : new String[] {"名称", "服务类型", "价格", "计费单位", "简介", "详情", "name", "type", "price", "unit",
        "summary", "description", "公司名称", "地址", "联系人", "联系电话", "服务时间", "email", "phone", "hours", "contact"}) {
      assertThat(markers.label(QuoteMarkers.key(key + ": x"))).as(key).isNull();
    }
  }
}
