package io.marketdesk.text;

/**
 * A language a reply or a page is written in, by its code: the name of its message file and its
 * template folders. The set of languages is files alone ({@code templates/messages/languages.txt},
 * read by {@link io.marketdesk.template.Catalog#languages()}; docs/languages.md); the three the
 * code names are constants here. Immutable; equal when the codes are.
 *
 * @param code the folder code ({@code zh}, {@code zh-Hant}, {@code en}, …)
 */
public record Language(String code) {
  /** Simplified Chinese, the default. */
  public static final Language ZH = new Language("zh");
  /** Traditional Chinese, as written in Taiwan and Hong Kong. */
  public static final Language ZH_HANT = new Language("zh-Hant");
  public static final Language EN = new Language("en");

  public Language {
    if (code == null || code.isBlank() || !code.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
      throw new IllegalArgumentException("not a language code: " + code);
    }
  }

  /** True for the Chinese languages (either script). */
  public boolean chinese() {
    return code.equals("zh") || code.startsWith("zh-");
  }

  /**
   * The three languages the code names. Every language there are files for is {@link
   * io.marketdesk.template.Catalog#languageCodes()}; loop over that instead where a fourth one
   * should count too.
   */
  public static Language[] values() {
    return new Language[] {ZH, ZH_HANT, EN};
  }

  /**
   * The language of a code: one of the constants when it names one (any case), else a language of
   * that code; zh for none or a malformed one.
   */
  public static Language of(String code) {
    if (code == null) {
      return ZH;
    }
    for (Language l : new Language[] {ZH, ZH_HANT, EN}) {
      if (l.code.equalsIgnoreCase(code.strip())) {
        return l;
      }
    }
    try {
      return new Language(code.strip());
    } catch (IllegalArgumentException e) {
      return ZH;
    }
  }

  @Override
  public String toString() {
    return code;
  }
}
