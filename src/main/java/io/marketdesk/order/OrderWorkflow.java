package io.marketdesk.order;

import io.marketdesk.command.TeamRole;
import io.marketdesk.audit.ActedBy;
import io.marketdesk.audit.AuditLog;
import io.marketdesk.calendar.WorkingDayCalendar;
import io.marketdesk.text.Language;
import io.marketdesk.config.Config;
import io.marketdesk.identity.Directory;
import io.marketdesk.identity.Provider;
import io.marketdesk.mime.ParsedMail;
import io.marketdesk.money.Money;
import io.marketdesk.order.OrderStore.Stamp;
import io.marketdesk.outbox.Mailer;
import io.marketdesk.outbox.OutgoingMail;
import io.marketdesk.product.ProductLookup;
import io.marketdesk.schedule.Scheduler;
import io.marketdesk.template.Catalog;
import io.marketdesk.text.Dates;
import io.marketdesk.text.Message;
import io.marketdesk.text.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * The order life cycle of docs/orders.md, one method per event, each in the caller's transaction: the feed
 * (created, paid, cancelled), the provider's start/done/remind, the buyer's requirement forms,
 * confirmation, rejection and appeal, the timers, and the appeal decision. Every change is a
 * compare-and-set on the state, writes the audit log, and mails the other side (never the person who
 * acted: their reply says it). Mails to the buyer speak the buyer-side labels. Stateless and
 * thread-safe.
 */
public final class OrderWorkflow {
  /** Order numbers: letters, digits, '-' and '_', 4 to 40 characters. */
  public static final Pattern ORDER_NO = Pattern.compile("[A-Za-z0-9_-]{4,40}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[A-Za-z0-9.-]{1,250}\\.[A-Za-z]{2,}");
  /** The days a provider may stay idle before the buyer may appeal (docs/orders.md). */
  public static final int APPEAL_IDLE_DAYS = 5;
  /** The rejections after which the buyer may appeal (docs/orders.md). */
  public static final int APPEAL_REJECTIONS = 3;
  /** The working days operators have to decide an appeal. */
  public static final int APPEAL_REVIEW_DAYS = 3;

  /**
   * A state change of an order (docs/orders.md): the states it leaves, the state it reaches, what
   * it stamps, the action the audit log names, and the template mailed to the buyer and to the
   * provider ({@code null}: none). {@link #move} runs one; each event checks first what only it
   * refuses.
   */
  private record Move(Set<OrderStatus> from, OrderStatus to, Stamp stamp, String action, String buyerMail,
      String providerMail) {
    Move(OrderStatus from, OrderStatus to, Stamp stamp, String action, String buyerMail, String providerMail) {
      this(EnumSet.of(from), to, stamp, action, buyerMail, providerMail);
    }
  }

  private static final Move PAY_OPS = new Move(OrderStatus.UNPAID, OrderStatus.PAID, Stamp.PAID, "paid",
      "order-paid", "provider-order-paid");
  private static final Move PAY_AND_COMPLETE = new Move(OrderStatus.UNPAID, OrderStatus.COMPLETED, Stamp.PAID_COMPLETED,
      "paid", "order-completed", "provider-order-paid");
  private static final Move CANCEL = new Move(OrderStatus.UNPAID, OrderStatus.CANCELLED, Stamp.CANCELLED, "cancelled",
      null, "provider-order-cancelled");
  private static final Move START = new Move(OrderStatus.PAID, OrderStatus.IMPLEMENTING, Stamp.STARTED, "started",
      "order-implementing", null);
  private static final Move DONE = new Move(OrderStatus.IMPLEMENTING, OrderStatus.AWAITING_CONFIRMATION, Stamp.DONE,
      "done", "order-awaiting", null);
  private static final Move UNDO_START = new Move(OrderStatus.IMPLEMENTING, OrderStatus.PAID, Stamp.START_UNDONE,
      "undo start", "order-undone", null);
  private static final Move UNDO_DONE = new Move(OrderStatus.AWAITING_CONFIRMATION, OrderStatus.IMPLEMENTING,
      Stamp.DONE_UNDONE, "undo done", "order-undone", null);
  private static final Move CONFIRM = new Move(OrderStatus.AWAITING_CONFIRMATION, OrderStatus.COMPLETED,
      Stamp.COMPLETED, "confirmed", null, "provider-order-confirmed");
  private static final Move AUTO_CONFIRM = new Move(OrderStatus.AWAITING_CONFIRMATION, OrderStatus.COMPLETED,
      Stamp.COMPLETED, "auto-confirmed", "order-completed", "provider-order-confirmed");
  private static final Move REJECT = new Move(OrderStatus.AWAITING_CONFIRMATION, OrderStatus.IMPLEMENTING,
      Stamp.REJECTED, "rejected", null, "provider-order-rejected");
  private static final Move START_TIMEOUT = new Move(OrderStatus.PAID, OrderStatus.CANCELLED, Stamp.CANCELLED_REFUND,
      "start timeout", "order-cancelled-timeout", "provider-order-cancelled-timeout");
  private static final Move FREEZE = new Move(EnumSet.of(OrderStatus.PAID, OrderStatus.IMPLEMENTING,
      OrderStatus.AWAITING_CONFIRMATION), OrderStatus.DISPUTED, Stamp.DISPUTED, "appealed", null, null);
  private static final Move APPEAL_UPHELD = new Move(OrderStatus.DISPUTED, OrderStatus.CANCELLED,
      Stamp.CANCELLED_REFUND, "appeal upheld", null, "provider-order-appeal-decided");
  private static final Move RESUME_PAID = new Move(OrderStatus.DISPUTED, OrderStatus.PAID, Stamp.RESUMED,
      "appeal dismissed", null, "provider-order-appeal-decided");
  private static final Move RESUME_IMPLEMENTING = new Move(OrderStatus.DISPUTED, OrderStatus.IMPLEMENTING,
      Stamp.RESUMED, "appeal dismissed", null, "provider-order-appeal-decided");
  private static final Move RESUME_AWAITING = new Move(OrderStatus.DISPUTED, OrderStatus.AWAITING_CONFIRMATION,
      Stamp.RESUMED_AWAITING, "appeal dismissed", null, "provider-order-appeal-decided");
  /** The states a buyer may ask for a refund in. */
  public static final Set<OrderStatus> REFUNDABLE =
      EnumSet.of(OrderStatus.PAID, OrderStatus.IMPLEMENTING, OrderStatus.AWAITING_CONFIRMATION);
  private static final Move REQUEST_REFUND = new Move(REFUNDABLE, OrderStatus.REFUNDING, Stamp.NONE,
      "refund requested", null, null);

