package io.marketdesk.template;

import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import io.marketdesk.text.Message;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The message catalog: every short text a person reads that is not a whole mail or page (replies,
 * refusals, examples, notice lines, labels), one file per language, {@code
 * templates/messages/LANG.properties} (UTF-8), each value a Freemarker template over named
 * arguments ({@code ${orderNo}}, plurals and choices with {@code <#if>}). Java code names a key and
 * gives the arguments (a {@link io.marketdesk.text.Message} argument is worded in the same
 * language); the words are in the files (see docs/adr/0009-message-catalog.md and
 * docs/languages.md). A missing key is a bug and throws. Thread-safe: files are read once, compiled
 * templates are cached.
 */
public final class Catalog {
  private final Configuration cfg;
  private final ConcurrentMap<String, Map<String, String>> files = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Template> compiled = new ConcurrentHashMap<>();
  private volatile List<Spoken> spoken;

  Catalog(Configuration cfg) {
    this.cfg = cfg;
  }

  /**
   * The text of {@code key} in language {@code lang} (a folder code: {@code zh}, {@code zh-Hant},
   * {@code en}) with the arguments given as name, value pairs; a null value reads as empty.
   *
   * @throws IllegalStateException when the key is missing in that language
   */
  public String text(String lang, String key, Object... nameValues) {
    if (nameValues.length % 2 != 0) {
      throw new IllegalArgumentException("arguments come in name, value pairs: " + key);
    }
    Map<String, Object> model = new LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      Object v = nameValues[i + 1];
      model.put((String) nameValues[i], v == null ? "" : v);
    }
    return render(lang, key, model);
  }

  /** The text of {@code key} with a model of named arguments. */
  public String render(String lang, String key, Map<String, ?> args) {
    Map<String, Object> model = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : args.entrySet()) {
      Object v = e.getValue();
      model.put(e.getKey(), v instanceof Message ? text(lang, (Message) v) : v);
    }
    Template t = compiled.computeIfAbsent(lang + "\u0000" + key, k -> compile(lang, key));
    try {
      StringWriter out = new StringWriter();
      t.process(model, out);
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (TemplateException e) {
      throw new IllegalStateException("message " + lang + "/" + key + ": " + e.getMessage(), e);
    }
  }

  /** A message value in language {@code lang}. */
  public String text(String lang, Message message) {
    return render(lang, message.key(), message.args());
  }

  /** The source text of {@code key} in language {@code lang}, or null. */
  public String source(String lang, String key) {
    return file(lang).get(key);
  }

  /** True when the language's file has the key. */
  public boolean has(String lang, String key) {
    return file(lang).containsKey(key);
  }

  /** Every key of one language's file, sorted. */
  public Set<String> keys(String lang) {
    return Collections.unmodifiableSet(new TreeSet<>(file(lang).keySet()));
  }

  private Template compile(String lang, String key) {
    String source = file(lang).get(key);
    if (source == null) {
      throw new IllegalStateException("message " + key + " is missing in the messages of " + lang);
    }
    try {
      return new Template(lang + "/" + key, new StringReader(source), cfg);
    } catch (IOException e) {
      throw new IllegalStateException("message " + lang + "/" + key + ": " + e.getMessage(), e);
    }
  }

  private Map<String, String> file(String lang) {
    return files.computeIfAbsent(lang, this::load);
  }

  /**
   * One language's words: {@code messages/LANG.properties}, then {@code messages/PART.LANG.properties}
   * for each part named in {@code messages/parts.txt} (a feature keeps its words in its own part, so
   * that features do not edit one file). A key in two files is a bug and throws.
   */
  private Map<String, String> load(String lang) {
    Map<String, String> m = new LinkedHashMap<>();
    loadInto(m, "messages/" + lang + ".properties", true);
    for (String part : parts()) {
      loadInto(m, "messages/" + part + "." + lang + ".properties", true);
    }
    return Map.copyOf(m);
  }

  /**
   * One language as {@code messages/languages.txt} lists it.
   *
   * @param code the folder code of its files
   * @param name its name in its own words (the pages' language links)
   * @param tags the browser language tags it answers, lower case ({@code zh-tw}; a tag also matches
   *     longer ones: {@code en} answers {@code en-GB})
   * @param script {@code han} or {@code latin}: whether its keywords need a word boundary
   */
  public record Spoken(String code, String name, List<String> tags, String script) {
    public Spoken {
      tags = List.copyOf(tags);
    }

    /** True when its keywords are written in Chinese characters (no word boundary after them). */
    public boolean han() {
      return script.equals("han");
    }
  }

  /**
   * The languages, from {@code messages/languages.txt} (the first is the default): adding a language
   * is adding its files and a line there (docs/languages.md).
   */
  public List<Spoken> languages() {
    List<Spoken> cached = spoken;
    if (cached != null) {
      return cached;
    }
    String text = read("messages/languages.txt");
    if (text == null) {
      throw new IllegalStateException("no messages/languages.txt");
    }
    List<Spoken> out = new ArrayList<>();
    for (String line : text.split("\\R")) {
      String l = line.replaceFirst("#.*", "").strip();
      if (l.isEmpty()) {
        continue;
      }
      String[] f = l.split("\\|", -1);
      if (f.length != 4) {
        throw new IllegalStateException("messages/languages.txt: CODE | NAME | TAGS | SCRIPT expected: " + line);
      }
      List<String> tags = new ArrayList<>();
      for (String t : f[2].split(",")) {
        if (!t.isBlank()) {
          tags.add(t.strip().toLowerCase(Locale.ROOT));
        }
      }
      out.add(new Spoken(f[0].strip(), f[1].strip(), tags, f[3].strip().toLowerCase(Locale.ROOT)));
    }
    spoken = List.copyOf(out);
    return spoken;
  }

  /** The language codes, the default first. */
  public List<String> languageCodes() {
    return languages().stream().map(Spoken::code).toList();
  }

  /**
   * The language a browser asks for: the first tag of {@code Accept-Language} that a language
   * answers (its longest matching tag wins); else the language listing {@code *} (any other
   * browser language); with no header, the default language.
   */
  public String languageFor(String acceptLanguage) {
    if (acceptLanguage != null) {
      String any = null;
      for (Spoken s : languages()) {
        if (any == null && s.tags().contains("*")) {
          any = s.code();
        }
      }
      for (String part : acceptLanguage.split(",")) {
        String tag = part.replaceFirst(";.*", "").strip().toLowerCase(Locale.ROOT);
        String best = null;
        int bestLength = -1;
        for (Spoken s : languages()) {
          for (String t : s.tags()) {
            if ((tag.equals(t) || tag.startsWith(t + "-")) && t.length() > bestLength) {
              best = s.code();
              bestLength = t.length();
            }
          }
        }
        if (best != null) {
          return best;
        }
      }
      if (any != null && !acceptLanguage.isBlank()) {
        return any;
      }
    }
    return languages().get(0).code();
  }

  /** The parts named in {@code messages/parts.txt}, one per line ({@code #} starts a comment). */
  public List<String> parts() {
    String text = read("messages/parts.txt");
    List<String> out = new ArrayList<>();
    if (text != null) {
      for (String line : text.split("\\R")) {
        String part = line.replaceFirst("#.*", "").strip();
        if (!part.isEmpty()) {
          out.add(part);
        }
      }
    }
    return out;
  }

  private void loadInto(Map<String, String> m, String name, boolean required) {
    String text = read(name);
    if (text == null) {
      if (required) {
        throw new IllegalStateException("no message file " + name);
      }
      return;
    }
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(name, e);
    }
    for (String k : p.stringPropertyNames()) {
      if (m.putIfAbsent(k, p.getProperty(k)) != null) {
        throw new IllegalStateException("message " + k + " is in two files; the second is " + name);
      }
    }
  }

  private String read(String name) {
    TemplateLoader loader = cfg.getTemplateLoader();
    try {
      Object source = loader.findTemplateSource(name);
      if (source == null) {
        return null;
      }
      try (Reader r = loader.getReader(source, "UTF-8")) {
        StringWriter out = new StringWriter();
        r.transferTo(out);
        return out.toString();
      } finally {
        loader.closeTemplateSource(source);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(name, e);
    }
  }
}
