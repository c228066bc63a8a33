package io.marketdesk.review;

import io.marketdesk.command.AsWritten;
import io.marketdesk.command.CommandContext;
import io.marketdesk.command.DeclaredCommand;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.command.Role;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code 审核 ID 同意 [备注]} / {@code 审核 ID 拒绝 理由} ({@code review ID approve|reject REASON}):
 * decides a review by its number without replying to the review mail. {@code 审核 ID} alone shows
 * the review. The ID may be written {@code 12}, {@code #12} or {@code R-12}; the reason may go on
 * below the line. Stateless.
 */
final class ReviewDecideHandler extends DeclaredCommand {
  static final CommandSpec SPEC = new CommandSpec("review.decide",
      Set.of(Role.OPERATOR), CommandSpec.Body.FREE_TEXT);
  /** The review ID, then the rest: a verb ({@code words.review.approve}/{@code .reject}) and the note. */
  private static final Pattern ARGS = Pattern.compile("^(?:#|r-?)?(\\d{1,18})\\s*[,:]?\\s*(.*)$",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private final Reviews reviews;

  ReviewDecideHandler(Reviews reviews) {
    super(SPEC, true);
    this.reviews = reviews;
  }

  private static String example(CommandContext ctx) {
    return ctx.m("review-decide-handler.example.1");
  }

  @Override
  public Outcome handle(CommandContext ctx, ParsedCommand cmd) {
    Matcher m = ARGS.matcher(cmd.args().strip());
    if (!m.matches()) {
      return Outcome.refused(ctx.m("review-decide-handler.handle.1"),
          example(ctx));
    }
    long id = Long.parseLong(m.group(1));
    String after = m.group(2);
    String verb = "";
    boolean approve = false;
    for (String kind : new String[] {"approve", "reject"}) {
      for (String w : ctx.words("words.review." + kind)) {
        String lower = after.toLowerCase(Locale.ROOT);
        if (!lower.startsWith(w) || w.length() <= verb.length()) {
          continue;
        }
        boolean boundary = lower.length() == w.length() || !Character.isLetter(lower.charAt(w.length()))
            || Character.UnicodeScript.of(w.codePointAt(0)) == Character.UnicodeScript.HAN;
        if (boundary) {
          verb = w;
          approve = kind.equals("approve");
        }
      }
    }
    String rest = AsWritten.tail(cmd.line(), after.substring(verb.length()).replaceFirst("^\\s*[,:]?\\s*", ""));
    String note = (rest.isEmpty() ? cmd.text() : cmd.text().isEmpty() ? rest : rest + "\n" + cmd.text()).strip();
    if (verb.isEmpty()) {
      if (!rest.isEmpty()) {
        return Outcome.refused(ctx.m("review-decide-handler.handle.2", "rest", rest), example(ctx));
      }
      return show(ctx, id);
    }
    if (!approve && note.isEmpty()) {
      return Outcome.refused(ctx.m("review-decide-handler.handle.3"), example(ctx));
    }
    return DecisionReplies.outcome(ctx, reviews, reviews.decide(ctx.handle(), ctx.actedBy(), id, approve, note));
  }

  private Outcome show(CommandContext ctx, long id) {
    Optional<Review> found = reviews.find(ctx.handle(), id);
    if (found.isEmpty()) {
      return Outcome.refused(ctx.m("review-decide-handler.show.1", "id", id), ctx.m("review-decide-handler.show.2"));
    }
    return Outcome.done(PendingHandler.describe(ctx, reviews, found.get(), true));
  }
}