  /** What a move's mails say beyond the order itself (a deadline, a reason), from the order after it. */
  private interface Dress {
    OrderMail.Builder dress(OrderMail.Builder m, Order after);
  }

  private static final Dress PLAIN = (m, after) -> m;

  private final OrderStore store;
  private final ProductLookup products;
  private final Directory directory;
  private final Mailer mailer;
  private final AuditLog audit;
  private final Clock clock;
  private final Config config;
  private final WorkingDayCalendar calendar;

  public OrderWorkflow(OrderStore store, ProductLookup products, Directory directory, Mailer mailer, AuditLog audit,
      Clock clock, Config config, WorkingDayCalendar calendar) {
    this.store = store;
    this.products = products;
    this.directory = directory;
    this.mailer = mailer;
    this.audit = audit;
    this.clock = clock;
    this.config = config;
    this.calendar = calendar;
  }

  public OrderStore store() {
    return store;
  }

  public Config config() {
    return config;
  }

  public Optional<Order> find(Handle h, String orderNo) {
    return orderNo == null ? Optional.empty() : store.find(h, orderNo.trim());
  }

  // ---------------------------------------------------------------- the feed

  /**
   * A new order from the marketplace. The same order again is answered unchanged; a different one
   * under a used number is a conflict; the product must exist and be listed.
   *
   * @param price the price as written ("880.00", "¥880")
   * @param lang zh or en, the buyer's language for mails (null: zh)
   */
  public OrderResult create(Handle h, ActedBy by, String orderNo, String productId, String buyerEmail, String price, String lang) {
    if (orderNo == null || !ORDER_NO.matcher(orderNo.trim()).matches()) {
      return bad(Message.of("order.create.4"));
    }
    if (productId == null || productId.isBlank()) {
      return bad(Message.of("order.create.5"));
    }
    String email = buyerEmail == null ? "" : buyerEmail.trim().toLowerCase(Locale.ROOT);
    if (!EMAIL.matcher(email).matches()) {
      return bad(Message.of("order.create.6"));
    }
    Optional<Long> minor = Money.parseMinor(price);
    if (minor.isEmpty() || minor.get() <= 0) {
      return bad(Message.of("order.create.7"));
    }
    if (lang != null && !lang.isBlank() && !lang.equals("zh") && !lang.equals("en")) {
      return bad(Message.of("order.create.8"));
    }
    String no = orderNo.trim();
    Optional<Order> existing = store.find(h, no);
    Optional<ProductLookup.ProductInfo> product = products.find(h, productId);
    if (existing.isPresent()) {
      Order o = existing.get();
      boolean same = product.isPresent() && o.productId().equals(product.get().id()) && o.buyerEmail().equals(email)
          && o.originalPrice() == minor.get();
      if (same) {
        return OrderResult.unchanged(o);
      }
      return OrderResult.refused(Refusal.conflict("order.create.1", "no", no));
    }
    if (product.isEmpty()) {
      return OrderResult.refused(Refusal.rule("order.create.2", "productId", productId));
    }
    if (!product.get().listed()) {
      return OrderResult.refused(Refusal.rule("order.create.3", "id", product.get().id(), "status", product.get().status()));
    }
    long now = clock.millis();
    store.insert(h, no, product.get().id(), product.get().providerId(), email, minor.get(),
        lang == null || lang.isBlank() ? "zh" : lang, now);
    Order o = store.find(h, no).orElseThrow();
    record(h, by, o, "created", null, "unpaid " + o.priceText());
    return OrderResult.changed(o);
  }

