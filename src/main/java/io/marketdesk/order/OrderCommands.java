package io.marketdesk.order;

import io.marketdesk.audit.ActedBy;
import io.marketdesk.command.ActionCommand;
import io.marketdesk.command.AsWritten;
import io.marketdesk.command.CommandContext;
import io.marketdesk.command.CommandHandler;
import io.marketdesk.command.CommandSpec.Body;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.command.Role;
import io.marketdesk.confirm.Confirmable;
import io.marketdesk.confirm.Confirmations;
import io.marketdesk.identity.Directory;
import io.marketdesk.identity.Provider;
import io.marketdesk.mime.ParsedMail;
import io.marketdesk.money.Money;
import io.marketdesk.review.Change;
import io.marketdesk.review.Review;
import io.marketdesk.review.Reviews;
import io.marketdesk.text.Message;
import io.marketdesk.text.Refusal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The order commands of providers ({@code 订单列表}, {@code 订单详情}, {@code 开始实施}, {@code 已完成},
 * {@code 催促确认}) and buyers ({@code 提交需求单}, {@code 确认完成}, {@code 查询订单}, {@code 验收不通过},
 * {@code 申诉}), and the confirmations of start and done. Each checks that the order is the sender's
 * own and refuses with the reason and an example otherwise. Thread-safe.
 */
public final class OrderCommands {
  public static final String START = "order.start";
  public static final String DONE = "order.done";
  private static final String EXAMPLE_NO = "20261128000123";

  private final OrderWorkflow workflow;
  private final Confirmations confirmations;
  private final Reviews reviews;
  private final Directory directory;

  public OrderCommands(OrderWorkflow workflow, Confirmations confirmations, Reviews reviews, Directory directory) {
    this.workflow = workflow;
    this.confirmations = confirmations;
    this.reviews = reviews;
    this.directory = directory;
  }

  /** Every order command, in the order help lists them. */
  public List<CommandHandler> handlers() {
    Set<Role> provider = Set.of(Role.PROVIDER);
    Set<Role> buyer = Set.of(Role.BUYER);
    return List.of(
        new ActionCommand(new CommandSpec("order.list", provider, Body.NONE), false, this::list),
        new ActionCommand(new CommandSpec("order.view", provider, Body.NONE), false, this::view),
        new ActionCommand(new CommandSpec(START, provider, Body.NONE), true, this::start),
        new ActionCommand(new CommandSpec(DONE, provider, Body.NONE), true, this::done),
        new ActionCommand(new CommandSpec("order.remind", provider, Body.NONE), true, this::remind),
        new ActionCommand(new CommandSpec("order.requirements", buyer, Body.FREE_TEXT),
            true, this::requirements),
        new ActionCommand(new CommandSpec("order.confirm", buyer, Body.NONE), true,
            this::confirm),
        new ActionCommand(new CommandSpec("order.status", buyer, Body.NONE), false, this::status),
        new ActionCommand(new CommandSpec("order.reject", buyer, Body.FREE_TEXT), true,
            this::reject),
        new ActionCommand(new CommandSpec("order.appeal", buyer, Body.FREE_TEXT), true, this::appeal));
  }

  /** The confirmations of 开始实施 and 已完成. */
  public List<Confirmable> confirmables() {
    return List.of(confirmable(START, workflow::start), confirmable(DONE, workflow::done));
  }

  private interface ProviderAction {
    OrderResult run(org.jdbi.v3.core.Handle h, ActedBy by, Order o);
  }

  private Confirmable confirmable(String purpose, ProviderAction action) {
    return new Confirmable() {
      @Override
      public String purpose() {
        return purpose;
      }

      @Override
      public Outcome perform(CommandContext ctx, String subjectId, String payload) {
        return providerOrder(ctx, subjectId, example(ctx, purpose, subjectId)).then(o -> {
          OrderResult r = action.run(ctx.handle(), by(ctx), o);
          if (!r.ok()) {
            return refused(ctx, r, "");
          }
          Order after = r.order();
          return Outcome.done(purpose.equals(START)
              ? ctx.m("order-commands.perform.1", "orderNo", o.orderNo(), "buyerEmail", o.buyerEmail())
              : ctx.m("order-commands.perform.2", "orderNo", o.orderNo(), "buyerEmail", o.buyerEmail(), "autoText", autoText(ctx, after)));
        });
      }
    };
  }

