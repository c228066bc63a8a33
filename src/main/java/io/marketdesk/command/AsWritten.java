package io.marketdesk.command;

import java.text.Normalizer;

/**
 * People's words as they wrote them. The parser matches on the NFKC form of a line (full-width
 * {@code ，：！} read as {@code ,:!}), so a reason taken from {@link ParsedCommand#args()} has lost
 * its full-width punctuation; this finds the same words in the line as written. Linear in the
 * line's length. Stateless.
 */
public final class AsWritten {
  private AsWritten() {}

  /**
   * The end of {@code line} whose NFKC form is {@code normalizedTail} (trimmed), as written; the
   * normalised tail itself when the line does not end with it.
   */
  public static String tail(String line, String normalizedTail) {
    String tail = normalizedTail == null ? "" : normalizedTail.strip();
    if (line == null || tail.isEmpty()) {
      return tail;
    }
    StringBuilder norm = new StringBuilder(line.length());
    int[] origin = new int[line.length() * 4 + 1];
    int i = 0;
    while (i < line.length()) {
      int cp = line.codePointAt(i);
      int next = i + Character.charCount(cp);
      String n = Normalizer.normalize(line.substring(i, next), Normalizer.Form.NFKC);
      for (int k = 0; k < n.length() && norm.length() < origin.length - 1; k++) {
        origin[norm.length()] = i;
        norm.append(n.charAt(k));
      }
      i = next;
    }
    String normalized = norm.toString().stripTrailing();
    if (!normalized.endsWith(tail)) {
      return tail;
    }
    int at = normalized.length() - tail.length();
    return line.substring(origin[at]).strip();
  }
}