  /**
   * The payment event: an ops order becomes paid (the buyer is told how to submit a requirement
   * form, the provider that it may start); any other type completes at once. Paid twice: unchanged.
   */
  public OrderResult paid(Handle h, ActedBy by, String orderNo) {
    return fed(h, orderNo).then(o -> {
      if (o.status() == OrderStatus.CANCELLED) {
        return OrderResult.refused(Refusal.conflict("order.paid.1", "orderNo", o.orderNo()));
      }
      if (o.status() != OrderStatus.UNPAID) {
        return OrderResult.unchanged(o);
      }
      return changedOrStale(h, o, move(h, by, o, o.ops() ? PAY_OPS : PAY_AND_COMPLETE, clock.millis(), null,
          (m, after) -> m.deadline(after.ops() ? startDeadline(after) : "")));
    });
  }

  /** The cancellation event: unpaid orders only; cancelled twice: unchanged. The provider is told. */
  public OrderResult cancel(Handle h, ActedBy by, String orderNo) {
    return fed(h, orderNo).then(o -> {
      if (o.status() == OrderStatus.CANCELLED) {
        return OrderResult.unchanged(o);
      }
      if (o.status() != OrderStatus.UNPAID) {
        return OrderResult.refused(Refusal.conflict("order.cancel.1", "orderNo", o.orderNo(), "status",
            Message.of(o.status().labelKey())));
      }
      return changedOrStale(h, o, move(h, by, o, CANCEL, clock.millis(), null, PLAIN));
    });
  }

  /** The order a feed event names, or the refusal: there is none. */
  private Lookup<Order, OrderResult> fed(Handle h, String orderNo) {
    Optional<Order> found = find(h, orderNo);
    return found.isPresent() ? Lookup.found(found.get()) : Lookup.refused(notFound(orderNo));
  }

  // ---------------------------------------------------------------- the provider

  /** 开始实施: paid -> implementing; the buyer is told. */
  public OrderResult start(Handle h, ActedBy by, Order o) {
    if (o.status() != OrderStatus.PAID) {
      return wrongState(o, "start", OrderStatus.PAID);
    }
    return changedOrStale(h, o, move(h, by, o, START, clock.millis(), null, PLAIN));
  }

  /** 已完成: implementing -> awaiting confirmation; the buyer is told how to confirm. */
  public OrderResult done(Handle h, ActedBy by, Order o) {
    if (o.status() != OrderStatus.IMPLEMENTING) {
      return wrongState(o, "done", OrderStatus.IMPLEMENTING);
    }
    return changedOrStale(h, o, move(h, by, o, DONE, clock.millis(), null,
        (m, after) -> m.deadline(autoConfirmDay(after))));
  }

  /**
   * 撤销 of 开始实施 (docs/undo.md): implementing -> paid, as it was before, with the start clock of the
   * payment; the buyer, who was told it started, is told. The caller checks the undo window.
   */
  public OrderResult undoStart(Handle h, ActedBy by, Order o) {
    return changedOrStale(h, o, move(h, by, o, UNDO_START, clock.millis(), null, PLAIN));
  }

  /** 撤销 of 已完成 (docs/undo.md): awaiting confirmation -> implementing; the buyer is told. */
  public OrderResult undoDone(Handle h, ActedBy by, Order o) {
    return changedOrStale(h, o, move(h, by, o, UNDO_DONE, clock.millis(), null, PLAIN));
  }

  /** 催促确认: awaiting confirmation only, at most once per 24 hours per order. */
  public OrderResult remind(Handle h, ActedBy by, Order o) {
    if (o.status() != OrderStatus.AWAITING_CONFIRMATION) {
      return wrongState(o, "remind", OrderStatus.AWAITING_CONFIRMATION);
    }
    long now = clock.millis();
    if (o.lastReminderAt() != null && now - o.lastReminderAt() < Duration.ofHours(24).toMillis()) {
      String next = timeText(o.lastReminderAt() + Duration.ofHours(24).toMillis());
      return OrderResult.refused(Refusal.rule("order.remind.1", "orderNo", o.orderNo(), "next", next));
    }
    store.setLastReminder(h, o.orderNo(), now);
    Order after = store.find(h, o.orderNo()).orElseThrow();
    record(h, by, after, "reminded", null, "reminder to buyer");
    mailBuyer(h, by, after, "order-reminder", model(h, after).deadline(autoConfirmDay(after)));
    return OrderResult.changed(after);
  }

  // ---------------------------------------------------------------- the buyer