  private String autoText(CommandContext ctx, Order o) {
    int days = workflow.config().autoConfirmAfterDays;
    String remind = ctx.m("order-commands.auto-text.1", "remindAfterWorkingDays", workflow.config().remindAfterWorkingDays);
    if (days == 0) {
      return remind + ctx.m("order-commands.auto-text.2");
    }
    return remind + ctx.m("order-commands.auto-text.3", "days", days, "autoConfirmDay", workflow.autoConfirmDay(o));
  }

  // ---------------------------------------------------------------- provider commands

  /**
   * The provider's order list, most urgent first (docs/orders.md): what waits for the provider under
   * a deadline, then what is under way, then what waits for others, then the finished; newest first
   * within each.
   */
  private static final List<OrderStatus> URGENCY = List.of(OrderStatus.REFUNDING, OrderStatus.PAID,
      OrderStatus.IMPLEMENTING, OrderStatus.DISPUTED, OrderStatus.AWAITING_CONFIRMATION, OrderStatus.UNPAID,
      OrderStatus.COMPLETED, OrderStatus.REFUNDED, OrderStatus.CANCELLED);

  private Outcome list(CommandContext ctx, ParsedCommand cmd) {
    OrderStatus filter = null;
    String arg = cmd.args().trim();
    if (!arg.isEmpty()) {
      Optional<OrderStatus> s = OrderStatus.parse(arg, ctx::words);
      if (s.isEmpty()) {
        return Outcome.refused(ctx.m("order-commands.list.1", "arg", arg),
            ctx.m("order-commands.list.2"));
      }
      filter = s.get();
    }
    List<Order> orders = new ArrayList<>(workflow.store().byProvider(ctx.handle(), ctx.actor().providerId(), filter));
    orders.sort(Comparator.comparingInt(o -> URGENCY.indexOf(o.status())));
    if (orders.isEmpty()) {
      return Outcome.done(filter == null ? ctx.m("order-commands.list.none")
          : ctx.m("order-commands.list.none-in-state", "state", ctx.m(filter.labelKey())));
    }
    StringBuilder sb = new StringBuilder(ctx.m("order-commands.list.3", "orders", orders.size()));
    for (Order o : orders) {
      sb.append('\n').append("· ").append(o.orderNo()).append("  ").append(o.productId()).append(' ')
          .append(o.productName() == null ? "" : o.productName()).append("  ").append(Money.formatYuan(o.price()))
          .append("  ").append(ctx.m(o.status().labelKey())).append("  ").append(o.buyerEmail())
          .append("  ").append(workflow.dateText(o.createdAt()));
      if (o.refundFlag()) {
        sb.append(ctx.m("order-commands.list.4"));
      }
    }
    sb.append('\n').append(ctx.m("order-commands.list.5"));
    return Outcome.done(sb.toString());
  }

