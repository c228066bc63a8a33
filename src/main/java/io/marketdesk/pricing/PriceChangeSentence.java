package io.marketdesk.pricing;

import io.marketdesk.command.CommandSpec;
import io.marketdesk.command.GrammarWords;
import io.marketdesk.money.Money;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Recognises an order price-change request (docs/pricing.md) in either of its two written forms.
 *
 * <p><b>The console guide's sentence</b>, as a provider writes it to the operations mailbox, anywhere in a
 * line (a greeting before it and {@code 谢谢} after it are fine):
 *
 * <pre>
 * 云帆科技服务商（腾讯云账号 ID : 100012345678），申请将订单20261128000123价格修改为折扣价880.00
 * </pre>
 *
 * <p>The text is NFKC-normalised first, so full-width brackets, colons, commas, digits and {@code ￥}
 * read as their ASCII forms. Then, spaces being allowed (or not) between every part:
 *
 * <pre>
 * sentence = [NAME] ["服务商"] ["(" | ","] ["腾讯云"] ("账号" | "账户" | "帐号" | "帐户") "ID" [":"] ACCOUNT_ID [")"]
 *            [","] ["申请"] ["将"] "订单" ["号" | "编号"] [":"] ORDER_NO ["的"] ["价格" | "金额"] ["由" OLD]
 *            ("修改为" | "改为" | "调整为" | "变更为") ["折扣价" | "价格" | "优惠价"] [":"] AMOUNT
 * OLD      = the old price, any text up to 30 characters without ";", "。" or a "," not followed by a digit
 * NAME     = the provider's name: the word just before, up to a space or punctuation
 * ORDER_NO = digits only, followed by neither a letter nor a digit
 * AMOUNT   = an amount as {@link Money#parseMinor} reads it (¥ ￥ 元 RMB CNY, 1,280.50, two decimals)
 * </pre>
 *
 * ({@code ID} in any case.) The amount must not run on into more digits, a point, a comma group or a
 * letter: {@code 880.001}, {@code -880}, {@code 1e9} and {@code 八百} are not valid amounts. A line
 * that is the sentence in every other part, with an amount that is not valid, is still recognised
 * (its args carry the amount as written, up to the next space or punctuation), so that the handler
 * answers it rather than the line being skipped; {@link #parse} returns only valid requests.
 *
 * <p>The words of the sentence live in {@code grammar/price-sentence.properties}. The line is read
 * by a hand-written scanner in time linear in its length (no regular expression: a backtracking
 * engine took seconds on a 9 KB line of numbers and overflowed its stack on {@code ok ok ok …}).
 *
 * <p><b>The short form</b>, a whole line: {@code price ORDER_NO AMOUNT}, for example {@code price
 * 20261128000123 ¥1,280.00}.
 *
 * <p><b>Args.</b> The command parser hands a handler only a {@code ParsedCommand}, whose {@code
 * args} is a string. {@link #RECOGNIZER} therefore writes a recognised sentence in the short form's
 * argument layout, extended:
 *
 * <pre>
 * args = ORDER_NO " " AMOUNT [" account=" ACCOUNT_ID] [" name=" NAME]
 * e.g.   20261128000123 880.00 account=100012345678 name=云帆科技
 * </pre>
 *
 * and {@link Request#fromArgs} reads it back, so a handler gets the same {@link Request} from the
 * args of {@code price 20261128000123 880} (no account, no name) and of the long sentence.
 *
 * <p>Stateless and thread-safe.
 */
public final class PriceChangeSentence {

  private static final GrammarWords WORDS = GrammarWords.load("price-sentence");
  private static final List<String> PROVIDER = WORDS.list("provider");
  private static final List<String> CLOUD = WORDS.list("cloud");
  private static final List<String> ACCOUNT = WORDS.list("account");
  private static final List<String> ID = WORDS.list("id");
  private static final List<String> APPLY = WORDS.list("apply");
  private static final List<String> WILL = WORDS.list("will");
  private static final List<String> ORDER = WORDS.list("order");
  private static final List<String> ORDER_SUFFIX = WORDS.list("order-suffix");
  private static final List<String> OF = WORDS.list("of");
  private static final List<String> PRICE = WORDS.list("price");
  private static final List<String> FROM = WORDS.list("from");
  private static final List<String> VERB = WORDS.list("verb");
  private static final List<String> LABEL = WORDS.list("label");
  private static final List<String> OLD_STOP = WORDS.list("old-stop");
  private static final List<String> CURRENCY_BEFORE = WORDS.list("currency-before");
  private static final List<String> CURRENCY_AFTER = WORDS.list("currency-after");
  private static final List<String> SHORT = WORDS.list("short");

  private static final int MAX_OLD = 30;
  private static final int MAX_AMOUNT_TEXT = 40;
  /** Characters that end a provider name and an amount as written. */
  private static final String NAME_STOPS = ",.;:!?()[]\u3002\u3001\u201c\u201d\"'";

  /**
   * The command parser's recogniser for the long sentence: the request in the {@linkplain
   * PriceChangeSentence args layout} described above, also when its amount is not valid (the
   * handler then refuses it with the reason). The short form is not recognised here: it starts with
   * the {@code price} keyword, so the parser reads it as a keyword line.
   */
  public static final CommandSpec.SentenceRecognizer RECOGNIZER =
      line -> line == null ? Optional.empty() : scanSentence(normalize(line)).map(Request::toArgs);

  private PriceChangeSentence() {}

  /**
   * Reads a price-change request from one line: the console guide's sentence anywhere in it, or the short
   * form as the whole line.
   *
   * @param line a line as written (it is NFKC-normalised here), or null
   * @return the request, or empty when the line is neither form or its amount is not valid
   */
  public static Optional<Request> parse(String line) {
    if (line == null) {
      return Optional.empty();
    }
    String s = normalize(line);
    Optional<Request> shortForm = scanShort(s);
    if (shortForm.isPresent()) {
      return shortForm;
    }
    return scanSentence(s).filter(Request::hasValidAmount);
  }

  private static Optional<Request> scanShort(String s) {
    Scanner sc = new Scanner(s, 0);
    sc.skipSpaces();
    if (!sc.take(SHORT)) {
      return Optional.empty();
    }
    sc.skipSpaces();
    if (!sc.takeChar(':')) {
      sc.takeChar(',');
    }
    sc.skipSpaces();
    String order = sc.digits(6, 32);
    if (order == null || !sc.atSpace()) {
      return Optional.empty();
    }
    sc.skipSpaces();
    int amountEnd = strictAmountEnd(s, sc.pos);
    if (amountEnd < 0 || !s.substring(amountEnd).isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new Request(null, null, order, s.substring(sc.pos, amountEnd).strip()))
        .filter(Request::hasValidAmount);
  }

  /** The sentence at the first account word from which the rest of it follows. */
  private static Optional<Request> scanSentence(String s) {
    for (int i = 0; i < s.length(); i++) {
      String account = startsWithAny(s, i, ACCOUNT);
      if (account == null) {
        continue;
      }
      Optional<Request> r = sentenceAt(s, i, i + account.length());
      if (r.isPresent()) {
        return r;
      }
    }
    return Optional.empty();
  }

  private static Optional<Request> sentenceAt(String s, int accountStart, int from) {
    Scanner sc = new Scanner(s, from);
    sc.skipSpaces();
    if (!sc.take(ID)) {
      return Optional.empty();
    }
    sc.skipSpaces();
    sc.takeChar(':');
    sc.skipSpaces();
    String account = sc.digits(5, 20);
    if (account == null) {
      return Optional.empty();
    }
    sc.skipSpaces();
    sc.takeChar(')');
    sc.skipSpaces();
    sc.takeChar(',');
    sc.skipSpaces();
    sc.take(APPLY);
    sc.skipSpaces();
    sc.take(WILL);
    sc.skipSpaces();
    if (!sc.take(ORDER)) {
      return Optional.empty();
    }
    sc.skipSpaces();
    sc.take(ORDER_SUFFIX);
    sc.skipSpaces();
    sc.takeChar(':');
    sc.skipSpaces();
    String order = sc.digits(6, 32);
    if (order == null || (sc.pos < s.length() && isAsciiLetterOrDigit(s.charAt(sc.pos)))) {
      return Optional.empty();
    }
    sc.skipSpaces();
    sc.take(OF);
    sc.skipSpaces();
    sc.take(PRICE);
    sc.skipSpaces();
    if (!sc.take(VERB) && !(sc.take(FROM) && skipOldPrice(sc))) {
      return Optional.empty();
    }
    sc.skipSpaces();
    sc.take(LABEL);
    sc.skipSpaces();
    sc.takeChar(':');
    sc.skipSpaces();
    int amountStart = sc.pos;
    int strictEnd = strictAmountEnd(s, amountStart);
    String amount =
        strictEnd >= 0 ? s.substring(amountStart, strictEnd).strip() : amountAsWritten(s, amountStart);
    if (amount.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Request(name(s, accountStart), account, order, amount));
  }

  /** After the "from" word: the old price, up to {@value #MAX_OLD} characters, then the verb. */
  private static boolean skipOldPrice(Scanner sc) {
    String s = sc.text;
    for (int n = 0; n <= MAX_OLD && sc.pos <= s.length(); n++) {
      if (sc.take(VERB)) {
        return true;
      }
      if (sc.pos >= s.length()) {
        return false;
      }
      char c = s.charAt(sc.pos);
      boolean comma = c == ',' && !(sc.pos + 1 < s.length() && isDigit(s.charAt(sc.pos + 1)));
      if (comma || startsWithAny(s, sc.pos, OLD_STOP) != null) {
        return false;
      }
      sc.pos++;
    }
    return false;
  }

  /**
   * The end of a valid-looking amount at {@code from}: {@code [CUR] digits-or-groups [.digits]
   * [CUR]}, not running on into a digit, a point, a comma group or an ASCII letter; -1 when there is
   * none.
   */
  private static int strictAmountEnd(String s, int from) {
    Scanner sc = new Scanner(s, from);
    if (sc.take(CURRENCY_BEFORE)) {
      sc.skipSpaces();
    }
    int numberStart = sc.pos;
    int grouped = groupedEnd(s, numberStart);
    int end = grouped >= 0 ? grouped : digitsEnd(s, numberStart);
    if (end == numberStart) {
      return -1;
    }
    if (end < s.length() && s.charAt(end) == '.' && end + 1 < s.length() && isDigit(s.charAt(end + 1))) {
      end = digitsEnd(s, end + 1);
    }
    Scanner after = new Scanner(s, end);
    after.skipSpaces();
    if (after.take(CURRENCY_AFTER) && endsCleanly(s, after.pos)) {
      return after.pos;
    }
    return endsCleanly(s, end) ? end : -1;
  }

  /**
   * True when an amount may end at {@code end}: at the end of the line, before a space or
   * punctuation that ends a clause; not before a digit, a point, a letter, a Chinese character, a
   * comma group or a sign ({@code 3-256} is not 3, {@code 880元元} is not 880).
   */
  private static boolean endsCleanly(String s, int end) {
    if (end >= s.length()) {
      return true;
    }
    char c = s.charAt(end);
    if (Character.isWhitespace(c)) {
      return true;
    }
    if (c == ',') {
      return !(end + 1 < s.length() && isDigit(s.charAt(end + 1)));
    }
    return c != '.' && NAME_STOPS.indexOf(c) >= 0;
  }

  /** The end of {@code d{1,3}(,ddd)+} at {@code from}, or -1. */
  private static int groupedEnd(String s, int from) {
    int lead = digitsEnd(s, from) - from;
    if (lead < 1 || lead > 3) {
      return -1;
    }
    int end = from + lead;
    int groups = 0;
    while (end + 3 < s.length() + 0 && s.charAt(end) == ',' && digitsEnd(s, end + 1) - (end + 1) >= 3
        && isGroup(s, end + 1)) {
      end += 4;
      groups++;
    }
    return groups > 0 ? end : -1;
  }

  private static boolean isGroup(String s, int from) {
    return isDigit(s.charAt(from)) && isDigit(s.charAt(from + 1)) && isDigit(s.charAt(from + 2));
  }

  /**
   * An amount that is not valid, as written: up to the next space or clause punctuation (a point
   * is kept: {@code 880.} is not 880), cut short. Never a text that would read as a valid amount.
   */
  private static String amountAsWritten(String s, int from) {
    int end = from;
    while (end < s.length() && end - from < MAX_AMOUNT_TEXT) {
      char c = s.charAt(end);
      boolean groupComma = c == ',' && end + 1 < s.length() && isDigit(s.charAt(end + 1));
      if (Character.isWhitespace(c) || (NAME_STOPS.indexOf(c) >= 0 && c != '.' && !groupComma)) {
        break;
      }
      end++;
    }
    while (end < s.length() && Money.parseMinor(s.substring(from, end)).isPresent()) {
      end += Character.charCount(s.codePointAt(end));
    }
    if (end > from && end < s.length() && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(from, end);
  }

  /**
   * The provider's name written before the account word: skip back over {@code [cloud]}, {@code (}
   * or {@code ,}, {@code [provider]}, then take the run of name characters (pieces joined by one
   * space when the later piece starts with an ASCII letter or digit). Null when there is none.
   */
  private static String name(String s, int accountStart) {
    int q = skipSpacesBack(s, accountStart);
    q = skipWordBack(s, q, CLOUD);
    q = skipSpacesBack(s, q);
    if (q > 0 && (s.charAt(q - 1) == '(' || s.charAt(q - 1) == ',')) {
      q--;
    }
    q = skipSpacesBack(s, q);
    q = skipWordBack(s, q, PROVIDER);
    q = skipSpacesBack(s, q);
    int end = q;
    int start = nameRunBack(s, end);
    while (start < end && start >= 2 && s.charAt(start - 1) == ' '
        && isAsciiLetterOrDigit(s.charAt(start)) && isNameChar(s.charAt(start - 2))) {
      start = nameRunBack(s, start - 1);
    }
    String name = s.substring(start, end).strip();
    return name.isEmpty() ? null : name;
  }

  private static int nameRunBack(String s, int end) {
    int i = end;
    while (i > 0 && isNameChar(s.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  private static int skipWordBack(String s, int end, List<String> words) {
    for (String w : words) {
      if (end >= w.length() && s.regionMatches(true, end - w.length(), w, 0, w.length())) {
        return end - w.length();
      }
    }
    return end;
  }

  private static int skipSpacesBack(String s, int end) {
    int i = end;
    while (i > 0 && Character.isWhitespace(s.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  private static boolean isNameChar(char c) {
    return !Character.isWhitespace(c) && NAME_STOPS.indexOf(c) < 0;
  }

  private static String startsWithAny(String s, int at, List<String> words) {
    for (String w : words) {
      if (s.regionMatches(true, at, w, 0, w.length())) {
        return w;
      }
    }
    return null;
  }

  private static int digitsEnd(String s, int from) {
    int i = from;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static String normalize(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC);
  }

  /** A position in a line and the steps of the grammar; each step moves forward or not at all. */
  private static final class Scanner {
    final String text;
    int pos;

    Scanner(String text, int pos) {
      this.text = text;
      this.pos = pos;
    }

    void skipSpaces() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    boolean atSpace() {
      return pos < text.length() && Character.isWhitespace(text.charAt(pos));
    }

    boolean take(List<String> words) {
      String w = startsWithAny(text, pos, words);
      if (w == null) {
        return false;
      }
      pos += w.length();
      return true;
    }

    boolean takeChar(char c) {
      if (pos < text.length() && text.charAt(pos) == c) {
        pos++;
        return true;
      }
      return false;
    }

    /** A run of min..max ASCII digits not followed by another digit, or null (and no move). */
    String digits(int min, int max) {
      int end = digitsEnd(text, pos);
      int n = end - pos;
      if (n < min || n > max) {
        return null;
      }
      String d = text.substring(pos, end);
      pos = end;
      return d;
    }
  }

  /**
   * One price-change request. Immutable.
   *
   * @param providerName the provider's name as the sentence gives it (informational: the account ID
   *     is what is checked); null for the short form or a sentence without a name
   * @param accountId the account ID the sentence quotes; null for the short form
   * @param orderNo the order number, digits
   * @param amountText the new price as written (NFKC-normalised), valid for {@link
   *     Money#parseMinor}
   */
  public record Request(String providerName, String accountId, String orderNo, String amountText) {

    public Request {
      Objects.requireNonNull(orderNo, "orderNo");
      Objects.requireNonNull(amountText, "amountText");
    }

    /**
     * Reads a request back from a command's args: {@code ORDER_NO AMOUNT [account=ID] [name=NAME]}
     * (the layout of {@link PriceChangeSentence#RECOGNIZER}, and the short form's args {@code
     * ORDER_NO AMOUNT}).
     *
     * @return the request, or empty when the args are not in that layout or the amount is invalid
     */
    public static Optional<Request> fromArgs(String args) {
      if (args == null) {
        return Optional.empty();
      }
      String s = normalize(args).strip();
      int orderEnd = digitsEnd(s, 0);
      if (orderEnd < 6 || orderEnd > 32 || orderEnd >= s.length()
          || !Character.isWhitespace(s.charAt(orderEnd))) {
        return Optional.empty();
      }
      String rest = s.substring(orderEnd).strip();
      String name = null;
      int nameAt = keyAt(rest, "name=");
      if (nameAt >= 0) {
        name = rest.substring(nameAt + "name=".length()).strip();
        rest = rest.substring(0, nameAt).strip();
        if (name.isEmpty()) {
          return Optional.empty();
        }
      }
      String account = null;
      int accountAt = keyAt(rest, "account=");
      if (accountAt >= 0) {
        String id = rest.substring(accountAt + "account=".length());
        if (id.length() >= 5 && id.length() <= 20 && digitsEnd(id, 0) == id.length()) {
          account = id;
          rest = rest.substring(0, accountAt).strip();
        }
      }
      return Optional.of(new Request(name, account, s.substring(0, orderEnd), rest))
          .filter(r -> !r.amountText().isEmpty())
          .filter(Request::hasValidAmount);
    }

    /** Where {@code key} starts after a space in {@code s} (the first such), or -1. */
    private static int keyAt(String s, String key) {
      String lower = s.toLowerCase(Locale.ROOT);
      int from = 0;
      while (true) {
        int at = lower.indexOf(key, from);
        if (at < 0 || lower.length() != s.length()) {
          return -1;
        }
        if (at > 0 && Character.isWhitespace(s.charAt(at - 1))) {
          return at;
        }
        from = at + 1;
      }
    }

    /** This request in the args layout {@link #fromArgs} reads. */
    public String toArgs() {
      StringBuilder sb = new StringBuilder(orderNo).append(' ').append(amountText);
      if (accountId != null) {
        sb.append(" account=").append(accountId);
      }
      if (providerName != null) {
        sb.append(" name=").append(providerName);
      }
      return sb.toString();
    }

    /** The new price in minor units (fen). */
    public long amountMinor() {
      return Money.parseMinor(amountText)
          .orElseThrow(() -> new IllegalStateException("not an amount: " + amountText));
    }

    /** True when the request came from the short form (no account ID quoted). */
    public boolean shortForm() {
      return accountId == null;
    }

    private boolean hasValidAmount() {
      return Money.parseMinor(amountText).isPresent();
    }
  }
}
