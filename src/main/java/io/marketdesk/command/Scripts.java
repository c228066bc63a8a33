package io.marketdesk.command;

import io.marketdesk.text.Language;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which script a Chinese mail is written in: the commands' lines are counted against the characters
 * only Traditional writing uses ({@code messages/zh-Hant.script.txt}) and those only Simplified
 * writing uses ({@code messages/zh.script.txt}); more Traditional ones, or a Big5 mail, give a
 * {@code zh-Hant} reply. Immutable and thread-safe.
 */
public final class Scripts {
  private final Set<Integer> traditional;
  private final Set<Integer> simplified;

  public Scripts() {
    this.traditional = load("templates/messages/zh-Hant.script.txt");
    this.simplified = load("templates/messages/zh.script.txt");
  }

  /**
   * The reply language: {@code lang} as the parser found it, made {@link Language#ZH_HANT} when it
   * is Chinese and the lines are written in Traditional characters or the mail came in Big5.
   *
   * @param charset the charset the mail's text was declared in, or null
   */
  public Language refine(Language lang, Collection<String> lines, String charset) {
    if (!lang.chinese()) {
      return lang;
    }
    if (charset != null && charset.toLowerCase(Locale.ROOT).contains("big5")) {
      return Language.ZH_HANT;
    }
    int trad = 0;
    int simp = 0;
    for (String line : lines) {
      if (line == null) {
        continue;
      }
      for (int i = 0; i < line.length(); ) {
        int c = line.codePointAt(i);
        if (traditional.contains(c)) {
          trad++;
        } else if (simplified.contains(c)) {
          simp++;
        }
        i += Character.charCount(c);
      }
    }
    return trad > simp ? Language.ZH_HANT : Language.ZH;
  }

  private static Set<Integer> load(String resource) {
    Set<Integer> out = new HashSet<>();
    InputStream in = Scripts.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing " + resource);
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.startsWith("#")) {
          line.strip().codePoints().forEach(out::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
    return Set.copyOf(out);
  }
}
