package io.marketdesk.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The grammar words a parser looks for (subject prefixes, the words of the price-change sentence),
 * read from a UTF-8 properties file under {@code grammar/} on the class path, so that no Chinese
 * word is written in Java. Each key holds a space-separated list of words, NFKC-normalised; the
 * file says what each key means. Immutable and thread-safe.
 */
public final class GrammarWords {
  private final String resource;
  private final Map<String, List<String>> words;

  private GrammarWords(String resource, Map<String, List<String>> words) {
    this.resource = resource;
    this.words = words;
  }

  /**
   * Loads {@code grammar/NAME.properties}.
   *
   * @throws IllegalStateException when the file is missing (a broken build, not a user error)
   */
  public static GrammarWords load(String name) {
    String resource = "grammar/" + name + ".properties";
    try (InputStream in = GrammarWords.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + resource);
      }
      Properties p = new Properties();
      try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        p.load(r);
      }
      Map<String, List<String>> words = new TreeMap<>();
      for (String key : p.stringPropertyNames()) {
        List<String> list = new ArrayList<>();
        for (String w : p.getProperty(key).strip().split("\\s+")) {
          if (!w.isEmpty()) {
            list.add(Normalizer.normalize(w, Normalizer.Form.NFKC));
          }
        }
        words.put(key, List.copyOf(list));
      }
      return new GrammarWords(resource, Map.copyOf(words));
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
  }

  /**
   * The words under {@code key}, longest first (so that a scanner trying them in order finds the
   * longest match).
   *
   * @throws IllegalStateException when the key is missing
   */
  public List<String> list(String key) {
    List<String> l = words.get(key);
    if (l == null || l.isEmpty()) {
      throw new IllegalStateException("no words for '" + key + "' in " + resource);
    }
    String[] sorted = l.toArray(new String[0]);
    Arrays.sort(sorted, (a, b) -> Integer.compare(b.length(), a.length()));
    return List.of(sorted);
  }

  /** The one word under {@code key}. */
  public String word(String key) {
    return list(key).get(0);
  }
}