  /** 提交需求单: paid or implementing; text and attachments kept and forwarded to the provider. */
  public OrderResult requirement(Handle h, ActedBy by, Order o, String text, List<ParsedMail.Attachment> attachments) {
    if (o.status() != OrderStatus.PAID && o.status() != OrderStatus.IMPLEMENTING) {
      return OrderResult.refused(Refusal.conflict("order.requirement.1", "orderNo", o.orderNo(), "buyerStatus", Message.of(o.status().buyerLabelKey())));
    }
    String body = text == null ? "" : text.strip();
    if (body.isEmpty() && attachments.isEmpty()) {
      return OrderResult.refused(Refusal.badInput("order.requirement.2"));
    }
    long now = clock.millis();
    long id = store.addRequirement(h, o.orderNo(), by.who(), by.inboundId(), body, now);
    List<OrderMail.AttachmentLine> lines = new ArrayList<>();
    List<OutgoingMail.FileAttachment> forwarded = new ArrayList<>();
    for (ParsedMail.Attachment a : attachments) {
      boolean storable = !a.tooLarge() && a.data() != null && a.size() <= config.maxAttachmentBytes;
      String name = a.filename() == null || a.filename().isBlank() ? "attachment" : a.filename();
      String type = cut(a.contentType() == null ? "application/octet-stream" : a.contentType(), 200);
      store.addAttachment(h, id, cut(name, 300), type, a.size(), storable ? a.data() : null);
      lines.add(new OrderMail.AttachmentLine(name, sizeText(a.size()), storable));
      if (storable) {
        forwarded.add(new OutgoingMail.FileAttachment(cut(name, 300), type, a.data()));
      }
    }
    record(h, by, o, "requirement", null, "form " + id + " with " + attachments.size() + " attachment(s)");
    mailProvider(h, by, o, "provider-order-requirement", model(h, o).text(body).attachments(lines), forwarded);
    return OrderResult.changed(o);
  }

  /** 确认完成: awaiting confirmation -> completed; the provider is told. */
  public OrderResult confirm(Handle h, ActedBy by, Order o) {
    if (o.status() != OrderStatus.AWAITING_CONFIRMATION) {
      return OrderResult.refused(Refusal.conflict("order.confirm.1", "orderNo", o.orderNo(), "buyerStatus", Message.of(o.status().buyerLabelKey())));
    }
    return changedOrStale(h, o, move(h, by, o, CONFIRM, clock.millis(), null, PLAIN));
  }

  /** 验收不通过: awaiting confirmation -> implementing; the provider gets the reason. */
  public OrderResult reject(Handle h, ActedBy by, Order o, String reason) {
    if (o.status() != OrderStatus.AWAITING_CONFIRMATION) {
      return OrderResult.refused(Refusal.conflict("order.reject.1", "orderNo", o.orderNo(), "buyerStatus", Message.of(o.status().buyerLabelKey())));
    }
    if (reason == null || reason.isBlank()) {
      return OrderResult.refused(Refusal.badInput("order.reject.2"));
    }
    String why = reason.strip();
    return changedOrStale(h, o, move(h, by, o, REJECT, clock.millis(), "implementing: " + why,
        (m, after) -> m.reason(why)));
  }

  /**
   * Whether the buyer may appeal now (docs/orders.md): after {@value #APPEAL_REJECTIONS} rejections, or when
   * the provider has not acted for {@value #APPEAL_IDLE_DAYS} days on a paid or implementing order.
   *
   * @return empty when allowed, else the refusal
   */
  public Optional<OrderResult> appealRefusal(Order o) {
    boolean open = o.status() == OrderStatus.PAID || o.status() == OrderStatus.IMPLEMENTING
        || o.status() == OrderStatus.AWAITING_CONFIRMATION;
    if (!open) {
      return Optional.of(OrderResult.refused(Refusal.conflict("order.appeal-refusal.1", "orderNo", o.orderNo(), "buyerStatus", Message.of(o.status().buyerLabelKey()))));
    }
    if (o.rejections() >= APPEAL_REJECTIONS) {
      return Optional.empty();
    }
    long now = clock.millis();
    long since = o.waitingSince() != null ? o.waitingSince() : o.paidAt() != null ? o.paidAt() : o.createdAt();
    long allowedAt = since + Duration.ofDays(APPEAL_IDLE_DAYS).toMillis();
    boolean idle = o.status() != OrderStatus.AWAITING_CONFIRMATION && now >= allowedAt;
    if (idle) {
      return Optional.empty();
    }
    String when = o.status() == OrderStatus.AWAITING_CONFIRMATION ? "" : timeText(allowedAt);
    return Optional.of(OrderResult.refused(Refusal.rule("order.appeal-refusal.2", "idleDays", APPEAL_IDLE_DAYS, "rejectionsNeeded", APPEAL_REJECTIONS, "rejections", o.rejections(), "when", when)));
  }

  /**
   * Freezes an order for an appeal; the caller opens the review and then calls {@link
   * #appealOpened}.
   */
  public OrderResult freeze(Handle h, ActedBy by, Order o, String reason) {
    Optional<OrderResult> refusal = appealRefusal(o);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    if (reason == null || reason.isBlank()) {
      return OrderResult.refused(Refusal.badInput("order.freeze.1"));
    }
    return changedOrStale(h, o, move(h, by, o, FREEZE, clock.millis(), "disputed: " + reason.strip(), PLAIN));
  }

  /** Records the appeal review on the frozen order and tells the provider. */
  public void appealOpened(Handle h, ActedBy by, Order frozen, long reviewId, String reason) {
    store.setDisputeReview(h, frozen.orderNo(), reviewId);
    mailProvider(h, by, frozen, "provider-order-appealed", model(h, frozen).reason(reason.strip()).review(reviewId));
  }