  private Outcome view(CommandContext ctx, ParsedCommand cmd) {
    return providerOrder(ctx, orderNo(cmd), example(ctx, "order.view", orderNo(cmd))).then(o -> {
      StringBuilder sb = new StringBuilder();
      sb.append(ctx.m("order-commands.view.1")).append(o.orderNo()).append('\n');
      line(ctx, sb, ctx.m("order-commands.view.2"), o.productId() + " " + (o.productName() == null ? "" : o.productName()));
      line(ctx, sb, ctx.m("order-commands.view.3"), Money.formatYuan(o.price())
          + (o.price() != o.originalPrice() ? ctx.m("order-commands.view.4") + Money.formatYuan(o.originalPrice()) + ctx.m("order-commands.view.5") : ""));
      line(ctx, sb, ctx.m("order-commands.view.6"), ctx.m(o.status().labelKey()) + ctx.m("order-commands.view.7", "buyerLabel", ctx.m(o.status().buyerLabelKey())));
      line(ctx, sb, ctx.m("order-commands.view.8"), o.buyerEmail());
      line(ctx, sb, ctx.m("order-commands.view.9"), workflow.timeText(o.createdAt()));
      if (o.paidAt() != null) {
        line(ctx, sb, ctx.m("order-commands.view.10"), workflow.timeText(o.paidAt()));
      }
      if (o.status() == OrderStatus.PAID) {
        line(ctx, sb, ctx.m("order-commands.view.11"), workflow.startDeadline(o) + ctx.m("order-commands.view.12", "startWithinDays", workflow.config().startWithinDays));
      }
      if (o.startedAt() != null) {
        line(ctx, sb, ctx.m("order-commands.view.13"), workflow.timeText(o.startedAt()));
      }
      if (o.doneAt() != null) {
        line(ctx, sb, ctx.m("order-commands.view.14"), workflow.timeText(o.doneAt()));
      }
      if (o.completedAt() != null) {
        line(ctx, sb, ctx.m("order-commands.view.15"), workflow.timeText(o.completedAt()));
      }
      if (o.cancelledAt() != null) {
        line(ctx, sb, ctx.m("order-commands.view.16"), workflow.timeText(o.cancelledAt()) + (o.refundFlag() ? ctx.m("order-commands.view.17") : ""));
      }
      if (o.refundedAmount() > 0 || o.status() == OrderStatus.REFUNDING) {
        line(ctx, sb, ctx.m("refund.label.refunded"), Money.formatYuan(o.refundedAmount()));
      }
      if (o.rejections() > 0) {
        line(ctx, sb, ctx.m("order-commands.view.18"), String.valueOf(o.rejections()));
        for (OrderWorkflow.Rejection r : workflow.rejections(ctx.handle(), o.orderNo())) {
          sb.append(ctx.m("order-commands.view.rejection", "at", workflow.timeText(r.at()), "reason", r.reason())).append('\n');
        }
      }
      if (o.status() == OrderStatus.DISPUTED) {
        line(ctx, sb, ctx.m("order-commands.view.19"), ctx.m("order-commands.view.20", "disputeReviewId", o.disputeReviewId()));
      }
      List<OrderStore.Requirement> forms = workflow.store().requirements(ctx.handle(), o.orderNo());
      sb.append(ctx.m("order-commands.view.21")).append(forms.isEmpty() ? ctx.m("order-commands.view.22") : String.valueOf(forms.size())).append('\n');
      int n = 1;
      for (OrderStore.Requirement r : forms) {
        sb.append(ctx.m("order-commands.view.23")).append(n++).append(ctx.m("order-commands.view.24")).append(workflow.timeText(r.createdAt())).append('\n');
        if (!r.text().isEmpty()) {
          for (String l : r.text().split("\n")) {
            sb.append("    ").append(l).append('\n');
          }
        }
        for (OrderStore.Attachment a : r.attachments()) {
          sb.append(ctx.m("order-commands.view.25")).append(a.filename()).append(" (").append(OrderWorkflow.sizeText(a.size()))
              .append(a.stored() ? "" : ctx.m("order-commands.view.26")).append(")\n");
        }
      }
      sb.append(nextStep(ctx, o));
      return Outcome.done(sb.toString().stripTrailing());
    });
  }

  private String nextStep(CommandContext ctx, Order o) {
    switch (o.status()) {
      case PAID:
        return ctx.m("order-commands.next-step.1", "orderNo", o.orderNo());
      case IMPLEMENTING:
        return ctx.m("order-commands.next-step.2", "orderNo", o.orderNo());
      case AWAITING_CONFIRMATION:
        return ctx.m("order-commands.next-step.3", "orderNo", o.orderNo());
      default:
        return "";
    }
  }

  private static void line(CommandContext ctx, StringBuilder sb, String label, String value) {
    sb.append(ctx.m("label.line", "label", label, "value", value)).append('\n');
  }

