package io.marketdesk.review;

import io.marketdesk.command.CommandContext;
import io.marketdesk.command.CommandHandler;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.command.Role;
import java.util.List;
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
final class ReviewDecideHandler implements CommandHandler {
  static final CommandSpec SPEC = new CommandSpec("review.decide", List.of("审核"), List.of("review"),
      Set.of(Role.OPERATOR), CommandSpec.Body.FREE_TEXT);
  private static final Pattern ARGS = Pattern.compile(
      "^(?:#|r-?)?(\\d{1,18})\\s*[,:]?\\s*(?:(同意|通过|批准|approved?|拒绝|驳回|rejected?)(?![a-z])\\s*[,:]?)?\\s*(.*)$",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private final Reviews reviews;

  ReviewDecideHandler(Reviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  private static String example(CommandContext ctx) {
    return ctx.t("审核 12 同意\n审核 12 拒绝 统一社会信用代码与营业执照不符", "review 12 approve\nreview 12 reject the credit code does not match");
  }

  @Override
  public Outcome handle(CommandContext ctx, ParsedCommand cmd) {
    Matcher m = ARGS.matcher(cmd.args().strip());
    if (!m.matches()) {
      return Outcome.refused(ctx.t("请写明审核编号和“同意”或“拒绝 理由”。", "Give the review number and approve, or reject with a reason."),
          example(ctx));
    }
    long id = Long.parseLong(m.group(1));
    String verb = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
    String rest = m.group(3).strip();
    String note = (rest.isEmpty() ? cmd.text() : cmd.text().isEmpty() ? rest : rest + "\n" + cmd.text()).strip();
    if (verb.isEmpty()) {
      if (!rest.isEmpty()) {
        return Outcome.refused(ctx.t("没有读懂“" + rest + "”：审核编号后面请写“同意”或“拒绝 理由”。",
            "\"" + rest + "\" is not understood: after the review number write approve, or reject with a reason."), example(ctx));
      }
      return show(ctx, id);
    }
    boolean approve = verb.equals("同意") || verb.equals("通过") || verb.equals("批准") || verb.startsWith("approve");
    if (!approve && note.isEmpty()) {
      return Outcome.refused(ctx.t("拒绝必须写明理由（会转告申请人），什么也没有改变。",
          "A rejection needs a reason (the asker is told it); nothing changed."), example(ctx));
    }
    return reviews.decide(ctx, id, approve, note);
  }

  private Outcome show(CommandContext ctx, long id) {
    Optional<Review> found = reviews.find(ctx.handle(), id);
    if (found.isEmpty()) {
      return Outcome.refused(ctx.t("没有编号为 " + id + " 的审核。", "There is no review " + id + "."), ctx.t("待审核", "pending"));
    }
    return Outcome.done(PendingHandler.describe(ctx, reviews, found.get(), true));
  }

  @Override
  public boolean changesState() {
    return true;
  }
}
