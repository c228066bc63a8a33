package io.marketdesk.template;

import static org.assertj.core.api.Assertions.assertThat;

import freemarker.template.Template;
import io.marketdesk.text.Language;
import io.marketdesk.command.Role;
import io.marketdesk.order.OrderStatus;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The message catalog is complete: every language has every key and every template file, every
 * value is a template Freemarker can read, and every key the Java code names exists
 * (docs/languages.md).
 */
class CatalogTest {
  private static final Path TEMPLATES = Path.of("templates");
  /**
   * A key named in Java: ctx.m("key", ctx.in(Language.ZH, "key", words.text(lang, "key",
   * Message.of("key", Refusal.conflict("key".
   */
  private static final Pattern KEY_IN_JAVA = Pattern.compile(
      "(?:\\bm|\\.text|\\.in|Message\\.of|Refusal\\.(?:badInput|notFound|conflict|rule))\\(\\s*(?:[A-Za-z_.()]+,\\s*)?"
          + "\"([a-z][a-z0-9_-]*(?:\\.[a-z0-9_-]+)+)\"");

  private final Templates templates = new Templates(null);
  private final Catalog catalog = templates.catalog();

  @Test
  void shouldHaveEveryKeyInEveryLanguage() {
    Set<String> all = new TreeSet<>();
    for (Language l : catalog.languageCodes().stream().map(Language::of).toList()) {
      all.addAll(catalog.keys(l.code()));
    }
    for (Language l : catalog.languageCodes().stream().map(Language::of).toList()) {
      Set<String> missing = new TreeSet<>(all);
      missing.removeAll(catalog.keys(l.code()));
      assertThat(missing).as("keys missing in messages/%s.properties", l.code()).isEmpty();
    }
  }

  @Test
  void shouldReadEveryValueAsATemplate() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Language l : catalog.languageCodes().stream().map(Language::of).toList()) {
      for (String key : catalog.keys(l.code())) {
        try {
          new Template(key, new StringReader(catalog.source(l.code(), key)), templates.configuration());
        } catch (IOException e) {
          broken.add(l.code() + "/" + key + ": " + e.getMessage());
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void shouldHaveEveryTemplateFileInEveryLanguage() throws IOException {
    for (String folder : List.of("mail", "help")) {
      Set<String> all = new TreeSet<>();
      for (Language l : catalog.languageCodes().stream().map(Language::of).toList()) {
        all.addAll(names(TEMPLATES.resolve(folder).resolve(l.code())));
      }
      for (Language l : catalog.languageCodes().stream().map(Language::of).toList()) {
        Set<String> missing = new TreeSet<>(all);
        missing.removeAll(names(TEMPLATES.resolve(folder).resolve(l.code())));
        assertThat(missing).as("templates missing in %s/%s", folder, l.code()).isEmpty();
      }
    }
  }

  @Test
  void shouldHaveEveryKeyTheJavaCodeNames() throws IOException {
    Set<String> named = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        Matcher m = KEY_IN_JAVA.matcher(Files.readString(f, StandardCharsets.UTF_8));
        while (m.find()) {
          named.add(m.group(1));
        }
      }
    }
    for (OrderStatus s : OrderStatus.values()) {
      named.add(s.labelKey());
      named.add(s.buyerLabelKey());
    }
    for (Role r : Role.values()) {
      named.add("role." + r.name().toLowerCase(Locale.ROOT));
    }
    assertThat(named).hasSizeGreaterThan(200);
    Set<String> missing = new TreeSet<>(named);
    missing.removeAll(catalog.keys("zh"));
    assertThat(missing).as("keys named in src/main/java but missing in messages/zh.properties").isEmpty();
  }

  @Test
  void shouldRenderArgumentsByName() {
    assertThat(catalog.text("zh", "order-commands.lookup.malformed", "no", "X1")).isEqualTo("“X1”不是订单号。");
    assertThat(catalog.text("zh-Hant", "order-commands.lookup.malformed", "no", "X1")).isEqualTo("「X1」不是訂單號。");
    assertThat(catalog.text("en", "order-commands.lookup.malformed", "no", "X1")).isEqualTo("\"X1\" is not an order number.");
  }

  private static Set<String> names(Path dir) throws IOException {
    Set<String> out = new TreeSet<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        s.forEach(p -> out.add(p.getFileName().toString()));
      }
    }
    return out;
  }
}
