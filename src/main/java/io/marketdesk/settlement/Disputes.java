package io.marketdesk.settlement;

import io.marketdesk.command.ActionCommand;
import io.marketdesk.command.AsWritten;
import io.marketdesk.command.CommandContext;
import io.marketdesk.command.CommandHandler;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.command.CommandSpec.Body;
import io.marketdesk.text.Language;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.command.Role;
import io.marketdesk.identity.Directory;
import io.marketdesk.identity.Provider;
import io.marketdesk.money.Money;
import io.marketdesk.review.ActionReviewKind;
import io.marketdesk.review.Decision;
import io.marketdesk.review.Change;
import io.marketdesk.review.Review;
import io.marketdesk.review.ReviewKind;
import io.marketdesk.review.Reviews;
import io.marketdesk.text.Message;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Disputed statement lines (docs/after-the-sale.md): {@code 异议 行号 [佣金] 理由} / {@code dispute
 * LINE [COMMISSION] REASON}, one command per line (several in one mail), each a review of kind
 * {@code settlement} whose subject is {@code STATEMENT#LINE}. The amount written is the commission
 * the provider asks for on that line. Approved: the line takes it, the totals are summed again, the
 * revision goes up and the revised statement is mailed; rejected: the statement stands and the
 * provider reads the operator's reason in the review result. Thread-safe.
 */
final class Disputes {
  static final String KIND = "settlement";
  private static final Pattern ID = Pattern.compile("S\\d{6}-\\d{4,20}");
  private static final Pattern LINE_AND_REST = Pattern.compile("^(?:(S\\d{6}-\\d{4,20})\\s+)?#?(\\d{1,5})\\s*[,:]?\\s*(.*)$",
      Pattern.DOTALL);
  private static final Pattern AMOUNT = Pattern.compile("^(?:\\u00A5|\\uFFE5)?(\\d{1,12}(?:\\.\\d{1,2})?)(?:\\s+|$)(.*)$",
      Pattern.DOTALL);
  private final Settlements settlements;
  private final Reviews reviews;
  private final Directory directory;

  Disputes(Settlements settlements, Reviews reviews, Directory directory) {
    this.settlements = settlements;
    this.reviews = reviews;
    this.directory = directory;
  }

  CommandHandler handler() {
    return new ActionCommand(new CommandSpec("settlement.dispute", Set.of(Role.PROVIDER), Body.NONE), true, this::dispute);
  }

  private Outcome dispute(CommandContext ctx, ParsedCommand cmd) {
    Handle h = ctx.handle();
    long pid = ctx.actor().providerId();
    Matcher m = LINE_AND_REST.matcher(cmd.args().trim());
    Optional<String> id = Optional.empty();
    if (m.matches() && m.group(1) != null) {
      id = Optional.of(m.group(1));
    } else if (ctx.mail() != null && ctx.mail().subject() != null) {
      Matcher s = ID.matcher(ctx.mail().subject());
      id = s.find() ? Optional.of(s.group()) : Optional.empty();
    }
    Optional<Statement> found = id.isPresent() ? settlements.find(h, id.get())
        : settlements.ofProvider(h, pid).stream().filter(x -> !x.status().equals("confirmed")).findFirst();
    String example = ctx.m("settlement.example.dispute");
    if (found.isEmpty() || found.get().providerId() != pid) {
      return Outcome.refused(ctx.m("settlement.refusal.not-found", "id", id.orElse("")), example);
    }
    Statement st = found.get();
    if (!m.matches()) {
      return Outcome.refused(ctx.m("settlement.refusal.dispute-line"), example);
    }
    int line = Integer.parseInt(m.group(2));
    Optional<StatementMath.StatementLine> l = st.lines().stream().filter(x -> x.line() == line).findFirst();
    if (l.isEmpty()) {
      return Outcome.refused(ctx.m("settlement.refusal.no-line", "id", st.id(), "line", line, "lines", st.lines().size()), example);
    }
    if (st.status().equals("confirmed")) {
      return Outcome.refused(ctx.m("settlement.refusal.status", "id", st.id(), "status", ctx.m("state.settlement.confirmed")), "");
    }
    Matcher a = AMOUNT.matcher(m.group(3).trim());
    if (!a.matches()) {
      return Outcome.refused(ctx.m("settlement.refusal.dispute-amount"), example);
    }
    long asked = Money.parseMinor(a.group(1)).orElse(-1L);
    String reason = AsWritten.tail(cmd.line(), a.group(2).trim());
    reason = reason.isEmpty() ? cmd.text() : cmd.text().isEmpty() ? reason : reason + "\n" + cmd.text();
    long max = l.get().price() - l.get().refunded();
    if (asked < 0 || asked > max || reason.isBlank()) {
      return Outcome.refused(ctx.m("settlement.refusal.dispute-amount"), example);
    }
    h.createUpdate("UPDATE settlement SET status = 'disputed' WHERE id = :id AND status IN ('sent', 'resolved')")
        .bind("id", st.id()).execute();
    String subject = st.id() + "#" + line;
    String payload = "{\"statement\":\"" + st.id() + "\",\"line\":" + line + ",\"commission\":" + asked + "}";
    Review review = reviews.submit(ctx, new Reviews.Submission(KIND, subject, pid,
        Message.of("settlement.review.title", "id", st.id(), "line", line, "orderNo", l.get().orderNo()),
        payload,
        List.of(new Change("commission", ctx.in(Language.ZH, "change.settlement.commission"),
                ctx.in(Language.EN, "change.settlement.commission"), Money.formatYuan(l.get().commission()),
                Money.formatYuan(asked)).labelled("change.settlement.commission"),
            Change.of(ctx, "settlement.order", null, l.get().orderNo() + " " + Money.formatYuan(l.get().price())
                + " - " + Money.formatYuan(l.get().refunded())),
            Change.of(ctx, "settlement.reason", null, reason.strip())),
        3));
    ctx.audit("settlement", st.id(), "disputed", st.status(), "line " + line + " -> review " + review.id());
    return Outcome.sentForReview(ctx.m("settlement.disputed", "id", st.id(), "line", line, "reviewId", review.id(),
        "dueAt", reviews.dueText(review.dueAt())));
  }

  ReviewKind kind() {
    return new ActionReviewKind(KIND, this::approve,
        (d, review) -> settled(d.handle(), review, review.subject().split("#", 2)[0]), false);
  }

  /** The line takes the commission asked, the totals are summed again and the revision is mailed. */
  private Message approve(Decision d, Review review) {
    Handle h = d.handle();
    String[] parts = review.subject().split("#", 2);
    Matcher c = Pattern.compile("\"commission\":(\\d+)").matcher(review.payload());
    if (!c.find()) {
      return Message.of("settlement.decided.gone", "id", parts[0]);
    }
    long commission = Long.parseLong(c.group(1));
    int n = h.createUpdate("UPDATE settlement_line SET commission = :c, net = price - refunded - :c"
            + " WHERE settlement_id = :id AND line = :line")
        .bind("c", commission).bind("id", parts[0]).bind("line", Integer.parseInt(parts[1])).execute();
    if (n == 0) {
      return Message.of("settlement.decided.gone", "id", parts[0]);
    }
    // totals summed again from the lines (docs/after-the-sale.md)
    h.createUpdate("UPDATE settlement SET revision = revision + 1,"
            + " gross = (SELECT SUM(price) FROM settlement_line WHERE settlement_id = :id),"
            + " refunded = (SELECT SUM(refunded) FROM settlement_line WHERE settlement_id = :id),"
            + " commission = (SELECT SUM(commission) FROM settlement_line WHERE settlement_id = :id),"
            + " net = (SELECT SUM(net) FROM settlement_line WHERE settlement_id = :id) WHERE id = :id")
        .bind("id", parts[0]).execute();
    settled(h, review, parts[0]);
    Statement s = settlements.find(h, parts[0]).orElseThrow();
    Provider p = directory.provider(h, s.providerId()).orElseThrow();
    settlements.mail(h, p, s, true);
    return Message.of("settlement.decided.approved", "id", s.id(), "line", parts[1], "net", Money.formatYuan(s.net()));
  }

  /** Resolved once no dispute of the statement is open any more. */
  private static void settled(Handle h, Review decided, String id) {
    long open = h.createQuery("SELECT COUNT(*) FROM review WHERE kind = 'settlement' AND status = 'open' AND subject LIKE :s"
            + " AND id <> :rid").bind("s", id + "#%").bind("rid", decided.id()).mapTo(Long.class).one();
    if (open == 0) {
      h.createUpdate("UPDATE settlement SET status = 'resolved' WHERE id = :id AND status = 'disputed'").bind("id", id).execute();
    }
  }
}
