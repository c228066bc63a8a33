package io.marketdesk.command;

/**
 * The language a reply is written in: the language of the commands (docs/commands.md). Each has a
 * folder of templates and a message file named by {@link #code()}; adding one is adding files
 * (docs/languages.md) and a constant here.
 */
public enum Language {
  /** Simplified Chinese, the default. */
  ZH("zh"),
  /** Traditional Chinese, as written in Taiwan and Hong Kong. */
  ZH_HANT("zh-Hant"),
  EN("en");

  private final String code;

  Language(String code) {
    this.code = code;
  }

  /** The folder name of this language's templates and the name of its message file. */
  public String code() {
    return code;
  }

  /** True for the Chinese languages (either script). */
  public boolean chinese() {
    return this != EN;
  }

  /** The language of a folder code, or ZH for an unknown one. */
  public static Language of(String code) {
    for (Language l : values()) {
      if (l.code.equalsIgnoreCase(code)) {
        return l;
      }
    }
    return ZH;
  }
}