  private Outcome start(CommandContext ctx, ParsedCommand cmd) {
    return providerOrder(ctx, orderNo(cmd), example(ctx, START, orderNo(cmd))).then(o -> {
      if (o.status() != OrderStatus.PAID) {
        return refused(ctx, workflow.start(ctx.handle(), by(ctx), o), "");
      }
      return confirmations.confirmOrAsk(ctx, cmd, START, o.orderNo(), null, ctx.m("order-commands.start.1", "orderNo", o.orderNo(), "productName", o.productName(), "price", Money.formatYuan(o.price()), "buyerEmail", o.buyerEmail()));
    });
  }

  private Outcome done(CommandContext ctx, ParsedCommand cmd) {
    return providerOrder(ctx, orderNo(cmd), example(ctx, DONE, orderNo(cmd))).then(o -> {
      if (o.status() != OrderStatus.IMPLEMENTING) {
        return refused(ctx, workflow.done(ctx.handle(), by(ctx), o), "");
      }
      return confirmations.confirmOrAsk(ctx, cmd, DONE, o.orderNo(), null, ctx.m("order-commands.done.1", "orderNo", o.orderNo(), "buyerEmail", o.buyerEmail()));
    });
  }

  private Outcome remind(CommandContext ctx, ParsedCommand cmd) {
    return providerOrder(ctx, orderNo(cmd), example(ctx, "order.remind", orderNo(cmd))).then(o -> {
      OrderResult r = workflow.remind(ctx.handle(), by(ctx), o);
      if (!r.ok()) {
        return refused(ctx, r, "");
      }
      return Outcome.done(ctx.m("order-commands.remind.1", "buyerEmail", o.buyerEmail(), "orderNo", o.orderNo()));
    });
  }

  // ---------------------------------------------------------------- buyer commands

  private Outcome requirements(CommandContext ctx, ParsedCommand cmd) {
    String no = orderNo(cmd);
    return buyerOrder(ctx, no, example(ctx, "order.requirements", orderNo(cmd))).then(o -> {
      String rest = AsWritten.tail(cmd.line(), afterOrderNo(cmd.args()));
      String text = rest.isEmpty() ? cmd.text() : cmd.text().isEmpty() ? rest : rest + "\n" + cmd.text();
      var atts = ctx.mail() == null ? List.<ParsedMail.Attachment>of() : ctx.mail().attachments();
      OrderResult r = workflow.requirement(ctx.handle(), by(ctx), o, text, atts);
      if (!r.ok()) {
        return refused(ctx, r, r.refusal() instanceof Refusal.BadInput ? example(ctx, "order.requirements", orderNo(cmd)) : "");
      }
      long stored = atts.stream().filter(a -> !a.tooLarge() && a.data() != null).count();
      String attText = atts.isEmpty() ? "" : ctx.m("order-commands.requirements.1", "atts", atts.size(), "stored", stored, "limit", OrderWorkflow.sizeText(workflow.config().maxAttachmentBytes));
      return Outcome.done(ctx.m("order-commands.requirements.2", "orderNo", o.orderNo(), "companyName", companyName(ctx, o), "attText", attText));
    });
  }

  private Outcome confirm(CommandContext ctx, ParsedCommand cmd) {
    return buyerOrder(ctx, orderNo(cmd), example(ctx, "order.confirm", orderNo(cmd))).then(o -> {
      OrderResult r = workflow.confirm(ctx.handle(), by(ctx), o);
      if (!r.ok()) {
        return refused(ctx, r, "");
      }
      return Outcome.done(ctx.m("order-commands.confirm.1", "orderNo", o.orderNo(), "companyName", companyName(ctx, o)));
    });
  }

