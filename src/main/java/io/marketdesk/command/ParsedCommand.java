package io.marketdesk.command;

import io.marketdesk.text.Language;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One command read from a mail. Immutable.
 *
 * @param spec the command
 * @param keyword the keyword as it matched (normalised), or the sentence for a sentence command
 * @param language Chinese when a Chinese keyword was used
 * @param args the rest of the keyword line after the keyword, trimmed and NFKC-normalised
 * @param fields the field lines, keys NFKC-normalised, trimmed and lower-cased, in order
 * @param text the free text of a FREE_TEXT command: every line below its keyword line, as written,
 *     trimmed as a block (the rest of the keyword line is {@code args}); "" when none or for other
 *     commands
 * @param line the command line as written (for the reply)
 * @param fromSubject true when the command came from the subject
 */
public record ParsedCommand(
    CommandSpec spec,
    String keyword,
    Language language,
    String args,
    Map<String, String> fields,
    String text,
    String line,
    boolean fromSubject) {

  public ParsedCommand {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /**
   * The args and the free text joined by a newline, trimmed: the whole reason of a command such as
   * {@code 拒绝 理由} whose reason may start on its line and go on below it.
   */
  public String argsAndText() {
    if (args.isEmpty()) {
      return text;
    }
    return text.isEmpty() ? args : args + "\n" + text;
  }

  /** The first field present under any of the given names (compare lower-cased), or null. */
  public String field(String... names) {
    for (String n : names) {
      String v = fields.get(n.toLowerCase(Locale.ROOT));
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
