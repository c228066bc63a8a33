package io.marketdesk.mime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The lines with which mail clients introduce a quoted original, read from the resource {@code
 * mail/quote-markers.txt} (its header describes the format and names the source of each marker):
 * attribution lines ({@code On … wrote:}, {@code Le … a écrit :}, {@code 在 … 写道：}), separators
 * ({@code -----Ursprüngliche Nachricht-----}) and header-block labels ({@code Von:}, {@code 发件人:}),
 * in seventeen languages. Data, not code: a language is added by adding lines.
 *
 * <p>Every check runs in time linear in the line: patterns are literal pieces joined by {@code *}
 * and are compared with {@link String#indexOf}, left to right, with no backtracking; lines longer
 * than {@link #MAX_MARKER_LENGTH} are never markers. Immutable and thread-safe.
 */
public final class QuoteMarkers {
  /** No client writes an attribution, separator or header line longer than this. */
  static final int MAX_MARKER_LENGTH = 400;

  /** How sure a line is to introduce a quote. */
  enum Strength {
    NONE,
    /** Looks like a marker but is not proven to be one: what follows is doubtful. */
    WEAK,
    PROVEN
  }

  private record Glob(String[] pieces, boolean openStart) {
    boolean matches(String s) {
      if (pieces.length == 1) {
        return s.equals(pieces[0]);
      }
      String first = pieces[0];
      String last = pieces[pieces.length - 1];
      if (first.length() + last.length() > s.length() || !s.startsWith(first) || !s.endsWith(last)) {
        return false;
      }
      int pos = first.length();
      int end = s.length() - last.length();
      for (int i = 1; i < pieces.length - 1; i++) {
        if (pieces[i].isEmpty()) {
          continue;
        }
        int at = s.indexOf(pieces[i], pos);
        if (at < 0 || at + pieces[i].length() > end) {
          return false;
        }
        pos = at + pieces[i].length();
      }
      return true;
    }
  }

  private final List<Glob> attributions;
  private final Set<String> separators;
  private final Set<String> labels;
  private final Set<String> closings;

  private QuoteMarkers(List<Glob> attributions, Set<String> separators, Set<String> labels, Set<String> closings) {
    this.attributions = List.copyOf(attributions);
    this.separators = Set.copyOf(separators);
    this.labels = Set.copyOf(labels);
    this.closings = Set.copyOf(closings);
  }

  /** The markers of the bundled resource {@code mail/quote-markers.txt}. */
  public static QuoteMarkers standard() {
    try (InputStream in = QuoteMarkers.class.getResourceAsStream("/mail/quote-markers.txt")) {
      if (in == null) {
        throw new IllegalStateException("mail/quote-markers.txt is missing from the class path");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the marker file format (see the resource's header). */
  static QuoteMarkers parse(String text) {
    List<Glob> attributions = new ArrayList<>();
    Set<String> separators = new HashSet<>();
    Set<String> labels = new HashSet<>();
    Set<String> closings = new HashSet<>();
    int n = 0;
    for (String raw : text.split("\n")) {
      n++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\\|");
      if (cols.length < 4) {
        throw new IllegalStateException("quote-markers.txt line " + n + ": KIND | LANGUAGE | PATTERN | SOURCE expected");
      }
      String pattern = key(cols[2]);
      switch (cols[0].strip()) {
        case "attribution":
          attributions.add(new Glob(pattern.split("\\*", -1), pattern.startsWith("*")));
          break;
        case "separator":
          separators.add(pattern);
          break;
        case "label":
          labels.add(pattern);
          break;
        case "closing":
          closings.add(pattern);
          break;
        default:
          throw new IllegalStateException("quote-markers.txt line " + n + ": unknown kind " + cols[0].strip());
      }
    }
    return new QuoteMarkers(attributions, separators, labels, closings);
  }

  /** NFKC, {@code &nbsp;} and no-break spaces as spaces, lower case, spaces collapsed, trimmed. */
  static String key(String line) {
    String t = line.replace("&nbsp;", " ");
    t = Normalizer.normalize(t, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(t.length());
    boolean space = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = sb.length() > 0;
      } else {
        if (space) {
          sb.append(' ');
          space = false;
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Is a closing word ({@code thanks}): reading stops at a line that says only that. */
  boolean closing(String key) {
    return closings.contains(key);
  }

  /** Is an attribution line, such as {@code On … wrote:}; {@code key} as made by {@link #key}. */
  Strength attribution(String key) {
    if (key.length() > MAX_MARKER_LENGTH || key.isEmpty()) {
      return Strength.NONE;
    }
    String k = undecorate(withoutTrailingColon(undecorate(key)));
    if (k.isEmpty()) {
      return Strength.NONE;
    }
    for (Glob g : attributions) {
      if (g.matches(k)) {
        return g.openStart() && !hasAddressOrDigit(k) ? Strength.WEAK : Strength.PROVEN;
      }
    }
    return dateAndAddress(key) ? Strength.PROVEN : Strength.NONE;
  }

  /**
   * True when {@code key} starts the way an attribution pattern with a fixed opening starts ({@code
   * on …}, {@code 在 …}): the first half of an attribution wrapped over two lines.
   */
  boolean opensAttribution(String key) {
    for (Glob g : attributions) {
      if (!g.openStart() && g.pieces().length > 1 && key.startsWith(g.pieces()[0])) {
        return true;
      }
    }
    return false;
  }

  /**
   * A line that is a date, a time and an address and ends with a colon: the attribution of clients
   * that write no verb ({@code 2017-11-24 16:32 GMT+01:00 Name <a@b>:}, {@code ср, 30 апр. 2025 г. в
   * 15:19, Name <a@b>:}).
   */
  private static boolean dateAndAddress(String key) {
    if (!key.endsWith(":") || key.indexOf('@') < 0) {
      return false;
    }
    boolean time = false;
    boolean year = false;
    int digits = 0;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
        year |= digits == 4;
      } else {
        if ((c == ':' || c == '.') && digits >= 1 && digits <= 2 && i + 2 < key.length()
            && Character.isDigit(key.charAt(i + 1)) && Character.isDigit(key.charAt(i + 2))) {
          time = true;
        }
        digits = 0;
      }
    }
    return time && year;
  }

  /**
   * Is a separator line ({@code -----Original Message-----}, {@code ---- 原始邮件 ----}, {@code Begin
   * forwarded message:}).
   */
  boolean separator(String key) {
    if (key.length() > MAX_MARKER_LENGTH) {
      return false;
    }
    String inner = undecorate(key);
    boolean decorated = key.length() - inner.length() >= 2;
    boolean colon = inner.endsWith(":");
    if (!decorated && !colon) {
      return false;
    }
    return !inner.isEmpty() && separators.contains(undecorate(withoutTrailingColon(inner)));
  }

  /** A line of decoration only ({@code =====}, {@code -----}), at least four characters long. */
  static boolean rule(String key) {
    return key.length() >= 4 && key.length() <= MAX_MARKER_LENGTH && undecorate(key).isEmpty();
  }

  /** The header label the line starts with ({@code from} of {@code *From:* X}), or null. */
  String label(String key) {
    if (key.length() > MAX_MARKER_LENGTH) {
      return null;
    }
    int colon = key.indexOf(':');
    if (colon <= 0 || colon > 40) {
      return null;
    }
    String label = undecorate(key.substring(0, colon));
    return labels.contains(label) ? label : null;
  }

  private static String withoutTrailingColon(String s) {
    return s.endsWith(":") ? s.substring(0, s.length() - 1).stripTrailing() : s;
  }

  /** Strips decoration ({@code - _ = * ~} and spaces) at both ends. */
  static String undecorate(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && decoration(s.charAt(a))) {
      a++;
    }
    while (b > a && decoration(s.charAt(b - 1))) {
      b--;
    }
    return s.substring(a, b);
  }

  private static boolean decoration(char c) {
    return c == '-' || c == '_' || c == '=' || c == '*' || c == '~' || c == ' ' || c == '\u2014' || c == '\u2013';
  }

  private static boolean hasAddressOrDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '@' || (c >= '0' && c <= '9')) {
        return true;
      }
    }
    return false;
  }
}
