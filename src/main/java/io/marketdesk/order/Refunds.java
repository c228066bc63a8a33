package io.marketdesk.order;

import io.marketdesk.command.AsWritten;
import io.marketdesk.command.ActionCommand;
import io.marketdesk.command.CommandContext;
import io.marketdesk.command.CommandHandler;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.command.CommandSpec.Body;
import io.marketdesk.text.Language;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.command.Role;
import io.marketdesk.money.Money;
import io.marketdesk.audit.ActedBy;
import io.marketdesk.outbox.Mailer;
import io.marketdesk.review.ActionReviewKind;
import io.marketdesk.review.Change;
import io.marketdesk.review.Review;
import io.marketdesk.review.ReviewKind;
import io.marketdesk.review.Reviews;
import io.marketdesk.schedule.Scheduler;
import io.marketdesk.template.Catalog;
import io.marketdesk.text.Message;
import io.marketdesk.text.Refusal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refunds (docs/after-the-sale.md): the buyer's {@code 申请退款 NO [金额] 理由}, the provider's
 * {@code 同意退款} / {@code 拒绝退款 理由} (with or without the order number in a reply to the refund
 * mail), the {@code refund} review operators decide when the provider declines or stays silent, and
 * the timer that sends unanswered requests to operators. The deadline is an absolute moment stored
 * with the request and claimed by compare-and-set, so a restart neither skips nor doubles it.
 * Thread-safe.
 */
