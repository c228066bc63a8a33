package io.marketdesk.command;

import io.marketdesk.text.HanCharacters;
import io.marketdesk.text.Language;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the commands of one mail from its subject and its live body lines (docs/commands.md). The lines come
 * in with quotes and signatures already removed; this class only finds commands, their arguments,
 * fields and free text. What a command means, and whether the sender may use it, is for the
 * handlers.
 *
 * <h2>Grammar</h2>
 *
 * Matching is done on the NFKC form of each line ({@code （）：，} read as {@code ():,}, full-width
 * letters and digits as ASCII, the ideographic space as a space) and ignores case; what a command
 * quotes back ({@link ParsedCommand#line()}) is the line as written.
 *
 * <pre>
 * mail         = { line }                       ; the body; the subject when the body holds no command
 * command-line = [ws] [marker ws] keyword args
 *              | line in which a sentence recogniser finds a command
 * marker       = digit [digit] ("." | ")" | "、") | "(" digit [digit] ")" | "-" | "*" | "•" | "·" | "–"
 * keyword      = a Chinese keyword                   ; no boundary needed: 确认完成20261128000123
 *              | an English keyword word-boundary    ; words separated by any run of spaces;
 *                                                    ; the next character is not a letter or digit
 * args         = rest of the line, trimmed, one leading ":" or "," dropped, NFKC
 * </pre>
 *
 * <ul>
 *   <li><b>Longest keyword wins</b>: {@code 修改账户信息} is not {@code 账户信息}, {@code account
 *       update} is not {@code account}. English keywords end at a word boundary: {@code products}
 *       never matches {@code product new}, and {@code orders} is not {@code order}.
 *   <li><b>Body</b>, by the command's {@link CommandSpec.Body}:
 *       <ul>
 *         <li>{@code NONE}: nothing under the line belongs to it; the next line may be a command.
 *         <li>{@code FIELDS}: the {@code key: value} lines right under it ({@code :} or {@code ：};
 *             key 1 to 20 characters; blank lines between them allowed) are its fields, key NFKC,
 *             trimmed and lower-cased, value trimmed as written; a repeated key keeps the last
 *             value. A {@code 详情}/{@code description} field continues over every following
 *             non-blank line (whatever it says, even a keyword) up to a blank line, joined with
 *             {@code \n}. The block ends at the first line that is neither a field nor a
 *             continuation. A line that starts with a keyword is a command, not a field ({@code
 *             订单详情 20261128000123 备注: 急}), unless the whole key is exactly a keyword: under
 *             {@code product new}, {@code price: 880} is the price field. A line a sentence
 *             recogniser accepts is not a field either.
 *         <li>{@code FREE_TEXT}: {@code args} is the rest of its line and {@code text} every line
 *             below it, as written, trimmed as a block. No command is read after it.
 *       </ul>
 *   <li><b>Sentences</b>: a line that does not start with a keyword is offered to each spec's
 *       {@link CommandSpec.SentenceRecognizer} in spec order (NFKC form); the first answer is the
 *       command's {@code args} and the normalised line its {@code keyword}. The body rules of that
 *       spec apply below it. A keyword line whose own spec's recogniser accepts the whole line
 *       takes the recogniser's args ({@code 改价：云帆科技服务商（…），申请将订单…}).
 *   <li><b>Subject</b>: {@code Re:}, {@code RE：}, {@code Fw:}, {@code Fwd:}, {@code 回复:},
 *       {@code 回覆:}, {@code 答复:}, {@code 转发:} (any case, either colon width, spaces allowed)
 *       are stripped from its start repeatedly, and every {@code [MD#token]} tag wherever it is.
 *       What remains is read as one command line, with {@link ParsedCommand#fromSubject()} set,
 *       only when the body holds no command. Its body is the whole mail body: a {@code FIELDS}
 *       command takes every field line of the body (other lines are skipped), a {@code FREE_TEXT}
 *       command the whole body as its text.
 *   <li><b>Language</b>: Chinese if any command used a Chinese keyword (or a sentence in a line
 *       holding Chinese characters); with no command, Chinese when the subject or the body holds
 *       Chinese characters; otherwise English.
 *   <li><b>Unrecognised</b>: with no command, the first non-blank body line (or, with an empty
 *       body, the stripped subject), cut to 80 characters; otherwise null.
 *   <li><b>Limit</b>: past {@code maxCommands} commands, only the first {@code maxCommands} are
 *       kept and {@link ParsedCommands#overLimit()} is set.
 * </ul>
 *
 * <h2>Examples</h2>
 *
 * <pre>
 * 帮助 改价                        help, args "改价"
 * 1. 订单详情：20261128000123      order, args "20261128000123"
 * 确认完成20261128000123           confirm, args "20261128000123"
 * ACCOUNT   Update                account update (English, any case, any spaces)
 * products listed                 products, args "listed"   (not "product new")
 * 新建商品                          product new, with fields
 * 名称：云上运维托管                  name → "云上运维托管"
 * price: 880                      price → "880"
 * 详情：7×24 小时值守                 description → "7×24 小时值守\n含月度巡检报告"
 * 含月度巡检报告
 *
 * 拒绝 资质不全                      reject, args "资质不全", text = the lines below
 * 云帆科技服务商（腾讯云账号 ID : 100012345678），申请将订单20261128000123价格修改为折扣价880.00
 *                                 price, by its sentence recogniser
 * Subject: Re: [MD#k3j9] 同意       approve (from the subject, when the body holds no command)
 * </pre>
 *
 * <p>The same grammar, with more examples, is in {@code docs/commands.md}.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class CommandParser {

  private static final int MAX_KEY_LENGTH = 20;
  private static final int UNRECOGNIZED_LENGTH = 80;
  private static final GrammarWords WORDS = GrammarWords.load("commands");
  private static final Set<String> DESCRIPTION_KEYS = Set.copyOf(WORDS.list("description"));
  private static final List<String> SUBJECT_PREFIXES = WORDS.list("subject-prefix");
  /** Colons as written: ASCII, full-width, small and vertical. */
  private static final String COLONS = ":\uff1a\ufe55\ufe13";
  /** What may follow a list number: {@code 1.} {@code 1)} {@code 1、}. */
  private static final String NUMBER_ENDS = ".)\u3001";
  /** Bullets that may start a line. */
  private static final String BULLETS = "-*\u2022\u00b7\u2013";
  /** Punctuation after an argument that is not part of it ({@code 确认完成：NO！}), after NFKC. */
  private static final String TRAILING_PUNCTUATION = "!?.,\u3002\u3001\uff01\uff1f\uff0c\uff0e";
  /** How far a typo may be from a keyword, by the keyword's length, for "did you mean". */
  private static final int MAX_SUGGESTIONS = 3;

  private final List<CommandSpec> specs;
  private final List<Keyword> keywords;
  private final int maxCommands;

  /**
   * @param specs the commands to recognise; no keyword may belong to two of them
   * @param maxCommands how many commands one mail may carry (at least 1)
   * @throws IllegalArgumentException when a keyword is blank or used twice, or maxCommands < 1
   */
  public CommandParser(List<CommandSpec> specs, int maxCommands) {
    if (maxCommands < 1) {
      throw new IllegalArgumentException("maxCommands must be at least 1: " + maxCommands);
    }
    this.specs = List.copyOf(specs);
    this.maxCommands = maxCommands;
    List<Keyword> all = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (CommandSpec spec : this.specs) {
      for (String k : spec.zh()) {
        all.add(Keyword.of(spec, k, spec.languageOf(k, Language.ZH), false));
      }
      for (String k : spec.en()) {
        all.add(Keyword.of(spec, k, spec.languageOf(k, Language.EN), true));
      }
    }
    for (Keyword k : all) {
      String key = String.join(" ", k.words()).toLowerCase(Locale.ROOT);
      String before = seen.put(key, k.spec().name());
      if (before != null) {
        throw new IllegalArgumentException(
            "keyword '" + k.text() + "' is used by " + before + " and " + k.spec().name());
      }
    }
    all.sort(Comparator.comparingInt((Keyword k) -> -k.text().length()));
    this.keywords = List.copyOf(all);
  }

  /**
   * Reads the commands of one mail.
   *
   * @param subject the mail's subject as decoded, or null
   * @param liveLines the body lines that may carry commands (quotes and signatures removed, blank
   *     lines kept), or null
   * @return the commands, the reply language, the unrecognised line and the over-limit flag
   */
  public ParsedCommands parse(String subject, List<String> liveLines) {
    List<String> lines = new ArrayList<>();
    if (liveLines != null) {
      for (String l : liveLines) {
        lines.add(l == null ? "" : l);
      }
    }
    List<ParsedCommand> found = new ArrayList<>();
    int i = 0;
    while (i < lines.size() && found.size() <= maxCommands) {
      String raw = lines.get(i);
      Optional<Head> head = head(nfkc(raw));
      i++;
      if (head.isEmpty()) {
        continue;
      }
      Head h = head.get();
      switch (h.spec().body()) {
        case FIELDS:
          FieldBlock block = readFields(lines, i, false);
          found.add(h.toCommand(block.fields(), "", raw, false));
          i = block.next();
          break;
        case FREE_TEXT:
          int end = nextCommandLine(lines, i);
          found.add(h.toCommand(Map.of(), joinBlock(lines, i, end), raw, false));
          i = end;
          break;
        default:
          found.add(h.toCommand(Map.of(), "", raw, false));
          break;
      }
    }
    String strippedSubject = stripSubject(subject);
    if (found.isEmpty() && !strippedSubject.isEmpty()) {
      head(nfkc(strippedSubject))
          .ifPresent(
              h -> {
                Map<String, String> fields =
                    h.spec().body() == CommandSpec.Body.FIELDS
                        ? readFields(lines, 0, true).fields()
                        : Map.of();
                String text =
                    h.spec().body() == CommandSpec.Body.FREE_TEXT
                        ? joinBlock(lines, 0, lines.size())
                        : "";
                found.add(h.toCommand(fields, text, strippedSubject, true));
              });
    }
    boolean overLimit = found.size() > maxCommands;
    List<ParsedCommand> kept = overLimit ? found.subList(0, maxCommands) : found;
    String unrecognized = kept.isEmpty() ? unrecognized(strippedSubject, lines) : null;
    return new ParsedCommands(
        kept,
        language(kept, strippedSubject, lines),
        unrecognized,
        overLimit,
        unrecognized == null ? List.of() : nearest(unrecognized));
  }

  /**
   * The commands whose keyword is within a typo of the start of {@code line}: one edit (an
   * insertion, deletion, substitution or swap of two neighbours) for a keyword of 3 to 7
   * characters, two for a longer one. Keywords of one or two characters are never guessed at.
   */
  private List<CommandSpec> nearest(String line) {
    String norm = nfkc(line).toLowerCase(Locale.ROOT);
    norm = norm.substring(markerEnd(norm));
    int[] text = norm.codePoints().limit(40).toArray();
    Map<CommandSpec, Integer> best = new LinkedHashMap<>();
    for (Keyword k : keywords) {
      int[] kw = k.text().toLowerCase(Locale.ROOT).codePoints().toArray();
      if (kw.length < 3) {
        continue;
      }
      int allowed = kw.length >= 8 ? 2 : 1;
      int d = Integer.MAX_VALUE;
      if (k.language() == Language.EN) {
        int words = k.words().size();
        int end = 0;
        int seen = 0;
        while (end < text.length && seen < words) {
          if (text[end] == ' ' && end > 0 && text[end - 1] != ' ') {
            seen++;
            if (seen == words) {
              break;
            }
          }
          end++;
        }
        d = distance(Arrays.copyOf(text, end), kw);
      } else {
        for (int len = kw.length - allowed; len <= kw.length + allowed; len++) {
          if (len > 0 && len <= text.length) {
            d = Math.min(d, distance(Arrays.copyOf(text, len), kw));
          }
        }
      }
      if (d <= allowed) {
        best.merge(k.spec(), d, Math::min);
      }
    }
    List<CommandSpec> out = new ArrayList<>(best.keySet());
    out.sort(Comparator.comparingInt(best::get));
    return out.size() > MAX_SUGGESTIONS ? out.subList(0, MAX_SUGGESTIONS) : out;
  }

  /** Optimal string alignment distance: Levenshtein plus swaps of two neighbours. */
  private static int distance(int[] a, int[] b) {
    int[][] d = new int[a.length + 1][b.length + 1];
    for (int i = 0; i <= a.length; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length; i++) {
      for (int j = 1; j <= b.length; j++) {
        int cost = a[i - 1] == b[j - 1] ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length][b.length];
  }

  /**
   * The first line at or after {@code from} that starts with a keyword followed by a space,
   * punctuation, a digit or the end of the line: the free text above it ends there, so that
   * {@code 审核 14 同意} and {@code 审核 15 同意} on the next line are two commands.
   */
  private int nextCommandLine(List<String> lines, int from) {
    for (int i = from; i < lines.size(); i++) {
      String norm = nfkc(lines.get(i));
      Optional<KeywordMatch> km = keywordAt(norm);
      if (km.isPresent()) {
        int end = km.get().end();
        if (end >= norm.length() || !Character.isLetter(norm.codePointAt(end))) {
          return i;
        }
      }
    }
    return lines.size();
  }

  /**
   * The subject without its reply/forward prefixes and {@code [MD#token]} tags, trimmed; "" for
   * null.
   */
  public static String stripSubject(String subject) {
    if (subject == null) {
      return "";
    }
    String s = withoutTags(subject);
    int pos = 0;
    while (true) {
      int p = pos;
      while (p < s.length() && isSpace(s.charAt(p))) {
        p++;
      }
      int word = -1;
      for (String w : SUBJECT_PREFIXES) {
        if (s.regionMatches(true, p, w, 0, w.length())) {
          word = w.length();
          break;
        }
      }
      if (word < 0) {
        break;
      }
      p += word;
      while (p < s.length() && isSpace(s.charAt(p))) {
        p++;
      }
      if (p >= s.length() || (s.charAt(p) != ':' && s.charAt(p) != '\uff1a')) {
        break;
      }
      pos = p + 1;
    }
    return s.substring(pos).replaceAll("\\s{2,}", " ").strip();
  }

  /** The subject with every {@code [MD#…]} tag (either bracket width) replaced by a space. */
  private static String withoutTags(String subject) {
    StringBuilder out = new StringBuilder(subject.length());
    int i = 0;
    while (i < subject.length()) {
      char c = subject.charAt(i);
      if (c == '[' || c == '\uff3b') {
        int p = i + 1;
        while (p < subject.length() && Character.isWhitespace(subject.charAt(p))) {
          p++;
        }
        if (subject.regionMatches(true, p, "MD#", 0, 3)) {
          int close = closingBracket(subject, p + 3);
          if (close < 0) {
            out.append(subject, i, subject.length());
            break;
          }
          out.append(' ');
          i = close + 1;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private static int closingBracket(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ']' || c == '\uff3d') {
        return i;
      }
    }
    return -1;
  }

  /**
   * The end of a list marker at the start of {@code norm} ({@code 1.}, {@code 1)}, {@code 1、},
   * {@code (1)}, a bullet), spaces around it included; 0 or the leading spaces' end when there is
   * none.
   */
  private static int markerEnd(String norm) {
    int i = 0;
    while (i < norm.length() && Character.isWhitespace(norm.charAt(i))) {
      i++;
    }
    int start = i;
    int after = -1;
    int digits = countDigits(norm, i);
    if (digits >= 1 && digits <= 2 && i + digits < norm.length()
        && NUMBER_ENDS.indexOf(norm.charAt(i + digits)) >= 0) {
      after = i + digits + 1;
    } else if (i < norm.length() && norm.charAt(i) == '(') {
      int d = countDigits(norm, i + 1);
      if (d >= 1 && d <= 2 && i + 1 + d < norm.length() && norm.charAt(i + 1 + d) == ')') {
        after = i + d + 2;
      }
    } else if (i < norm.length() && BULLETS.indexOf(norm.charAt(i)) >= 0) {
      after = i + 1;
    }
    if (after < 0) {
      return start;
    }
    while (after < norm.length() && Character.isWhitespace(norm.charAt(after))) {
      after++;
    }
    return after;
  }

  private static int countDigits(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i - from;
  }

  private Optional<Head> head(String norm) {
    Optional<KeywordMatch> km = keywordAt(norm);
    if (km.isPresent()) {
      Keyword k = km.get().keyword();
      CommandSpec.SentenceRecognizer sentence = k.spec().sentence();
      Optional<String> recognized =
          sentence == null ? Optional.empty() : sentence.recognize(norm);
      String args = recognized.orElseGet(() -> args(norm.substring(km.get().end())));
      return Optional.of(new Head(k.spec(), k.text(), k.language(), args));
    }
    for (CommandSpec spec : specs) {
      if (spec.sentence() == null) {
        continue;
      }
      Optional<String> args = spec.sentence().recognize(norm);
      if (args.isPresent()) {
        Language language = HanCharacters.in(norm) ? Language.ZH : Language.EN;
        return Optional.of(new Head(spec, norm.strip(), language, args.get().strip()));
      }
    }
    return Optional.empty();
  }

  private Optional<KeywordMatch> keywordAt(String norm) {
    int start = markerEnd(norm);
    for (Keyword k : keywords) {
      int end = k.matchAt(norm, start);
      if (end >= 0) {
        return Optional.of(new KeywordMatch(k, end));
      }
    }
    return Optional.empty();
  }

  private static String args(String rest) {
    String s = rest.strip();
    if (s.startsWith(":") || s.startsWith(",")) {
      s = s.substring(1).strip();
    }
    return withoutTrailingPunctuation(s);
  }

  /**
   * The arguments without the punctuation written after them, when what is left is one number or
   * name ({@code 确认完成：NO！}, {@code confirm NO?}); anything else, a reason or a comment above
   * all ({@code 验收不通过 NO 请尽快修复！}), keeps every character as written.
   */
  private static String withoutTrailingPunctuation(String s) {
    int end = s.length();
    while (end > 0 && (TRAILING_PUNCTUATION.indexOf(s.charAt(end - 1)) >= 0 || Character.isWhitespace(s.charAt(end - 1)))) {
      end--;
    }
    if (end == s.length() || end == 0) {
      return s;
    }
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      boolean word = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_'
          || (c >= '\uff10' && c <= '\uff19');
      if (!word) {
        return s;
      }
    }
    return s.substring(0, end);
  }

  private FieldBlock readFields(List<String> lines, int from, boolean skipOthers) {
    Map<String, String> fields = new LinkedHashMap<>();
    String continued = null;
    int i = from;
    for (; i < lines.size(); i++) {
      String raw = lines.get(i);
      if (continued != null) {
        if (raw.isBlank()) {
          continued = null;
        } else {
          String before = fields.get(continued);
          fields.put(continued, before.isEmpty() ? raw.strip() : before + "\n" + raw.strip());
        }
        continue;
      }
      if (raw.isBlank()) {
        continue;
      }
      Optional<Field> field = field(raw);
      if (field.isPresent()) {
        String key = field.get().key();
        fields.put(key, field.get().value());
        continued = DESCRIPTION_KEYS.contains(key) ? key : null;
      } else if (!skipOthers) {
        break;
      }
    }
    return new FieldBlock(fields, i);
  }

  private Optional<Field> field(String raw) {
    String norm = nfkc(raw);
    int colon = norm.indexOf(':');
    int rawColon = firstColon(raw);
    if (colon < 0 || rawColon < 0) {
      return Optional.empty();
    }
    int marker = markerEnd(norm);
    int keyStart = marker <= colon ? marker : 0;
    String key = norm.substring(keyStart, colon).strip().toLowerCase(Locale.ROOT);
    String value = raw.substring(rawColon + 1).strip();
    if (key.isEmpty()
        || key.codePointCount(0, key.length()) > MAX_KEY_LENGTH
        || value.startsWith("//")) {
      return Optional.empty();
    }
    Optional<KeywordMatch> km = keywordAt(norm);
    if (km.isPresent()
        && (km.get().end() > colon || !norm.substring(km.get().end(), colon).isBlank())) {
      return Optional.empty();
    }
    for (CommandSpec spec : specs) {
      if (spec.sentence() != null && spec.sentence().recognize(norm).isPresent()) {
        return Optional.empty();
      }
    }
    return Optional.of(new Field(key, value));
  }

  private static int firstColon(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (COLONS.indexOf(c) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static String joinBlock(List<String> lines, int from, int to) {
    return String.join("\n", lines.subList(Math.min(from, to), to)).strip();
  }

  private static Language language(
      List<ParsedCommand> commands, String subject, List<String> lines) {
    if (!commands.isEmpty()) {
      if (commands.stream().anyMatch(c -> c.language().chinese())) {
        return Language.ZH;
      }
      // a fourth language answers when every command is written in it (docs/languages.md)
      Language first = commands.get(0).language();
      return commands.stream().allMatch(c -> c.language().equals(first)) ? first : Language.EN;
    }
    if (HanCharacters.in(subject) || lines.stream().anyMatch(HanCharacters::in)) {
      return Language.ZH;
    }
    return Language.EN;
  }

  private static String unrecognized(String subject, List<String> lines) {
    String first =
        lines.stream().filter(l -> !l.isBlank()).findFirst().map(String::strip).orElse(subject);
    if (first.isEmpty()) {
      return null;
    }
    if (first.codePointCount(0, first.length()) <= UNRECOGNIZED_LENGTH) {
      return first;
    }
    return first.substring(0, first.offsetByCodePoints(0, UNRECOGNIZED_LENGTH));
  }


  private static String nfkc(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC);
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /** One keyword of one spec, NFKC-normalised and split into words. */
  /** A keyword, the language it is written in, and whether a word boundary must follow it. */
  private record Keyword(CommandSpec spec, String text, List<String> words, Language language, boolean boundary) {

    static Keyword of(CommandSpec spec, String keyword, Language language, boolean boundary) {
      String text = nfkc(keyword).strip().replaceAll("\\s+", " ");
      if (text.isEmpty()) {
        throw new IllegalArgumentException("blank keyword in " + spec.name());
      }
      return new Keyword(spec, text, List.of(text.split(" ")), language, boundary);
    }

    /** The index just past this keyword when {@code norm} has it at {@code start}, else -1. */
    int matchAt(String norm, int start) {
      int pos = start;
      for (int w = 0; w < words.size(); w++) {
        if (w > 0) {
          int spaces = pos;
          while (pos < norm.length() && isSpace(norm.charAt(pos))) {
            pos++;
          }
          if (pos == spaces) {
            return -1;
          }
        }
        String word = words.get(w);
        if (!norm.regionMatches(true, pos, word, 0, word.length())) {
          return -1;
        }
        pos += word.length();
      }
      if (boundary && pos < norm.length()) {
        int next = norm.codePointAt(pos);
        if (Character.isLetterOrDigit(next)
            && !HanCharacters.is(next)) {
          return -1;
        }
      }
      return pos;
    }
  }

  private record KeywordMatch(Keyword keyword, int end) {}

  /** A command line's spec, keyword, language and args, before its body is read. */
  private record Head(CommandSpec spec, String keyword, Language language, String args) {
    ParsedCommand toCommand(
        Map<String, String> fields, String text, String line, boolean fromSubject) {
      return new ParsedCommand(spec, keyword, language, args, fields, text, line, fromSubject);
    }
  }

  private record Field(String key, String value) {}

  private record FieldBlock(Map<String, String> fields, int next) {}
}
