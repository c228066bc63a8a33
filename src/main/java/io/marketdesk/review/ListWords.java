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
    for (Reviews.ChangeLine c : Reviews.lines(catalog, lang, r)) {
      if (c.context()) {
        continue;
      }
      parts.add(c.before().isEmpty()
          ? catalog.text(lang, "list.change.new", "label", c.label(), "after", cut(c.after()))
          : catalog.text(lang, "list.change", "label", c.label(), "before", cut(c.before()), "after", cut(c.after())));
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
