package io.marketdesk.confirm;

import io.marketdesk.command.CommandContext;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.token.Tokens;
import java.text.Normalizer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one confirmation mechanism: a command that needs confirming either says {@code 确定}/{@code
 * confirm} on its own line and runs at once (when its mail proves its sender), or gets a reply that explains what would happen and
 * carries a single-use token bound to the sender; answering that reply with {@code 确定} runs it.
 * Built once at start-up, then read-only; thread-safe.
 */
public final class Confirmations {
  private static final Pattern INLINE =
      Pattern.compile("(^|[\\s,，])(确定|确认|confirm|confirmed|yes)($|[\\s,，。.!！])", Pattern.CASE_INSENSITIVE);

  private final Map<String, Confirmable> byPurpose = new LinkedHashMap<>();
  private final Tokens tokens;
  private final Duration ttl;

  public Confirmations(Tokens tokens, Duration ttl) {
    this.tokens = tokens;
    this.ttl = ttl;
  }

  public Confirmations register(Confirmable c) {
    if (byPurpose.putIfAbsent(c.purpose(), c) != null) {
      throw new IllegalStateException("two confirmables for " + c.purpose());
    }
    return this;
  }

  Confirmable confirmable(String purpose) {
    return byPurpose.get(purpose);
  }

  public java.util.Set<String> purposes() {
    return byPurpose.keySet();
  }

  /** True when the command confirms itself: {@code 确定}/{@code confirm} in its arguments or fields. */
  public static boolean confirmedInline(ParsedCommand cmd) {
    String args = Normalizer.normalize(cmd.args(), Normalizer.Form.NFKC);
    if (INLINE.matcher(args).find()) {
      return true;
    }
    for (Map.Entry<String, String> f : cmd.fields().entrySet()) {
      if (INLINE.matcher(f.getKey()).find() || INLINE.matcher(f.getKey() + " " + f.getValue()).matches()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs the action now when the command confirms itself; otherwise asks: the outcome says what
   * would happen and carries a token for the answer.
   *
   * @param wouldHappen what the action will do, in the reply language (no trailing instruction)
   */
  public Outcome confirmOrAsk(CommandContext ctx, ParsedCommand cmd, String purpose, String subjectId, String payload,
      String wouldHappen) {
    Confirmable c = byPurpose.get(purpose);
    if (c == null) {
      throw new IllegalStateException("no confirmable for " + purpose);
    }
    if (confirmedInline(cmd) && ctx.authenticated()) {
      // only a mail that proves its sender confirms itself; otherwise the question mailed to the
      // From address is the proof (docs/security.md)
      return c.perform(ctx, subjectId, payload);
    }
    String token = tokens.issue(ctx.handle(), purpose, subjectId, ctx.actor().address(), payload, ttl);
    return Outcome.awaiting(
        wouldHappen + "\n" + ctx.t(
            "请直接回复本邮件，正文写“确定”，即可执行；不回复则什么也不会发生。确认码 " + token + "（" + ttl.toDays() + " 天内有效，只能用一次）。",
            "To go ahead, reply to this mail with \"confirm\" in the body; without a reply nothing happens. Confirmation code "
                + token + " (valid " + ttl.toDays() + " days, single use)."),
        token);
  }

  /**
   * True when {@code token} (carried by a mail of ours) is an open question to {@code address}: a
   * confirmation of any registered purpose, unused and unexpired.
   */
  public boolean asks(org.jdbi.v3.core.Handle h, String token, String address) {
    return token != null && tokens.check(h, token, address, purposes().toArray(new String[0])).valid();
  }

  /** Lower-cased args without the confirm word, for features that read their arguments. */
  public static String withoutConfirmWord(String args) {
    return INLINE.matcher(Normalizer.normalize(args, Normalizer.Form.NFKC)).replaceAll(" ").trim().toLowerCase(Locale.ROOT);
  }
}
