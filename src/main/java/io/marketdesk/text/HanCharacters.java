package io.marketdesk.text;

/**
 * Whether text holds Chinese characters (Unicode script Han): what tells a Chinese mail from an
 * English one before the finer choice between zh and zh-Hant (docs/languages.md). Stateless.
 */
public final class HanCharacters {
  private HanCharacters() {}

  /** True for a code point of the Han script. */
  public static boolean is(int codePoint) {
    return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
  }

  /** True when {@code s} holds at least one Han character; false for null. */
  public static boolean in(String s) {
    return s != null && s.codePoints().anyMatch(HanCharacters::is);
  }
}
