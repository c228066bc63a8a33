package io.marketdesk.pricing;

import io.marketdesk.command.CommandSpec;
import io.marketdesk.money.Money;
import java.text.Normalizer;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises an order price-change request (SPEC §6) in either of its two written forms.
 *
 * <p><b>The seed's sentence</b>, as a provider writes it to the operations mailbox, anywhere in a
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
 * ({@code ID} in any case.) The amount must not run on into more digits, a point or a comma group:
 * {@code 880.001} and {@code -880} are not requests.
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

  private static final String AMOUNT =
      "(?<amount>(?:(?:¥|rmb|cny)\\s*)?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:\\s*(?:元|rmb|cny))?)"
          + "(?![\\d.]|,\\d)";

  private static final Pattern SENTENCE =
      Pattern.compile(
          "(?<name>[^\\s,.;:!?()\\[\\]。、“”\"']+?(?: [a-z0-9][^\\s,.;:!?()\\[\\]。、“”\"']*?)*?)?"
              + "\\s*(?:服务商)?\\s*[(,]?\\s*(?:腾讯云)?\\s*(?:账号|账户|帐号|帐户)\\s*id\\s*:?\\s*"
              + "(?<account>\\d{5,20})(?!\\d)\\s*\\)?\\s*,?\\s*(?:申请)?\\s*(?:将)?\\s*"
              + "订单\\s*(?:号|编号)?\\s*:?\\s*(?<order>\\d{6,32})(?![\\da-z])\\s*(?:的)?\\s*"
              + "(?:价格|金额)?\\s*(?:由(?:[^,;。]|,(?=\\d)){0,30}?)?(?:修改|改|调整|变更)为\\s*(?:折扣价|价格|优惠价)?\\s*:?\\s*"
              + AMOUNT,
          Pattern.CASE_INSENSITIVE);

  private static final Pattern SHORT =
      Pattern.compile(
          "\\s*price\\s*[:,]?\\s*(?<order>\\d{6,32})\\s+" + AMOUNT + "\\s*",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern ARGS =
      Pattern.compile(
          "\\s*(?<order>\\d{6,32})\\s+(?<amount>.+?)"
              + "(?:\\s+account=(?<account>\\d{5,20}))?(?:\\s+name=(?<name>.+?))?\\s*",
          Pattern.CASE_INSENSITIVE);

  /**
   * The command parser's recogniser for the long sentence: the request in the {@linkplain
   * PriceChangeSentence args layout} described above. The short form is not recognised here: it
   * starts with the {@code price} keyword, so the parser reads it as a keyword line.
   */
  public static final CommandSpec.SentenceRecognizer RECOGNIZER =
      line -> parseSentence(line).map(Request::toArgs);

  private PriceChangeSentence() {}

  /**
   * Reads a price-change request from one line: the seed's sentence anywhere in it, or the short
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
    Matcher m = SHORT.matcher(s);
    if (m.matches()) {
      return Optional.of(new Request(null, null, m.group("order"), m.group("amount").strip()))
          .filter(Request::hasValidAmount);
    }
    return parseSentence(s);
  }

  private static Optional<Request> parseSentence(String line) {
    Matcher m = SENTENCE.matcher(normalize(line));
    if (!m.find()) {
      return Optional.empty();
    }
    String name = m.group("name");
    return Optional.of(
            new Request(
                name == null || name.isBlank() ? null : name.strip(),
                m.group("account"),
                m.group("order"),
                m.group("amount").strip()))
        .filter(Request::hasValidAmount);
  }

  private static String normalize(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC);
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
      Matcher m = ARGS.matcher(normalize(args));
      if (!m.matches()) {
        return Optional.empty();
      }
      return Optional.of(
              new Request(m.group("name"), m.group("account"), m.group("order"),
                  m.group("amount").strip()))
          .filter(Request::hasValidAmount);
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
