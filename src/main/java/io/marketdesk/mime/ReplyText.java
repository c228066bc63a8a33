package io.marketdesk.mime;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Picks the lines of a mail body that may carry commands (SPEC §2): what the sender wrote, not what
 * they quoted.
 *
 * <ul>
 *   <li>{@code >} quoted lines are skipped, together with the attribution line right above them
 *       ({@code On … wrote:}, also wrapped over two lines as Gmail does, {@code 在 … 写道：}, {@code
 *       X <x@y> 于2026年11月28日周六 10:00写道：}, {@code Le … a écrit :}). Lines after a quote are read
 *       again, so a reply written below the quote works.
 *   <li>Reading stops at a line that is just {@code thanks}, {@code thank you}, {@code 谢谢} or {@code
 *       quit} (NFKC, any case, trailing punctuation ignored); a signature line {@code --}; a line
 *       that opens the whole original below it: {@code -----Original Message-----}, {@code
 *       ------------------ 原始邮件 ------------------}, {@code ---- Replied Message ----}, {@code
 *       Begin forwarded message:}, an Outlook {@code ____} separator; or an Outlook/Foxmail/QQ Mail
 *       header block: {@code From:}/{@code 发件人:} followed within five lines by {@code
 *       Sent:}/{@code Date:}/{@code 发送时间:}/{@code 日期:} and {@code Subject:}/{@code 主题:} lines
 *       (bold {@code *From:*} markers allowed).
 *   <li>Blank lines are kept (a multi-line field ends at one); trailing whitespace is removed, and
 *       blank lines at the very start and end are dropped.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class ReplyText {
  private static final Set<String> STOP_WORDS = Set.of("thanks", "thank you", "谢谢", "謝謝", "quit");
  private static final Pattern TRAILING_PUNCT = Pattern.compile("[\\s!.,;~。，！、…]+$");
  private static final Pattern SEPARATOR =
      Pattern.compile(
          "^-{2,}\\s*(original message|original|原始邮件|邮件原件|replied message|回复的原邮件|"
              + "forwarded message|转发邮件|原邮件|转发的邮件)\\s*-{2,}$");
  private static final Pattern UNDERSCORES = Pattern.compile("^_{10,}$");
  private static final Pattern FORWARD = Pattern.compile("^begin forwarded message\\s*:?$");
  private static final Pattern FROM = Pattern.compile("^\\*?\\s*(from|发件人)\\s*\\*?\\s*:.*");
  private static final Pattern SENT =
      Pattern.compile("^\\*?\\s*(sent|date|发送时间|日期|时间)\\s*\\*?\\s*:.*");
  private static final Pattern SUBJECT = Pattern.compile("^\\*?\\s*(subject|主题)\\s*\\*?\\s*:.*");
  private static final Pattern ATTRIBUTION_END =
      Pattern.compile(
          ".*(wrote|writes|a écrit|schrieb|escribió|scrisse|написал|写道|寫道)\\s*[:：]?\\s*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ATTRIBUTION_START =
      Pattern.compile("^(on|在|le|am|el|il)\\b.*|^在.*", Pattern.CASE_INSENSITIVE);

  /** The live lines of {@code text} (already normalised to {@code \n} line ends or not). */
  public List<String> liveLines(String text) {
    String[] lines = TextCharsets.normalise(text == null ? "" : text).split("\n", -1);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].stripTrailing();
      if (isQuoted(line)) {
        continue;
      }
      String key = key(line);
      if (stops(key, lines, i)) {
        break;
      }
      int attribution = attributionLength(lines, i);
      if (attribution > 0) {
        i += attribution - 1;
        continue;
      }
      out.add(line);
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    while (!out.isEmpty() && out.get(0).isEmpty()) {
      out.remove(0);
    }
    return out;
  }

  private static boolean isQuoted(String line) {
    String t = line.stripLeading();
    return t.startsWith(">") || t.startsWith("＞");
  }

  /** Trimmed, NFKC, lower case, HTML {@code &nbsp;} as a space. */
  private static String key(String line) {
    String t = line.replace("&nbsp;", " ").replace('\u00A0', ' ');
    t = Normalizer.normalize(t, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT);
    return t.replaceAll("\\s+", " ");
  }

  private static boolean stops(String key, String[] lines, int i) {
    if (key.equals("--")) {
      return true;
    }
    if (STOP_WORDS.contains(TRAILING_PUNCT.matcher(key).replaceAll(""))) {
      return true;
    }
    if (SEPARATOR.matcher(key).matches()
        || UNDERSCORES.matcher(key).matches()
        || FORWARD.matcher(key).matches()) {
      return true;
    }
    return FROM.matcher(key).matches() && headerBlockFollows(lines, i);
  }

  private static boolean headerBlockFollows(String[] lines, int from) {
    boolean sent = false;
    boolean subject = false;
    for (int j = from + 1; j < lines.length && j <= from + 5; j++) {
      String k = key(lines[j]);
      sent |= SENT.matcher(k).matches();
      subject |= SUBJECT.matcher(k).matches();
    }
    return sent && subject;
  }

  /**
   * How many lines (1 or 2) starting at {@code i} form an attribution line followed, after blank
   * lines, by a quote; 0 when they do not.
   */
  private static int attributionLength(String[] lines, int i) {
    String first = key(lines[i]);
    if (first.isEmpty()) {
      return 0;
    }
    int length;
    if (ATTRIBUTION_END.matcher(first).matches()) {
      length = 1;
    } else if (ATTRIBUTION_START.matcher(first).matches()
        && i + 1 < lines.length
        && !isQuoted(lines[i + 1])
        && ATTRIBUTION_END.matcher(key(lines[i + 1])).matches()) {
      length = 2;
    } else {
      return 0;
    }
    for (int j = i + length; j < lines.length; j++) {
      if (lines[j].isBlank()) {
        continue;
      }
      return isQuoted(lines[j]) ? length : 0;
    }
    return 0;
  }
}