  private Outcome status(CommandContext ctx, ParsedCommand cmd) {
    return buyerOrder(ctx, orderNo(cmd), example(ctx, "order.status", orderNo(cmd))).then(o -> {
      Provider p = directory.provider(ctx.handle(), o.providerId()).orElseThrow();
      StringBuilder sb = new StringBuilder();
      sb.append(ctx.m("order-commands.status.1")).append(o.orderNo()).append('\n');
      line(ctx, sb, ctx.m("order-commands.status.2"), o.productName() == null ? o.productId() : o.productName());
      line(ctx, sb, ctx.m("order-commands.status.3"), Money.formatYuan(o.price()));
      line(ctx, sb, ctx.m("order-commands.status.4"), ctx.m(o.status().buyerLabelKey()));
      line(ctx, sb, ctx.m("order-commands.status.5"), p.companyName() + (p.csPhone().isEmpty() ? "" : ctx.m("order-commands.status.6") + p.csPhone())
          + (p.csEmail().isEmpty() ? "" : ctx.m("order-commands.status.7") + p.csEmail()));
      if (o.refundedAmount() > 0 || o.status() == OrderStatus.REFUNDING) {
        line(ctx, sb, ctx.m("refund.label.refunded"), Money.formatYuan(o.refundedAmount()));
      }
      int forms = workflow.store().requirements(ctx.handle(), o.orderNo()).size();
      line(ctx, sb, ctx.m("order-commands.status.8"), String.valueOf(forms));
      if (o.refundFlag()) {
        line(ctx, sb, ctx.m("order-commands.status.9"), ctx.m("order-commands.status.10"));
      }
      switch (o.status()) {
        case PAID:
        case IMPLEMENTING:
          sb.append(ctx.m("order-commands.status.11", "orderNo", o.orderNo()));
          break;
        case AWAITING_CONFIRMATION:
          sb.append(ctx.m("order-commands.status.12", "orderNo", o.orderNo()));
          break;
        default:
          break;
      }
      return Outcome.done(sb.toString().stripTrailing());
    });
  }

  private Outcome reject(CommandContext ctx, ParsedCommand cmd) {
    return buyerOrder(ctx, orderNo(cmd), example(ctx, "order.reject", orderNo(cmd))).then(o -> {
      String reason = reasonOf(cmd);
      OrderResult r = workflow.reject(ctx.handle(), by(ctx), o, reason);
      if (!r.ok()) {
        return refused(ctx, r, r.refusal() instanceof Refusal.BadInput ? example(ctx, "order.reject", orderNo(cmd)) : "");
      }
      int n = r.order().rejections();
      return Outcome.done(ctx.m("order-commands.reject.1", "orderNo", o.orderNo(), "companyName", companyName(ctx, o), "n", n, "mayAppeal", n >= OrderWorkflow.APPEAL_REJECTIONS));
    });
  }

  private Outcome appeal(CommandContext ctx, ParsedCommand cmd) {
    return buyerOrder(ctx, orderNo(cmd), example(ctx, "order.appeal", orderNo(cmd))).then(o -> {
      String reason = reasonOf(cmd);
      ActedBy by = by(ctx);
      OrderResult r = workflow.freeze(ctx.handle(), by, o, reason);
      if (!r.ok()) {
        return refused(ctx, r, r.refusal() instanceof Refusal.BadInput ? example(ctx, "order.appeal", orderNo(cmd)) : "");
      }
      Order frozen = r.order();
      String payload = "{\"orderNo\":\"" + frozen.orderNo().replace("\"", "") + "\",\"resume\":\"" + o.status().code() + "\"}";
      Review review = reviews.submit(ctx, new Reviews.Submission(AppealReviewKind.KIND, frozen.orderNo(), frozen.providerId(),
          Message.of("appeal.review.title", "orderNo", frozen.orderNo()),
          payload,
          List.of(Change.words(ctx, "appeal.decision", null,
                  Message.of("appeal.review.decision", "state", Message.of(o.status().labelKey()))),
              Change.words(ctx, "status", Message.of(o.status().labelKey()), Message.of(OrderStatus.DISPUTED.labelKey())),
              Change.of(ctx, "appeal.reason", null, reason.strip()),
              Change.of(ctx, "rejections", null, String.valueOf(o.rejections())),
              Change.of(ctx, "provider", null, companyName(ctx, o) + " (" + o.accountId() + ")"),
              Change.of(ctx, "amount", null, Money.formatYuan(o.price()))),
          OrderWorkflow.APPEAL_REVIEW_DAYS));
      workflow.appealOpened(ctx.handle(), by, frozen, review.id(), reason);
      return Outcome.sentForReview(ctx.m("order-commands.appeal.1", "orderNo", o.orderNo(), "id", review.id(), "dueAt", reviews.dueText(review.dueAt())));
    });
  }