  /**
   * The operators' decision on an appeal: upheld cancels the order with a refund flag, dismissed
   * resumes it in the state it was frozen in. The provider is mailed; the buyer gets the review
   * result mail.
   *
   * @return a note for the result mail, or null when the order was no longer disputed
   */
  public Message decideAppeal(Handle h, ActedBy by, String orderNo, boolean upheld, String note) {
    Optional<Order> found = find(h, orderNo);
    if (found.isEmpty() || found.get().status() != OrderStatus.DISPUTED) {
      return Message.of("order.appeal.not-disputed", "orderNo", orderNo);
    }
    Order o = found.get();
    String text = note == null ? "" : note;
    if (upheld) {
      return move(h, by, o, APPEAL_UPHELD, clock.millis(), "cancelled, refund", (m, after) -> m.refund(true).reason(text))
          .map(after -> Message.of("order.appeal.upheld", "orderNo", o.orderNo()))
          .orElseGet(() -> Message.of("order.appeal.not-disputed", "orderNo", orderNo));
    }
    OrderStatus resume = OrderStatus.of(o.statusBeforeDispute() == null ? "implementing" : o.statusBeforeDispute());
    Move back = resume == OrderStatus.PAID ? RESUME_PAID
        : resume == OrderStatus.AWAITING_CONFIRMATION ? RESUME_AWAITING : RESUME_IMPLEMENTING;
    return move(h, by, o, back, clock.millis(), null, (m, after) -> m.resumed(resume).reason(text))
        .map(after -> Message.of("order.appeal.dismissed", "orderNo", o.orderNo(), "state", Message.of(resume.labelKey())))
        .orElseGet(() -> Message.of("order.appeal.not-disputed", "orderNo", orderNo));
  }

  // ---------------------------------------------------------------- refunds (docs/after-the-sale.md)

  private final RefundStore refunds = new RefundStore();

  public RefundStore refunds() {
    return refunds;
  }

  /**
   * 申请退款: freezes a paid, implementing or awaiting-confirmation order as refunding and mails the
   * provider, who answers within refunds.answer-within working days.
   *
   * @param amount minor units, or null for all that is not yet refunded
   */
  public OrderResult requestRefund(Handle h, ActedBy by, Order o, Long amount, String reason) {
    if (!REFUNDABLE.contains(o.status())) {
      return OrderResult.refused(Refusal.conflict("refund.refusal.state", "orderNo", o.orderNo(),
          "buyerStatus", Message.of(o.status().buyerLabelKey())));
    }
    if (reason == null || reason.isBlank()) {
      return OrderResult.refused(Refusal.badInput("refund.refusal.reason"));
    }
    long remaining = o.price() - o.refundedAmount();
    long asked = amount == null ? remaining : amount;
    if (remaining <= 0 || asked <= 0 || asked > remaining) {
      return OrderResult.refused(Refusal.rule("refund.refusal.amount", "orderNo", o.orderNo(),
          "asked", Money.formatYuan(asked), "price", Money.formatYuan(o.price()),
          "refunded", Money.formatYuan(o.refundedAmount()),
          "remaining", Money.formatYuan(Math.max(0, remaining))));
    }
    long now = clock.millis();
    long due = calendar.due(Instant.ofEpochMilli(now), config.refundAnswerWithinWorkingDays, config.zone).toEpochMilli();
    Optional<Order> moved = move(h, by, o, REQUEST_REFUND, now, "refunding " + Money.format(asked), PLAIN);
    if (moved.isEmpty()) {
      return stale(h, o);
    }
    Order after = moved.get();
    long id = refunds.insert(h, o.orderNo(), asked, reason.strip(), by.who(), o.status(), now, due);
    Refund r = refunds.open(h, o.orderNo()).filter(x -> x.id() == id).orElseThrow();
    mailProviderModel(h, by, after, "provider-refund-requested", refundMail(h, after, r, "requested", ""));
    return OrderResult.changed(after);
  }

  /** The open refund request of a refunding order, or the refusal. */
  public Lookup<Refund, OrderResult> openRefund(Handle h, Order o) {
    Optional<Refund> r = refunds.open(h, o.orderNo());
    if (o.status() != OrderStatus.REFUNDING || r.isEmpty()) {
      return Lookup.refused(OrderResult.refused(Refusal.conflict("refund.refusal.not-refunding", "orderNo", o.orderNo(),
          "status", Message.of(o.status().labelKey()))));
    }
    if (!r.get().status().equals("asked")) {
      return Lookup.refused(OrderResult.refused(Refusal.conflict("refund.refusal.with-operators", "orderNo", o.orderNo(),
          "reviewId", r.get().reviewId() == null ? 0 : r.get().reviewId())));
    }
    return Lookup.found(r.get());
  }

  /** 同意退款: the provider accepts; the buyer is told. */
  public OrderResult acceptRefund(Handle h, ActedBy by, Order o) {
    return openRefund(h, o).then(r -> {
      if (!refunds.move(h, r.id(), "asked", "accepted", clock.millis(), null)) {
        return stale(h, o);
      }
      Order after = settleRefund(h, by, o, r, true, "refund accepted");
      mailBuyerModel(h, by, after, "refund-result", refundMail(h, after, r, "accepted", ""));
      return OrderResult.changed(after);
    });
  }

