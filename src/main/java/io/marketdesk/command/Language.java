package io.marketdesk.command;

/** The language a reply is written in: Chinese when any Chinese keyword was used (SPEC §2). */
public enum Language {
  ZH,
  EN;

  /** The folder name of this language's templates. */
  public String code() {
    return this == ZH ? "zh" : "en";
  }
}
