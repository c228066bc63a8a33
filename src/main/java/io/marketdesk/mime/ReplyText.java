package io.marketdesk.mime;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Picks the lines of a mail body that may carry commands: what the sender wrote, not what they
 * quoted (docs/commands.md, "How quotes are found"). In this order:
 *
 * <ol>
 *   <li><b>Our own words.</b> When the mail answers one of our mails (its text is given), the reply
 *       is compared with that text: from the first line where our text begins (compared without
 *       spaces, in NFKC, with quote prefixes removed, so re-wrapped and full-width copies match too),
 *       everything is the quote, marked or not, together with the attribution lines right above it.
 *       A live line that repeats a line of our mail next to another line of it (a piece of our
 *       mail that escaped every other rule) is reported in {@link Reading#repeated()}; a lone line
 *       such as {@code 确认完成 20261128000123}, which our mails ask people to write, is not.
 *   <li><b>Quote prefixes.</b> Lines starting with {@code >}, {@code ＞}, {@code |} or {@code
 *       Name>} are skipped; lines after such a quote are read again, so a reply written below the
 *       quote works.
 *   <li><b>Markers</b> from {@link QuoteMarkers} (a resource file, seventeen languages): an
 *       attribution line above a prefixed quote is skipped with it; an attribution line followed by
 *       unprefixed text, a separator ({@code -----Original Message-----}, an Outlook {@code ____}
 *       line) or a header block (two consecutive label lines in any order: {@code Von:}/{@code
 *       Gesendet:}, {@code Date:}/{@code Subject:}) ends the live text: it and everything below it
 *       are the quote.
 *   <li><b>Closings.</b> Reading stops at a line that is just a closing word of the markers file
 *       ({@code thanks}, {@code thank you}, {@code 谢谢}, {@code quit}; NFKC, any case, trailing
 *       punctuation ignored) or at a signature line {@code --}.
 * </ol>
 *
 * <p>What only looks like a marker (an attribution-like line with neither a date nor an address, a
 * single header label line, a line of {@code ====}) ends nothing, but the live lines from there on
 * are {@link Reading#doubtful()}: the pipeline asks before running a state-changing command read
 * there. Blank lines are kept (a multi-line field ends at one); trailing whitespace is removed, and
 * blank lines at the very start and end are dropped. Each line is examined a bounded number of
 * times, with no backtracking: the work is linear in the text. Immutable and thread-safe.
 */
public final class ReplyText {
  /** How many characters of our mail (spaces removed) must be found to prove the quote. */
  private static final int OWN_WORDS_PROOF = 30;
  /** How many lines a copy of our mail's opening may be spread over (wrapping, blank lines). */
  private static final int OWN_WORDS_LINES = 16;
  /** How many lines not of our mail may stand inside its opening (an answer written inline). */
  private static final int OWN_WORDS_FOREIGN = 3;

  private final QuoteMarkers markers;

  public ReplyText() {
    this(QuoteMarkers.standard());
  }

  public ReplyText(QuoteMarkers markers) {
    this.markers = markers;
  }

  /**
   * What was read from a mail body.
   *
   * @param live the live lines
   * @param doubtful the index in {@code live} from which the lines follow something that looks like
   *     a quote marker but is not proven to be one; {@code live.size()} when none
   * @param doubtLine that marker line as written, or null
   * @param repeated the live lines (stripped) that repeat a line of the answered mail
   * @param ownWords true when the quote was found by comparing with the answered mail
   */
  public record Reading(List<String> live, int doubtful, String doubtLine, Set<String> repeated, boolean ownWords) {
    public Reading {
      live = List.copyOf(live);
      repeated = Set.copyOf(repeated);
    }

    /** True when this live line (as written) comes after a doubtful marker. */
    public boolean isDoubtful(String line) {
      String s = line.strip();
      for (int i = doubtful; i < live.size(); i++) {
        if (live.get(i).strip().equals(s)) {
          boolean earlier = false;
          for (int j = 0; j < doubtful; j++) {
            earlier |= live.get(j).strip().equals(s);
          }
          return !earlier;
        }
      }
      return false;
    }

    public boolean isRepeated(String line) {
      return repeated.contains(line.strip());
    }
  }

  /** The live lines of {@code text}, knowing nothing of the mail it answers. */
  public List<String> liveLines(String text) {
    return read(text, null).live();
  }

  /**
   * Reads {@code text}, a reply to a mail of ours whose text is {@code answered} (null when the mail
   * answers none of ours).
   */
  public Reading read(String text, String answered) {
    String[] lines = TextCharsets.normalise(text == null ? "" : text).split("\n", -1);
    int end = lines.length;
    boolean own = false;
    if (answered != null) {
      int at = ownWordsStart(lines, answered);
      if (at >= 0) {
        end = at;
        own = true;
      }
    }
    List<String> out = new ArrayList<>();
    int doubtful = -1;
    String doubtLine = null;
    for (int i = 0; i < end; i++) {
      String line = lines[i].stripTrailing();
      if (prefixed(line)) {
        continue;
      }
      String key = QuoteMarkers.key(line);
      if (stops(key)) {
        break;
      }
      if (QuoteMarkers.rule(key) && i + 1 < end && markers.label(QuoteMarkers.key(unprefixed(lines[i + 1]))) != null
          && i + 2 < end && markers.label(QuoteMarkers.key(unprefixed(lines[i + 2]))) != null) {
        break;
      }
      String label = markers.label(key);
      if (label != null && i + 1 < end) {
        String next = markers.label(QuoteMarkers.key(unprefixed(lines[i + 1])));
        if (next != null && !next.equals(label)) {
          break;
        }
      }
      int attribution = attribution(lines, i, end);
      if (attribution > 0) {
        int after = nextNonBlank(lines, i + attribution, end);
        if (after < end && prefixed(lines[after])) {
          i += attribution - 1;
          continue;
        }
        if (after >= end || strength(lines, i, attribution) == QuoteMarkers.Strength.PROVEN) {
          break;
        }
      }
      if (doubtful < 0 && !key.isEmpty() && (attribution > 0 || label != null || QuoteMarkers.rule(key))) {
        doubtful = out.size() + 1;
        doubtLine = line.strip();
      }
      out.add(line);
    }
    if (own) {
      while (!out.isEmpty() && (out.get(out.size() - 1).isBlank() || marker(out.get(out.size() - 1)))) {
        out.remove(out.size() - 1);
      }
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    int leading = 0;
    while (leading < out.size() && out.get(leading).isEmpty()) {
      leading++;
    }
    List<String> live = new ArrayList<>(out.subList(leading, out.size()));
    int doubt = doubtful < 0 ? live.size() : Math.min(live.size(), Math.max(0, doubtful - leading));
    return new Reading(live, doubt, doubt < live.size() ? doubtLine : null, repeated(live, answered), own);
  }

  /**
   * The plain text with {@code "> "} put before every line from the one where {@code quoted} (the
   * original as the HTML alternative's structure shows it) begins: the structure of the HTML part
   * marks the quote that the plain part left unmarked. The text as it is when {@code quoted} is null
   * or not found.
   */
  static String markQuote(String plain, String quoted) {
    if (quoted == null) {
      return plain;
    }
    String[] lines = TextCharsets.normalise(plain).split("\n", -1);
    int at = ownWordsStart(lines, quoted);
    if (at < 0) {
      return plain;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        sb.append('\n');
      }
      sb.append(i >= at && !lines[i].isBlank() && !prefixed(lines[i]) ? "> " + lines[i] : lines[i]);
    }
    return sb.toString();
  }

  /** A line quoted with a prefix: {@code >}, {@code ＞}, {@code |}, {@code ｜} or {@code Name>} (a word and {@code >}). */
  static boolean prefixed(String line) {
    return prefixLength(line) > 0;
  }

  private static int prefixLength(String line) {
    return prefixEnd(line, 0);
  }

  /** Where the quote prefix starting at {@code from} ends (0 when there is none there). */
  private static int prefixEnd(String line, int from) {
    int i = from;
    int n = line.length();
    while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    if (i >= n) {
      return 0;
    }
    char c = line.charAt(i);
    if (c == '>' || c == '\uFF1E') {
      return i + 1;
    }
    if (c == '|' || c == '\uFF5C') {
      return i + 1 < n && line.charAt(i + 1) != ' ' && line.charAt(i + 1) != '\t' ? 0 : i + 1;
    }
    int start = i;
    while (i < n && i - start <= 20 && (Character.isLetterOrDigit(line.charAt(i)) || line.charAt(i) == '.'
        || line.charAt(i) == '_' || line.charAt(i) == '-')) {
      i++;
    }
    if (i > start && i < n && i - start <= 20 && Character.isLetter(line.charAt(start)) && line.charAt(i) == '>'
        && (i + 1 == n || line.charAt(i + 1) == ' ' || line.charAt(i + 1) == '>')) {
      return i + 1;
    }
    return 0;
  }

  /** The line without its quote prefixes ({@code > > Name> }) and the space after them. */
  static String unprefixed(String line) {
    int at = 0;
    while (true) {
      int p = prefixEnd(line, at);
      if (p == 0) {
        return at == 0 ? line : line.substring(at);
      }
      at = p < line.length() && line.charAt(p) == ' ' ? p + 1 : p;
    }
  }

  private boolean stops(String key) {
    if (key.equals("--")) {
      return true;
    }
    if (key.length() <= 20 && markers.closing(withoutTrailingPunctuation(key))) {
      return true;
    }
    if (key.length() >= 10 && key.chars().allMatch(c -> c == '_')) {
      return true;
    }
    return markers.separator(key);
  }

  private static String withoutTrailingPunctuation(String key) {
    int b = key.length();
    while (b > 0 && " !.,;~\u3002\u3001\u2026".indexOf(key.charAt(b - 1)) >= 0) {
      b--;
    }
    return key.substring(0, b);
  }

  /**
   * How many lines (1 or 2) starting at {@code i} form an attribution line (wrapped over two lines as
   * Gmail does); 0 when they do not.
   */
  private int attribution(String[] lines, int i, int end) {
    String first = QuoteMarkers.key(lines[i]);
    if (first.isEmpty() || first.length() > QuoteMarkers.MAX_MARKER_LENGTH) {
      return 0;
    }
    if (markers.attribution(first) != QuoteMarkers.Strength.NONE) {
      return 1;
    }
    if (i + 1 < end && !prefixed(lines[i + 1])) {
      String second = QuoteMarkers.key(lines[i + 1]);
      if (!second.isEmpty() && second.length() <= QuoteMarkers.MAX_MARKER_LENGTH
          && markers.attribution(second) == QuoteMarkers.Strength.NONE
          && markers.attribution(first + " " + second) == QuoteMarkers.Strength.PROVEN) {
        return startsLikeAttribution(first) ? 2 : 0;
      }
    }
    return 0;
  }

  /** A wrapped attribution's first half starts with its pattern's first word ({@code on}, {@code 在}…). */
  private boolean startsLikeAttribution(String first) {
    return markers.opensAttribution(first);
  }

  private QuoteMarkers.Strength strength(String[] lines, int i, int length) {
    String k = QuoteMarkers.key(lines[i]);
    if (length == 2) {
      k = k + " " + QuoteMarkers.key(lines[i + 1]);
    }
    return markers.attribution(k);
  }

  private static int nextNonBlank(String[] lines, int from, int end) {
    int j = from;
    while (j < end && lines[j].isBlank()) {
      j++;
    }
    return j;
  }

  /** A line that introduces a quote, proven or not (to drop above our own words). */
  private boolean marker(String line) {
    String key = QuoteMarkers.key(line);
    return markers.attribution(key) != QuoteMarkers.Strength.NONE || markers.label(key) != null
        || markers.separator(key) || QuoteMarkers.rule(key) || key.endsWith(":") && key.length() < QuoteMarkers.MAX_MARKER_LENGTH
        && (key.indexOf('@') >= 0 || hasDigit(key));
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first line of {@code lines} at which the text of {@code answered} begins, compared without
   * spaces and quote prefixes, in NFKC lower case; -1 when it is not there. From a line that starts
   * our text, the following lines must go on with it (however re-wrapped) until {@link
   * #OWN_WORDS_PROOF} characters are found; up to {@link #OWN_WORDS_FOREIGN} lines that are not
   * ours may stand between (an answer written inside the quote). Each start is followed over at
   * most {@link #OWN_WORDS_LINES} lines: the work is linear.
   */
  static int ownWordsStart(String[] lines, String answered) {
    String ours = compact(answered, OWN_WORDS_PROOF);
    if (ours.length() < 8) {
      return -1;
    }
    for (int i = 0; i < lines.length; i++) {
      String head = compact(unprefixed(lines[i]), ours.length());
      if (head.isEmpty() || !ours.startsWith(head)) {
        continue;
      }
      int pos = head.length();
      int foreign = 0;
      for (int j = i + 1; j < lines.length && j <= i + OWN_WORDS_LINES && pos < ours.length(); j++) {
        String c = compact(unprefixed(lines[j]), ours.length() - pos);
        if (c.isEmpty()) {
          continue;
        }
        if (ours.startsWith(c, pos)) {
          pos += c.length();
        } else if (++foreign > OWN_WORDS_FOREIGN) {
          break;
        }
      }
      if (pos >= ours.length()) {
        return i;
      }
    }
    return -1;
  }

  /** Up to {@code max} characters of {@code text}: quote prefixes and every space removed, NFKC, lower case. */
  private static String compact(String text, int max) {
    StringBuilder sb = new StringBuilder();
    for (String line : TextCharsets.normalise(text).split("\n")) {
      String k = QuoteMarkers.key(unprefixed(line.length() > 2000 ? line.substring(0, 2000) : line));
      for (int i = 0; i < k.length() && sb.length() < max; i++) {
        if (k.charAt(i) != ' ') {
          sb.append(k.charAt(i));
        }
      }
      if (sb.length() >= max) {
        break;
      }
    }
    return sb.toString();
  }

  private static Set<String> repeated(List<String> live, String answered) {
    if (answered == null) {
      return Set.of();
    }
    Set<String> ours = new HashSet<>();
    for (String line : TextCharsets.normalise(answered).split("\n")) {
      String k = QuoteMarkers.key(unprefixed(line));
      if (k.length() >= 2) {
        ours.add(k);
      }
    }
    boolean[] mine = new boolean[live.size()];
    for (int i = 0; i < live.size(); i++) {
      mine[i] = !live.get(i).isBlank() && ours.contains(QuoteMarkers.key(unprefixed(live.get(i))));
    }
    Set<String> out = new HashSet<>();
    for (int i = 0; i < live.size(); i++) {
      if (mine[i] && (neighbourIsOurs(live, mine, i, -1) || neighbourIsOurs(live, mine, i, 1))) {
        out.add(live.get(i).strip());
      }
    }
    return out;
  }

  /** Is the nearest non-blank live line before ({@code step} -1) or after (+1) line {@code i} ours too. */
  private static boolean neighbourIsOurs(List<String> live, boolean[] mine, int i, int step) {
    for (int j = i + step; j >= 0 && j < live.size(); j += step) {
      if (!live.get(j).isBlank()) {
        return mine[j];
      }
    }
    return false;
  }
}