  // ---------------------------------------------------------------- helpers

  /** The order number: the first word of the command line (without a trailing 确定/confirm). */
  static String orderNo(ParsedCommand cmd) {
    String args = cmd.args().trim();
    if (args.isEmpty()) {
      return "";
    }
    String first = args.split("[\\s,:]+", 2)[0];
    return first.replaceAll("[\\p{IsPunctuation}&&[^\\-_]]+$", "");
  }

  private static String afterOrderNo(String args) {
    String a = args.trim();
    String[] parts = a.split("[\\s,:]+", 2);
    return parts.length < 2 ? "" : parts[1].trim();
  }

  private static String reasonOf(ParsedCommand cmd) {
    String rest = AsWritten.tail(cmd.line(), afterOrderNo(cmd.args()));
    if (rest.isEmpty()) {
      return cmd.text();
    }
    return cmd.text().isEmpty() ? rest : rest + "\n" + cmd.text();
  }

  private static ActedBy by(CommandContext ctx) {
    return ctx.actedBy();
  }

  private String companyName(CommandContext ctx, Order o) {
    return directory.provider(ctx.handle(), o.providerId()).map(Provider::companyName).orElse(o.accountId());
  }

  /** The sender's own order as a provider, or the refusal. */
  private Lookup<Order, Outcome> providerOrder(CommandContext ctx, String no, String example) {
    return lookup(ctx, no, example).flatMap(o -> {
      if (ctx.actor().providerId() == null || o.providerId() != ctx.actor().providerId()) {
        return Lookup.refused(Outcome.refused(ctx.m("order-commands.provider-order.1", "orderNo", o.orderNo(), "accountId", ctx.actor().accountId()),
            ctx.m("order-commands.provider-order.2")));
      }
      workflow.store().setProviderLanguage(ctx.handle(), o.orderNo(), ctx.language().code());
      return Lookup.found(o);
    });
  }

  /** The sender's own order as a buyer, or the refusal. */
  private Lookup<Order, Outcome> buyerOrder(CommandContext ctx, String no, String example) {
    return lookup(ctx, no, example).flatMap(o -> {
      if (!o.buyerEmail().equalsIgnoreCase(ctx.actor().address())) {
        return Lookup.refused(Outcome.refused(ctx.m("order-commands.buyer-order.1", "orderNo", o.orderNo(), "address", ctx.actor().address()),
            ctx.m("order-commands.buyer-order.2", "no", o.orderNo())));
      }
      workflow.store().setBuyerLanguage(ctx.handle(), o.orderNo(), ctx.language().code());
      return Lookup.found(o);
    });
  }

  private Lookup<Order, Outcome> lookup(CommandContext ctx, String no, String example) {
    if (no.isEmpty() || !OrderWorkflow.ORDER_NO.matcher(no).matches()) {
      return Lookup.refused(Outcome.refused(no.isEmpty() ? ctx.m("order-commands.lookup.missing")
          : ctx.m("order-commands.lookup.malformed", "no", no), example));
    }
    Optional<Order> o = workflow.find(ctx.handle(), no);
    if (o.isEmpty()) {
      return Lookup.refused(Outcome.refused(ctx.m("order-commands.lookup.1", "no", no), example));
    }
    return Lookup.found(o.get());
  }

  private static Outcome refused(CommandContext ctx, OrderResult r, String example) {
    return Outcome.refused(ctx.m(r.refusal().reason()), example);
  }

  /** A correct way to write the command, with the sender's own order number when the mail gave one. */
  private static String example(CommandContext ctx, String command, String given) {
    String no = given != null && OrderWorkflow.ORDER_NO.matcher(given).matches() ? given : EXAMPLE_NO;
    return ctx.m("order-commands.example." + command, "no", no);
  }
}