  /**
   * 拒绝退款: the provider declines with a reason; the caller opens the operators' review and calls
   * {@link #refundReviewOpened}.
   */
  public OrderResult declineRefund(Handle h, ActedBy by, Order o, String reason) {
    return openRefund(h, o).then(r -> {
      if (reason == null || reason.isBlank()) {
        return OrderResult.refused(Refusal.badInput("refund.refusal.decline-reason"));
      }
      if (!refunds.move(h, r.id(), "asked", "review", clock.millis(), reason.strip())) {
        return stale(h, o);
      }
      record(h, by, o, "refund declined", "refunding", "refunding, to operators: " + reason.strip());
      return OrderResult.changed(o);
    });
  }

  /**
   * A request the provider left unanswered past its deadline goes to operators: true when this call
   * claimed it (the caller then opens the review), false when it was answered or claimed already.
   */
  public boolean refundOverdue(Handle h, Refund r, long now) {
    if (now < r.answerDue() || !refunds.move(h, r.id(), "asked", "review", now, null)) {
      return false;
    }
    Order o = store.find(h, r.orderNo()).orElseThrow();
    record(h, ActedBy.TIMER, o, "refund unanswered", "refunding", "refunding, to operators after "
        + config.refundAnswerWithinWorkingDays + " working days");
    return true;
  }

  /** Records the operators' review on the request and tells the buyer (and the provider when silent). */
  public void refundReviewOpened(Handle h, ActedBy by, String orderNo, long reviewId) {
    Order o = store.find(h, orderNo).orElseThrow();
    Refund r = refunds.open(h, orderNo).orElseThrow();
    refunds.setReview(h, r.id(), reviewId);
    Refund fresh = refunds.open(h, orderNo).orElseThrow();
    String outcome = fresh.declineReason() == null ? "silent" : "declined";
    mailBuyerModel(h, by, o, "refund-review", refundMail(h, o, fresh, outcome, ""));
    if (outcome.equals("silent")) {
      mailProviderModel(h, by, o, "provider-refund-review", refundMail(h, o, fresh, outcome, ""));
    }
  }

  /**
   * The operators' decision on a refund review: approved refunds the amount asked, rejected refunds
   * nothing; either way both sides are mailed.
   *
   * @return a note for the operator's reply
   */
  public Message decideRefund(Handle h, ActedBy by, String orderNo, boolean approve, String note) {
    Optional<Order> found = find(h, orderNo);
    Optional<Refund> open = found.isEmpty() ? Optional.empty() : refunds.open(h, orderNo);
    if (found.isEmpty() || found.get().status() != OrderStatus.REFUNDING || open.isEmpty()
        || !open.get().status().equals("review")) {
      return Message.of("refund.decided.not-refunding", "orderNo", orderNo);
    }
    Order o = found.get();
    Refund r = open.get();
    if (!refunds.move(h, r.id(), "review", approve ? "approved" : "rejected", clock.millis(), null)) {
      return Message.of("refund.decided.not-refunding", "orderNo", orderNo);
    }
    Order after = settleRefund(h, by, o, r, approve, approve ? "refund approved" : "refund rejected");
    String outcome = approve ? "approved" : "rejected";
    String text = note == null ? "" : note.strip();
    mailBuyerModel(h, by, after, "refund-result", refundMail(h, after, r, outcome, text));
    mailProviderModel(h, by, after, "provider-refund-result", refundMail(h, after, r, outcome, text));
    return Message.of("refund.decided." + outcome, "orderNo", orderNo, "amount",
        Money.formatYuan(r.amount()), "state", Message.of(after.status().labelKey()));
  }

  /** Pays (or not) the request and moves the order out of refunding: refunded when all is paid back. */
  private Order settleRefund(Handle h, ActedBy by, Order o, Refund r, boolean pay, String action) {
    long now = clock.millis();
    long refunded = o.refundedAmount() + (pay ? r.amount() : 0);
    OrderStatus to = refunded >= o.price() ? OrderStatus.REFUNDED : r.before();
    // the frozen days do not count against anyone: the provider's idle time and auto-confirm restart
    Stamp resumed = to == OrderStatus.REFUNDED ? Stamp.NONE
        : to == OrderStatus.AWAITING_CONFIRMATION ? Stamp.RESUMED_AWAITING : Stamp.RESUMED;
    store.refundSettled(h, o.orderNo(), to, resumed, refunded, now);
    Order after = store.find(h, o.orderNo()).orElseThrow();
    record(h, by, after, action, "refunding", to.code() + ", refunded " + Money.format(refunded));
    return after;
  }

  private RefundMail refundMail(Handle h, Order o, Refund r, String outcome, String note) {
    Provider p = directory.provider(h, o.providerId()).orElseThrow();
    return new RefundMail(o.orderNo(), o.productId(), o.productName() == null ? o.productId() : o.productName(),
        Money.formatYuan(o.price()), Money.formatYuan(r.amount()), Money.formatYuan(o.refundedAmount()), o.refundedAmount() >= o.price(), r.reason(),
        r.declineReason() == null ? "" : r.declineReason(), note, outcome, r.before().code(), o.status().code(),
        o.buyerEmail(), p.companyName(), o.accountId(), config.mailAddress,
        dateText(r.answerDue() - 1), config.refundAnswerWithinWorkingDays, r.reviewId() == null ? 0 : r.reviewId());
  }

