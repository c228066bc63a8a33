package io.marketdesk.command;

import io.marketdesk.text.Language;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the parser needs to know of one command: its keywords in Chinese and English, who may use it,
 * and how the lines under its keyword line are read. Immutable.
 *
 * @param name a stable id such as {@code help} or {@code product.new}; also the help-template name
 * @param zh the Chinese keywords (the first is the one help shows)
 * @param en the English keywords (the first is the one help shows); several words allowed
 * @param roles who may use the command
 * @param body how the lines under the keyword line are read
 * @param sentence a recogniser for commands written as a sentence rather than keyword-first (the
 *     console guide's price-change sentence), or null
 */
public record CommandSpec(
    String name,
    List<String> zh,
    List<String> en,
    Set<Role> roles,
    Body body,
    SentenceRecognizer sentence,
    Map<String, Language> written) {

  public CommandSpec {
    zh = List.copyOf(zh);
    en = List.copyOf(en);
    roles = Set.copyOf(roles);
    written = Map.copyOf(written);
  }

  /** A spec whose Chinese keywords are zh and other keywords en. */
  public CommandSpec(String name, List<String> zh, List<String> en, Set<Role> roles, Body body,
      SentenceRecognizer sentence) {
    this(name, zh, en, roles, body, sentence, Map.of());
  }

  /**
   * The language a keyword of this spec is written in (the first language whose file has it, in
   * the order of messages/languages.txt), else {@code otherwise}.
   */
  public Language languageOf(String keyword, Language otherwise) {
    return written.getOrDefault(keyword, otherwise);
  }

  /** A command whose keywords come from the message files ({@link Keywords}). */
  public CommandSpec(String name, Set<Role> roles, Body body) {
    this(name, List.of(), List.of(), roles, body, null);
  }

  /** A command, written as a sentence too, whose keywords come from the message files. */
  public CommandSpec(String name, Set<Role> roles, Body body, SentenceRecognizer sentence) {
    this(name, List.of(), List.of(), roles, body, sentence);
  }

  public CommandSpec(String name, List<String> zh, List<String> en, Set<Role> roles, Body body) {
    this(name, zh, en, roles, body, null);
  }

  /** How the lines under a command's keyword line are read. */
  public enum Body {
    /** Nothing is read under the keyword line. */
    NONE,
    /**
     * The {@code key: value} lines right under it are its fields; a {@code 详情}/{@code description}
     * field continues over the following lines up to a blank line.
     */
    FIELDS,
    /** Every line below it, up to the end of the commands, is its free text. */
    FREE_TEXT
  }

  /** Recognises a command written as a sentence (for example the console guide's price-change request). */
  @FunctionalInterface
  public interface SentenceRecognizer {
    /**
     * @param line one line, already NFKC-normalised
     * @return the command's argument string when the line is such a sentence
     */
    Optional<String> recognize(String line);
  }
}
