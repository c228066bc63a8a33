package io.marketdesk.command;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One command read from a mail. Immutable.
 *
 * @param spec the command
 * @param keyword the keyword as it matched (normalised), or the sentence for a sentence command
 * @param language Chinese when a Chinese keyword was used
 * @param args the rest of the keyword line after the keyword, trimmed and NFKC-normalised
 * @param fields the field lines, keys NFKC-normalised, trimmed and lower-cased, in order
 * @param text the free text (FREE_TEXT commands: the rest of the line and every line below; "" when
 *     none)
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
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** The first field present under any of the given names (compare lower-cased), or null. */
  public String field(String... names) {
    for (String n : names) {
      String v = fields.get(n.toLowerCase(java.util.Locale.ROOT));
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
