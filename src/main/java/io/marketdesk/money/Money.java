package io.marketdesk.money;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes amounts of money as integer minor units (fen, 分), the only form in which
 * marketdesk keeps money (house style §9). Shared by products, orders and price changes, so every
 * amount a mail or the API gives is read by the same rules (docs/commands.md):
 *
 * <ul>
 *   <li>the text is NFKC-normalised first: full-width digits, {@code ．}, {@code ，} and {@code ￥}
 *       read as their ASCII forms;
 *   <li>an optional currency mark before the number ({@code ¥}, {@code ￥}, {@code RMB}, {@code
 *       CNY}, any case) and/or after it ({@code 元}, {@code RMB}, {@code CNY}), spaces allowed
 *       around them;
 *   <li>digits, optionally grouped by thousands with commas ({@code 1,280}; every group after the
 *       first exactly three digits), and at most two decimals ({@code 880}, {@code 880.5}, {@code
 *       880.50});
 *   <li>refused: an empty text, a sign (negative amounts), three or more decimals, a bare point
 *       ({@code 880.}, {@code .5}), malformed groups ({@code 1,28}, {@code 12,80.00}), any other
 *       character, and amounts too large for a {@code long} of fen.
 * </ul>
 *
 * <p>Zero is accepted: whether an amount must be positive is the caller's rule.
 *
 * <p>Stateless and thread-safe.
 */
public final class Money {

  /** The largest number of integer digits accepted: 10^15 yuan is far beyond any order. */
  private static final int MAX_INTEGER_DIGITS = 15;

  /** The words after the digits that mean yuan ({@code grammar/money.properties}). */
  private static final Set<String> YUAN = yuanWords();

  private static final Pattern AMOUNT =
      Pattern.compile(
          "(?:(?<pre>¥|rmb|cny)\\s*)?"
              + "(?<int>\\d{1,3}(?:,\\d{3})+|\\d+)"
              + "(?:\\.(?<dec>\\d{1,2}))?"
              + "(?:\\s*(?<post>" + String.join("|", YUAN.stream().map(Pattern::quote).toList()) + "|rmb|cny))?",
          Pattern.CASE_INSENSITIVE);

  private static Set<String> yuanWords() {
    Properties p = new Properties();
    try (InputStream in = Money.class.getClassLoader().getResourceAsStream("grammar/money.properties")) {
      if (in == null) {
        throw new IllegalStateException("grammar/money.properties is missing");
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<String> out = new LinkedHashSet<>();
    for (String w : p.getProperty("yuan-after", "").split("\\|")) {
      if (!w.isBlank()) {
        out.add(w.strip());
      }
    }
    return Set.copyOf(out);
  }

  private Money() {}

  /**
   * Reads an amount such as {@code 880}, {@code 880.5}, {@code ¥880}, {@code ￥1,280.50}, {@code
   * 880元}, {@code RMB 880} or {@code CNY880}.
   *
   * @param text the amount as written, or null
   * @return the amount in minor units (880.50 is 88050), or empty when the text is not an amount by
   *     the rules of this class
   */
  public static Optional<Long> parseMinor(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    Matcher m = AMOUNT.matcher(s);
    if (!m.matches()) {
      return Optional.empty();
    }
    if (m.group("pre") != null
        && m.group("post") != null
        && !YUAN.contains(m.group("post"))) {
      return Optional.empty();
    }
    String digits = m.group("int").replace(",", "");
    String integer = digits.replaceFirst("^0+(?=\\d)", "");
    if (integer.length() > MAX_INTEGER_DIGITS) {
      return Optional.empty();
    }
    String dec = m.group("dec") == null ? "" : m.group("dec");
    long fen = dec.isEmpty() ? 0 : Long.parseLong(dec.length() == 1 ? dec + "0" : dec);
    return Optional.of(Long.parseLong(integer) * 100 + fen);
  }

  /**
   * Writes minor units as a plain decimal with two decimals and no grouping: {@code 88000} is
   * {@code "880.00"}, {@code 5} is {@code "0.05"}, {@code -150} is {@code "-1.50"}. This is the form
   * of the JSON API and of the replies.
   */
  public static String format(long minor) {
    return BigDecimal.valueOf(minor, 2).toPlainString();
  }

  /**
   * Writes minor units with thousands separators and the yuan sign, for mails: {@code 128050} is
   * {@code "¥1,280.50"}.
   */
  public static String formatYuan(long minor) {
    return String.format(Locale.ROOT, "%s¥%,.2f", minor < 0 ? "-" : "",
        BigDecimal.valueOf(minor, 2).abs());
  }
}
