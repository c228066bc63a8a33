package io.marketdesk.text;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * An enum stored by a code and read by people as words, the one way for states and types: the code
 * is the constant's name in lower case ({@code IN_REVIEW} is {@code in_review}: what the store and
 * the API use), the label is the catalog key {@code labelPrefix() + code} (what a reply shows), and
 * people may write the code or any word of {@code words.} + the label key in any language's message
 * file (docs/languages.md). Implemented by enums, which are immutable.
 */
public interface Coded {
  /** The enum constant's name (given by {@link Enum}). */
  String name();

  /** The catalog prefix of the labels, such as {@code state.product.} or {@code type.}. */
  String labelPrefix();

  /** What the store and the API use. */
  default String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The message-catalog key of this constant's label ({@code state.product.listed} = 已上架 / listed). */
  default String labelKey() {
    return labelPrefix() + code();
  }

  /** The constant of a stored code. */
  static <E extends Enum<E> & Coded> E ofCode(Class<E> type, String code) {
    for (E e : type.getEnumConstants()) {
      if (e.code().equals(code)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown " + type.getSimpleName() + " " + code);
  }

  /**
   * Reads what a person wrote: the code (a space for an underscore), or any of the words of {@code
   * words.LABELKEY} in any language; case, width and runs of spaces do not matter.
   *
   * @param words the words of a catalog key in every language, NFKC and lower-case
   */
  static <E extends Enum<E> & Coded> Optional<E> parse(Class<E> type, String text, Function<String, List<String>> words) {
    if (text == null) {
      return Optional.empty();
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    for (E e : type.getEnumConstants()) {
      if (e.code().equals(s.replace(' ', '_')) || words.apply("words." + e.labelKey()).contains(s)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
