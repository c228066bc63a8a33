package io.marketdesk.review;

import io.marketdesk.template.Catalog;
import java.util.ArrayList;
import java.util.List;

/**
 * The short per-item words of a numbered list (digest, {@code 待审核}): what changes, old → new,
 * each value cut short, and how long the request has waited. Words come from the catalog ({@code
 * list.*}). Stateless and thread-safe.
 */
final class ListWords {
  /** The longest value shown in a list line; the review mail has the whole of it. */
  static final int MAX_VALUE = 40;

  private ListWords() {}

  static String changes(Catalog catalog, String lang, Review r) {
    List<String> parts = new ArrayList<>();
    for (Change c : r.changes()) {
      if (c.context()) {
        continue;
      }
      String label = Reviews.label(catalog, lang, c);
      boolean zh = lang.startsWith("zh");
      String before = zh ? c.before() : c.beforeInEnglish();
      String after = zh ? c.after() : c.afterInEnglish();
      parts.add(before.isEmpty()
          ? catalog.text(lang, "list.change.new", "label", label, "after", cut(after))
          : catalog.text(lang, "list.change", "label", label, "before", cut(before), "after", cut(after)));
    }
    return String.join(catalog.text(lang, "list.separator"), parts);
  }

  static String waited(Catalog catalog, String lang, Review r, long now) {
    long hours = Math.max(0, (now - r.submittedAt()) / 3_600_000L);
    return catalog.text(lang, "list.waited", "days", hours / 24, "hours", hours % 24);
  }

  static String cut(String s) {
    String one = s == null ? "" : s.replace('\n', ' ').strip();
    return one.codePointCount(0, one.length()) <= MAX_VALUE ? one
        : one.substring(0, one.offsetByCodePoints(0, MAX_VALUE - 1)) + "…";
  }
}
