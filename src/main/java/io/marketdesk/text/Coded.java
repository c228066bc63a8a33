package io.marketdesk.text;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * An enum stored and shown by a code ({@code awaiting_confirmation}), labelled and read back through
 * the message catalog: the one place that finds a constant by its code or by the words a person
 * wrote for it. Implemented by the state and type enums of the features.
 */
public interface Coded {

  /** The English name stored in the database and shown by the API. */
  String code();

  /**
   * The constant with this code.
   *
   * @throws IllegalArgumentException when none has it (a bug or a damaged row, never input)
   */
  static <E extends Enum<E> & Coded> E of(Class<E> type, String code) {
    for (E e : type.getEnumConstants()) {
      if (e.code().equals(code)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown " + type.getSimpleName() + " " + code);
  }

  /**
   * Reads a constant a person wrote: its code (with a space or an underscore), or any of the words
   * of the catalog key {@code wordsPrefix + code} in any language's message file.
   *
   * @param words the words of a catalog key in every language, NFKC and lower-case
   */
  static <E extends Enum<E> & Coded> Optional<E> parse(Class<E> type, String text, String wordsPrefix,
      Function<String, List<String>> words) {
    String t = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT);
    for (E e : type.getEnumConstants()) {
      if (e.code().equals(t.replace(' ', '_')) || words.apply(wordsPrefix + e.code()).contains(t)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