public final class Refunds {
  static final String KIND = "refund";
  /** The working days operators have to decide a refund review. */
  static final int REVIEW_DAYS = 3;
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_-]{4,40}");
  private static final Logger log = LoggerFactory.getLogger(Refunds.class);

  private final OrderWorkflow workflow;
  private final Reviews reviews;
  private final Mailer mailer;

  Refunds(OrderWorkflow workflow, Reviews reviews, Mailer mailer) {
    this.workflow = workflow;
    this.reviews = reviews;
    this.mailer = mailer;
  }

  List<CommandHandler> handlers() {
    return List.of(
        new ActionCommand(new CommandSpec("order.refund", Set.of(Role.BUYER), Body.FREE_TEXT), true, this::request),
        new ActionCommand(new CommandSpec("order.refund.accept", Set.of(Role.PROVIDER), Body.NONE), true, this::accept),
        new ActionCommand(new CommandSpec("order.refund.decline", Set.of(Role.PROVIDER), Body.FREE_TEXT), true, this::decline));
  }

  // ---------------------------------------------------------------- the buyer

  private Outcome request(CommandContext ctx, ParsedCommand cmd) {
    String no = cmd.args().trim().split("[\\s,\\uFF0C:\\uFF1A]+", 2)[0].replaceAll("[\\u3002.;\\uFF1B]+$", "");
    String example = ctx.m("refund.example.request", "no", OrderWorkflow.ORDER_NO.matcher(no).matches() ? no : "20261128000123");
    Optional<Order> found = lookup(ctx, no);
    if (found.isEmpty()) {
      return Outcome.refused(no.isEmpty() ? ctx.m("order-commands.lookup.missing") : ctx.m("order-commands.lookup.1", "no", no), example);
    }
    Order o = found.get();
    if (!o.buyerEmail().equalsIgnoreCase(ctx.actor().address())) {
      return Outcome.refused(ctx.m("order-commands.buyer-order.1", "orderNo", o.orderNo(), "address", ctx.actor().address()),
          ctx.m("order-commands.buyer-order.2", "no", o.orderNo()));
    }
    workflow.store().setBuyerLanguage(ctx.handle(), o.orderNo(), ctx.language().code());
    Long amount = null;
    String[] afterNo = cmd.args().trim().split("[\\s,\\uFF0C:\\uFF1A]+", 2);
    String rest = afterNo.length > 1 ? afterNo[1].trim() : "";
    String[] amountAndReason = rest.split("\\s+", 2);
    Optional<Long> minor = rest.isEmpty() ? Optional.empty() : Money.parseMinor(amountAndReason[0]);
    if (minor.isPresent()) {
      amount = minor.get();
      rest = amountAndReason.length > 1 ? amountAndReason[1].trim() : "";
    }
    String reason = AsWritten.tail(cmd.line(), rest);
    reason = reason.isEmpty() ? cmd.text() : cmd.text().isEmpty() ? reason : reason + "\n" + cmd.text();
    OrderResult r = workflow.requestRefund(ctx.handle(), by(ctx), o, amount, reason);
    if (!r.ok()) {
      return Outcome.refused(ctx.m(r.refusal().reason()), r.refusal() instanceof Refusal.BadInput ? example : "");
    }
    Refund refund = workflow.refunds().open(ctx.handle(), o.orderNo()).orElseThrow();
    return Outcome.done(ctx.m("refund.requested", "orderNo", o.orderNo(), "amount", Money.formatYuan(refund.amount()),
        "due", workflow.dateText(refund.answerDue() - 1), "days", workflow.config().refundAnswerWithinWorkingDays));
  }

  // ---------------------------------------------------------------- the provider

  private Outcome accept(CommandContext ctx, ParsedCommand cmd) {
    return providerRefunding(ctx, cmd, "refund.example.accept").then(t -> {
      Order o = t.order();
      OrderResult r = workflow.acceptRefund(ctx.handle(), by(ctx), o);
      if (!r.ok()) {
        return Outcome.refused(ctx.m(r.refusal().reason()), "");
      }
      return Outcome.done(ctx.m("refund.accepted", "orderNo", o.orderNo(), "buyerEmail", o.buyerEmail(),
          "amount", Money.formatYuan(r.order().refundedAmount() - o.refundedAmount()),
          "state", Message.of(r.order().status().labelKey())));
    });
  }

  private Outcome decline(CommandContext ctx, ParsedCommand cmd) {
    return providerRefunding(ctx, cmd, "refund.example.decline").then(t -> {
      String written = AsWritten.tail(cmd.line(), t.rest());
      String reason = written.isEmpty() ? cmd.text() : cmd.text().isEmpty() ? written : written + "\n" + cmd.text();
      Order o = t.order();
      ActedBy by = by(ctx);
      OrderResult r = workflow.declineRefund(ctx.handle(), by, o, reason);
      if (!r.ok()) {
        return Outcome.refused(ctx.m(r.refusal().reason()),
            r.refusal() instanceof Refusal.BadInput ? ctx.m("refund.example.decline", "no", o.orderNo()) : "");
      }
      Review review = openReview(ctx.handle(), o, by.inboundId());
      workflow.refundReviewOpened(ctx.handle(), by, o.orderNo(), review.id());
      return Outcome.sentForReview(ctx.m("refund.declined", "orderNo", o.orderNo(), "id", review.id(),
          "dueAt", reviews.dueText(review.dueAt())));
    });
  }

  /** The order and the text after its number. */
  private record Target(Order order, String rest) {}

  /**
   * The provider's refunding order: the number written first, else one named in the subject of the
   * reply, else the provider's only refunding order.
   */
  private Lookup<Target, Outcome> providerRefunding(CommandContext ctx, ParsedCommand cmd, String exampleKey) {
    String args = cmd.args().trim();
    String[] words = args.split("[\\s,\\uFF0C:\\uFF1A]+", 2);
    String first = words[0].replaceAll("[\\u3002.;\\uFF1B]+$", "");
    Long pid = ctx.actor().providerId();
    if (!first.isEmpty() && OrderWorkflow.ORDER_NO.matcher(first).matches()) {
      Optional<Order> o = workflow.find(ctx.handle(), first);
      if (o.isPresent()) {
        if (pid == null || o.get().providerId() != pid) {
          return Lookup.refused(Outcome.refused(ctx.m("order-commands.provider-order.1", "orderNo", o.get().orderNo(),
              "accountId", ctx.actor().accountId()), ctx.m("order-commands.provider-order.2")));
        }
        return own(ctx, o.get(), words.length > 1 ? words[1] : "");
      }
    }
    List<Order> refunding = workflow.store().byProvider(ctx.handle(), pid, OrderStatus.REFUNDING);
    String subject = ctx.mail() == null || ctx.mail().subject() == null ? "" : ctx.mail().subject();
    List<Order> named = new ArrayList<>();
    Matcher m = WORD.matcher(subject);
    while (m.find()) {
      for (Order o : refunding) {
        if (o.orderNo().equals(m.group()) && !named.contains(o)) {
          named.add(o);
        }
      }
    }
    List<Order> candidates = named.isEmpty() ? refunding : named;
    if (candidates.size() == 1) {
      return own(ctx, candidates.get(0), args);
    }
    String example = ctx.m(exampleKey, "no", candidates.isEmpty() ? "20261128000123" : candidates.get(0).orderNo());
    return Lookup.refused(Outcome.refused(candidates.isEmpty() ? ctx.m("refund.refusal.none-open")
        : ctx.m("refund.refusal.which", "orders", String.join(", ", candidates.stream().map(Order::orderNo).toList())), example));
  }

  private Lookup<Target, Outcome> own(CommandContext ctx, Order o, String rest) {
    workflow.store().setProviderLanguage(ctx.handle(), o.orderNo(), ctx.language().code());
    return Lookup.found(new Target(workflow.find(ctx.handle(), o.orderNo()).orElseThrow(), rest));
  }

  private Optional<Order> lookup(CommandContext ctx, String no) {
    if (no.isEmpty() || !OrderWorkflow.ORDER_NO.matcher(no).matches()) {
      return Optional.empty();
    }
    return workflow.find(ctx.handle(), no);
  }

  // ---------------------------------------------------------------- the operators' review

  /**
   * Opens the refund review in the buyer's name (the buyer asked for the refund; operators decide
   * it), so no operator is its asker and the outcome mails go out from {@link OrderWorkflow}.
   */
  private Review openReview(Handle h, Order o, Long inboundId) {
    Refund r = workflow.refunds().open(h, o.orderNo()).orElseThrow();
    Reviews.Requester buyer = new Reviews.Requester(ActedBy.mail(o.buyerEmail(), inboundId), Language.of(o.buyerLang()),
        o.buyerEmail());
    Catalog words = mailer.catalog();
    Change answer = r.declineReason() == null
        ? Change.words(words, "refund.answer", null, Message.of("refund.review.silent", "days",
            workflow.config().refundAnswerWithinWorkingDays))
        : Change.of(words, "refund.answer", null, r.declineReason());
    String payload = "{\"orderNo\":\"" + o.orderNo().replace("\"", "") + "\",\"refundId\":" + r.id() + "}";
    return reviews.submit(h, buyer, new Reviews.Submission(KIND, o.orderNo(), o.providerId(),
        Message.of("refund.review.title", "orderNo", o.orderNo(), "amount", Money.formatYuan(r.amount())),
        payload,
        List.of(Change.words(words, "refund.decision", null, Message.of("refund.review.decision",
                "amount", Money.formatYuan(r.amount()), "state", Message.of(r.before().labelKey()))),
            Change.of(words, "refund.amount", null, Money.formatYuan(r.amount()) + " / " + Money.formatYuan(o.price())),
            Change.of(words, "refund.refunded", null, Money.formatYuan(o.refundedAmount())),
            Change.of(words, "refund.reason", null, r.reason()),
            answer,
            Change.of(words, "provider", null, o.accountId())),
        REVIEW_DAYS));
  }

  /** The refund review kind: approve pays the amount asked, reject pays nothing. */
  ReviewKind reviewKind() {
    return new ActionReviewKind(KIND,
        (d, review) -> workflow.decideRefund(d.handle(), d.by(), review.subject(), true, review.decisionNote()),
        (d, review) -> workflow.decideRefund(d.handle(), d.by(), review.subject(), false, review.decisionNote()),
        true);
  }

  // ---------------------------------------------------------------- the deadline

  /** Sends each request left unanswered past its deadline to operators, once. */
  Scheduler.Job timer(Jdbi jdbi) {
    return new Scheduler.Job() {
      @Override
      public String name() {
        return "refunds";
      }

      @Override
      public void tick(Instant now) {
        long t = now.toEpochMilli();
        for (Refund r : jdbi.withHandle(h -> workflow.refunds().overdue(h, t))) {
          try {
            jdbi.useTransaction(h -> {
              if (workflow.refundOverdue(h, r, t)) {
                Order o = workflow.find(h, r.orderNo()).orElseThrow();
                Review review = openReview(h, o, null);
                workflow.refundReviewOpened(h, ActedBy.TIMER, o.orderNo(), review.id());
              }
            });
          } catch (RuntimeException e) {
            log.error("refund deadline of order {} failed; it is tried again on the next tick", r.orderNo(), e);
          }
        }
      }
    };
  }

  private static ActedBy by(CommandContext ctx) {
    return ctx.actedBy();
  }
}
