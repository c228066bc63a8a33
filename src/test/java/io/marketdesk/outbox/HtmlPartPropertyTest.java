package io.marketdesk.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.text.Language;
import io.marketdesk.template.Templates;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Whatever a text part holds — people's words with markup, quotes, ampersands, colons, arrows, list
 * bullets, indented lines, URLs — its HTML part adds no element of the writer's and drops no word
 * (docs/mail-design.md).
 */
class HtmlPartPropertyTest {
  private static final HtmlPart HTML = new HtmlPart(new Templates(null));
  private static final Set<String> OURS = Set.of("html", "head", "meta", "title", "style", "body", "table", "tbody",
      "tr", "td", "th", "h1", "p", "br", "a", "span");

  @Property(tries = 300)
  void shouldEscapeEveryLineAndKeepEveryWord(@ForAll("texts") String text) {
    String out = HTML.render(Language.ZH, null, null, "主题 <b>&", text, "market@marketdesk.test");
    Document d = Jsoup.parse(out);
    for (Element e : d.getAllElements()) {
      if (!e.tagName().equals("#root")) {
        assertThat(OURS).as(out).contains(e.tagName());
      }
    }
    // the separators a table turns into cells (label：value, old → new, "1. ", "· ") are the only losses
    String shown = d.body().text().replaceAll("[\\s：:→.·]+", "");
    for (String word : text.split("[\\s\\n]+")) {
      String w = word.replaceAll("[：:→.·]+", "");
      if (!w.isEmpty() && !word.equals("--")) {
        assertThat(shown).as(out).contains(w);
      }
    }
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> word = Arbitraries.of("订单", "<script>alert(1)</script>", "<b>粗</b>", "a & b", "\"quoted\"",
        "'single'", "¥1,000.00", "20261128000123", "https://market.example/p?a=1&b=<2>", "标签：值", "Label: value",
        "→", "· 价格：¥1.00 → ¥2.00", "确认完成 20261128000123", "1. 第一项", "<img src=x onerror=y>", "]]>", "&amp;",
        "<!--", "-->", "</td></tr></table>", "ＡＢＣ", "x");
    Arbitrary<String> line = Arbitraries.oneOf(
        word.list().ofMinSize(1).ofMaxSize(5).map(l -> String.join(" ", l)),
        word.list().ofMinSize(3).ofMaxSize(4).map(l -> String.join("  ", l)),
        word.map(w -> "    " + w),
        Arbitraries.just(""));
    return line.list().ofMinSize(1).ofMaxSize(12).map((List<String> l) -> String.join("\n", l));
  }
}