  private void mailBuyerModel(Handle h, ActedBy by, Order o, String template, Object model) {
    if (by.who().equalsIgnoreCase(o.buyerEmail())) {
      return;
    }
    Order fresh = store.find(h, o.orderNo()).orElse(o);
    mailer.send(h, lang(fresh.buyerLang()), fresh.buyerEmail(), template, model, null, by.inboundId());
  }

  private void mailProviderModel(Handle h, ActedBy by, Order o, String template, Object model) {
    mailProviderModel(h, by, o, template, model, List.of());
  }

  /** Mails the order's people at its provider (but the actor), with files forwarded. */
  private void mailProviderModel(Handle h, ActedBy by, Order o, String template, Object model,
      List<OutgoingMail.FileAttachment> files) {
    Order fresh = store.find(h, o.orderNo()).orElse(o);
    for (String address : orderPeople(h, o)) {
      if (!address.equalsIgnoreCase(by.who())) {
        mailer.send(h, lang(fresh.providerLang()), address, template, model, null, by.inboundId(), files);
      }
    }
  }

  /**
   * The addresses of the order's provider that get its order mail: every member but those whose team
   * role is {@code products} (docs/teams.md), in address order.
   */
  private List<String> orderPeople(Handle h, Order o) {
    return directory.members(h, o.providerId()).stream().filter(m -> m.role() != TeamRole.PRODUCTS)
        .map(Directory.Member::address).sorted().toList();
  }

  // ---------------------------------------------------------------- timers

  /** The automatic reminder after orders.remind-after working days; once per delivery. */
  public boolean autoRemind(Handle h, Order o, long now) {
    if (o.status() != OrderStatus.AWAITING_CONFIRMATION || o.doneAt() == null) {
      return false;
    }
    Instant due = calendar.due(Instant.ofEpochMilli(o.doneAt()), config.remindAfterWorkingDays, config.zone);
    if (now < due.toEpochMilli()) {
      return false;
    }
    if (!Scheduler.once(h, "orders.auto-remind", o.orderNo() + "@" + o.doneAt(), now)) {
      return false;
    }
    if (o.lastReminderAt() != null && now - o.lastReminderAt() < Duration.ofHours(24).toMillis()) {
      return false;
    }
    store.setLastReminder(h, o.orderNo(), now);
    ActedBy by = ActedBy.TIMER;
    record(h, by, o, "auto-reminded", null, "reminder to buyer after " + config.remindAfterWorkingDays + " working days");
    mailBuyer(h, by, o, "order-reminder", model(h, o).auto(true).deadline(autoConfirmDay(o)));
    return true;
  }

  /** Auto-confirm after orders.auto-confirm-after days (0 = never); both sides are told. */
  public boolean autoConfirm(Handle h, Order o, long now) {
    int days = config.autoConfirmAfterDays;
    if (days == 0 || o.status() != OrderStatus.AWAITING_CONFIRMATION || o.doneAt() == null
        || now < o.doneAt() + Duration.ofDays(days).toMillis()) {
      return false;
    }
    return move(h, ActedBy.TIMER, o, AUTO_CONFIRM, now, "completed after " + days + " days", (m, after) -> m.auto(true))
        .isPresent();
  }

  /** The days before the start deadline on which the provider is reminded: 3 and 1 day before. */
  public List<Integer> startReminderDays() {
    List<Integer> out = new ArrayList<>();
    for (int before : new int[] {3, 1}) {
      int day = config.startWithinDays - before;
      if (day >= 1 && !out.contains(day)) {
        out.add(day);
      }
    }
    return out;
  }

