package io.marketdesk.command;

import io.marketdesk.text.Language;
import io.marketdesk.template.Catalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command keywords, read from the message files ({@code keyword.NAME = 订单详情 | 订单明细}) of
 * every language in {@code messages/languages.txt}: the Java code names a command, each language's
 * file says how people write it, and a keyword answers in the language whose file has it first.
 * Keywords of a {@code han} language need no word boundary; Chinese keywords of both scripts are
 * matched as Chinese, and which script a mail is written in is for {@link Scripts}.
 * Immutable and thread-safe.
 */
public final class Keywords {
  private static final String PREFIX = "keyword.";
  private final Catalog catalog;

  public Keywords(Catalog catalog) {
    this.catalog = catalog;
  }

  /** The spec with its keywords from the files; the spec as it is when no file names it. */
  public CommandSpec apply(CommandSpec spec) {
    List<String> zh = new ArrayList<>();
    List<String> en = new ArrayList<>();
    Map<String, Language> written = new HashMap<>();
    for (Catalog.Spoken s : catalog.languages()) {
      Language lang = Language.of(s.code());
      List<String> words = words(lang, spec.name());
      (s.han() ? zh : en).addAll(words);
      for (String w : words) {
        written.putIfAbsent(w, lang);
      }
    }
    if (zh.isEmpty() && en.isEmpty()) {
      return spec;
    }
    return new CommandSpec(spec.name(), distinct(zh), distinct(en), spec.roles(), spec.body(), spec.sentence(),
        written);
  }

  /** One language's keywords for a command, the one help shows first; empty when it has none. */
  public List<String> words(Language lang, String command) {
    if (!catalog.has(lang.code(), PREFIX + command)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String w : catalog.text(lang.code(), PREFIX + command).split("\\|")) {
      if (!w.isBlank()) {
        out.add(w.strip());
      }
    }
    return out;
  }

  private static List<String> distinct(List<String> words) {
    Set<String> seen = new LinkedHashSet<>(words);
    return new ArrayList<>(seen);
  }
}
