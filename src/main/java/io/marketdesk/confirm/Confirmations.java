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
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one confirmation mechanism: a command that needs confirming either says {@code 确定}/{@code
 * confirm} on its own line and runs at once (when its mail proves its sender), or gets a reply that explains what would happen and
 * carries a single-use token bound to the sender; answering that reply with {@code 确定} runs it.
 * Built once at start-up, then read-only; thread-safe.
 */
public final class Confirmations {

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

  public Set<String> purposes() {
    return byPurpose.keySet();
  }

  /**
   * The words that confirm a command on its own line ({@code words.confirm} in every language's
   * message file: 确定, 确认, confirm, yes …), as a pattern over the NFKC form of the arguments.
   */
  private static Pattern inline(CommandContext ctx) {
    StringBuilder alt = new StringBuilder();
    for (String w : ctx.words("words.confirm")) {
      alt.append(alt.length() == 0 ? "" : "|").append(Pattern.quote(w));
    }
    return Pattern.compile("(^|[\\s,])(" + alt + ")($|[\\s,.!\\p{IsPunctuation}])", Pattern.CASE_INSENSITIVE);
  }

  /** True when the command confirms itself: a confirm word in its arguments or fields. */
  public static boolean confirmedInline(CommandContext ctx, ParsedCommand cmd) {
    Pattern inline = inline(ctx);
    String args = Normalizer.normalize(cmd.args(), Normalizer.Form.NFKC);
    if (inline.matcher(args).find()) {
      return true;
    }
    for (Map.Entry<String, String> f : cmd.fields().entrySet()) {
      if (inline.matcher(f.getKey()).find() || inline.matcher(f.getKey() + " " + f.getValue()).matches()) {
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
    if (confirmedInline(ctx, cmd) && ctx.authenticated()) {
      // only a mail that proves its sender confirms itself; otherwise the question mailed to the
      // From address is the proof (docs/security.md)
      return c.perform(ctx, subjectId, payload);
    }
    String token = tokens.issue(ctx.handle(), purpose, subjectId, ctx.actor().address(), payload, ttl);
    return Outcome.awaiting(
        wouldHappen + "\n" + ctx.m("confirmations.confirm-or-ask.1", "token", token, "toDays", ttl.toDays()),
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
  public static String withoutConfirmWord(CommandContext ctx, String args) {
    return inline(ctx).matcher(Normalizer.normalize(args, Normalizer.Form.NFKC)).replaceAll(" ").trim().toLowerCase(Locale.ROOT);
  }
}