  /**
   * A paid ops order not started within orders.start-within days: reminders to the provider before,
   * then cancelled with a refund flag; both sides told.
   */
  public boolean startTimer(Handle h, Order o, long now) {
    if (o.status() != OrderStatus.PAID || o.paidAt() == null || !o.ops()) {
      return false;
    }
    long deadline = o.paidAt() + Duration.ofDays(config.startWithinDays).toMillis();
    ActedBy by = ActedBy.TIMER;
    if (now >= deadline) {
      return move(h, by, o, START_TIMEOUT, now, "cancelled, refund: not started within " + config.startWithinDays + " days",
          (m, after) -> m.refund(true)).isPresent();
    }
    List<Integer> days = startReminderDays();
    for (int i = days.size() - 1; i >= 0; i--) {
      int day = days.get(i);
      if (now >= o.paidAt() + Duration.ofDays(day).toMillis()) {
        // only the latest reminder that is due; earlier ones are claimed with it so none is sent late
        boolean sent = false;
        for (int k = 0; k <= i; k++) {
          boolean claimed = Scheduler.once(h, "orders.start-reminder",
              o.orderNo() + "@" + o.paidAt() + "#" + days.get(k), now);
          sent |= claimed && k == i;
        }
        if (sent) {
          record(h, by, o, "start reminder", null, "provider reminded on day " + day);
          mailProvider(h, by, o, "provider-order-start-reminder", model(h, o).deadline(startDeadline(o)));
        }
        return sent;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- the moves

  /**
   * Runs a move of the table: compare-and-set from the order's state, the order read again, the
   * audit row, then the mails of the move (never to the person who acted).
   *
   * @param auditAfter what the audit log says the order became, or null for the new state's code
   * @return the order after the move, or empty when it was no longer in a state the move leaves
   *     (another change came first)
   */
  private Optional<Order> move(Handle h, ActedBy by, Order o, Move m, long now, String auditAfter, Dress dress) {
    OrderStatus from = o.status();
    if (!m.from().contains(from) || !store.transition(h, o.orderNo(), from, m.to(), m.stamp(), now)) {
      return Optional.empty();
    }
    Order after = store.find(h, o.orderNo()).orElseThrow();
    record(h, by, after, m.action(), from.code(), auditAfter == null ? m.to().code() : auditAfter);
    if (m.buyerMail() != null) {
      mailBuyer(h, by, after, m.buyerMail(), dress.dress(model(h, after), after));
    }
    if (m.providerMail() != null) {
      mailProvider(h, by, after, m.providerMail(), dress.dress(model(h, after), after));
    }
    return Optional.of(after);
  }

  private OrderResult changedOrStale(Handle h, Order o, Optional<Order> after) {
    return after.map(OrderResult::changed).orElseGet(() -> stale(h, o));
  }

  // ---------------------------------------------------------------- mails

  public OrderMail.Builder model(Handle h, Order o) {
    Provider p = directory.provider(h, o.providerId()).orElseThrow();
    return new OrderMail.Builder(o, p.companyName(), config);
  }

  private void mailBuyer(Handle h, ActedBy by, Order o, String template, OrderMail.Builder m) {
    if (by.who().equalsIgnoreCase(o.buyerEmail())) {
      return;
    }
    Order fresh = store.find(h, o.orderNo()).orElse(o);
    mailer.send(h, lang(fresh.buyerLang()), fresh.buyerEmail(), template, m.build(), null, by.inboundId());
  }

  private void mailProvider(Handle h, ActedBy by, Order o, String template, OrderMail.Builder m) {
    mailProvider(h, by, o, template, m, List.of());
  }

  /** Mails the order's people at its provider (but the actor), with files forwarded. */
  private void mailProvider(Handle h, ActedBy by, Order o, String template, OrderMail.Builder m,
      List<OutgoingMail.FileAttachment> files) {
    mailProviderModel(h, by, o, template, m.build(), files);
  }

  /** A rejected delivery: when, and the buyer's reason exactly as written. */
  public record Rejection(long at, String reason) {}

  /** The buyer's rejected deliveries of an order, oldest first (from the audit log). */
  public List<Rejection> rejections(Handle h, String orderNo) {
    String prefix = OrderStatus.IMPLEMENTING.code() + ": ";
    return h.createQuery("SELECT at, after_state FROM audit_log WHERE entity = 'order' AND entity_id = :no"
            + " AND action = 'rejected' ORDER BY at, id")
        .bind("no", orderNo)
        .map((rs, c) -> {
          String after = rs.getString("after_state");
          return new Rejection(rs.getLong("at"), after != null && after.startsWith(prefix) ? after.substring(prefix.length()) : "");
        })
        .list();
  }

  private void record(Handle h, ActedBy by, Order o, String action, String before, String after) {
    audit.record(h, by.who(), by.inboundId(), "order", o.orderNo(), action, before, after);
  }

  // ---------------------------------------------------------------- helpers

  /** The day the provider must have started by (yyyy-MM-dd, local). */
  public String startDeadline(Order o) {
    return o.paidAt() == null ? "" : dateText(o.paidAt() + Duration.ofDays(config.startWithinDays).toMillis());
  }

  /** The day the order completes by itself, or "" when auto-confirm is off. */
  public String autoConfirmDay(Order o) {
    if (config.autoConfirmAfterDays == 0 || o.doneAt() == null) {
      return "";
    }
    return dateText(o.doneAt() + Duration.ofDays(config.autoConfirmAfterDays).toMillis());
  }

  public String dateText(long millis) {
    return Dates.day(millis, config.zone);
  }

  public String timeText(long millis) {
    return Dates.minute(millis, config.zone);
  }

  public ZoneId zone() {
    return config.zone;
  }

  static String sizeText(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return (bytes + 1023) / 1024 + " KB";
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  private static OrderResult bad(Message reason) {
    return OrderResult.refused(new Refusal.BadInput(reason));
  }

  private static OrderResult notFound(String orderNo) {
    return OrderResult.refused(Refusal.notFound("order.not-found.1", "orderNo", orderNo));
  }

  private OrderResult stale(Handle h, Order o) {
    Order now = store.find(h, o.orderNo()).orElse(o);
    return OrderResult.refused(Refusal.conflict("order.stale.1", "orderNo", o.orderNo(), "status", Message.of(now.status().labelKey())));
  }

  private static OrderResult wrongState(Order o, String action, OrderStatus need) {
    return OrderResult.refused(Refusal.conflict("order.wrong-state.1", "orderNo", o.orderNo(),
        "status", Message.of(o.status().labelKey()), "need", Message.of(need.labelKey()),
        "action", Message.of("order.action." + action)));
  }

  static Language lang(String code) {
    return Language.of(code);
  }

  /** The message catalog, to word a refusal for the API and the CLI. */
  public Catalog catalog() {
    return mailer.catalog();
  }
}
