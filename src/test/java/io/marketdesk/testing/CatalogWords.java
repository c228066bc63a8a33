package io.marketdesk.testing;

import io.marketdesk.text.Language;
import io.marketdesk.template.Catalog;
import io.marketdesk.template.Templates;
import io.marketdesk.text.Message;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The bundled message catalog for unit tests: words as the command context gives them, texts by language. */
public final class CatalogWords {
  public static final Catalog CATALOG = new Templates(null).catalog();

  private CatalogWords() {}

  /** The words of a catalog key in every language, NFKC and lower-case (as {@code CommandContext.words}). */
  public static final Function<String, List<String>> WORDS = key -> {
    List<String> out = new ArrayList<>();
    for (Language l : CATALOG.languageCodes().stream().map(Language::of).toList()) {
      if (CATALOG.has(l.code(), key)) {
        for (String w : CATALOG.text(l.code(), key).split("\\|")) {
          if (!w.isBlank()) {
            out.add(Normalizer.normalize(w.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    return out;
  };

  /** A message in a language. */
  public static String text(String lang, Message m) {
    return CATALOG.text(lang, m);
  }
}
