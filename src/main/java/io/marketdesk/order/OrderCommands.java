package io.marketdesk.order;

import io.marketdesk.command.CommandContext;
import io.marketdesk.command.CommandHandler;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.command.CommandSpec.Body;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.command.Role;
import io.marketdesk.confirm.Confirmable;
import io.marketdesk.confirm.Confirmations;
import io.marketdesk.identity.Directory;
import io.marketdesk.identity.Provider;
import io.marketdesk.money.Money;
import io.marketdesk.order.OrderWorkflow.By;
import io.marketdesk.review.Change;
import io.marketdesk.review.Review;
import io.marketdesk.review.Reviews;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

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
        new OrderCommand(new CommandSpec("order.list", List.of("订单列表"), List.of("orders"), provider, Body.NONE), false, this::list),
        new OrderCommand(new CommandSpec("order.view", List.of("订单详情"), List.of("order"), provider, Body.NONE), false, this::view),
        new OrderCommand(new CommandSpec(START, List.of("开始实施"), List.of("start"), provider, Body.NONE), true, this::start),
        new OrderCommand(new CommandSpec(DONE, List.of("已完成", "实施完成"), List.of("done"), provider, Body.NONE), true, this::done),
        new OrderCommand(new CommandSpec("order.remind", List.of("催促确认"), List.of("remind"), provider, Body.NONE), true, this::remind),
        new OrderCommand(new CommandSpec("order.requirements", List.of("提交需求单"), List.of("requirements"), buyer, Body.FREE_TEXT),
            true, this::requirements),
        new OrderCommand(new CommandSpec("order.confirm", List.of("确认完成"), List.of("confirm order"), buyer, Body.NONE), true,
            this::confirm),
        new OrderCommand(new CommandSpec("order.status", List.of("查询订单"), List.of("status"), buyer, Body.NONE), false, this::status),
        new OrderCommand(new CommandSpec("order.reject", List.of("验收不通过"), List.of("reject delivery"), buyer, Body.FREE_TEXT), true,
            this::reject),
        new OrderCommand(new CommandSpec("order.appeal", List.of("申诉"), List.of("appeal"), buyer, Body.FREE_TEXT), true, this::appeal));
  }

  /** The confirmations of 开始实施 and 已完成. */
  public List<Confirmable> confirmables() {
    return List.of(confirmable(START, workflow::start), confirmable(DONE, workflow::done));
  }

  private interface ProviderAction {
    OrderResult run(org.jdbi.v3.core.Handle h, By by, Order o);
  }

  private Confirmable confirmable(String purpose, ProviderAction action) {
    return new Confirmable() {
      @Override
      public String purpose() {
        return purpose;
      }

      @Override
      public Outcome perform(CommandContext ctx, String subjectId, String payload) {
        Object found = providerOrder(ctx, subjectId, example(ctx, purpose));
        if (found instanceof Outcome) {
          return (Outcome) found;
        }
        Order o = (Order) found;
        OrderResult r = action.run(ctx.handle(), by(ctx), o);
        if (!r.ok()) {
          return refused(ctx, r, "");
        }
        Order after = r.order();
        return Outcome.done(purpose.equals(START)
            ? ctx.t("订单 " + o.orderNo() + " 已开始实施，状态：实施中（买家看到“处理中”）。已邮件通知买家 " + o.buyerEmail() + "。完成后请发送“已完成 "
                    + o.orderNo() + "”。",
                "Order " + o.orderNo() + " is now implementing (the buyer sees \"in progress\"). The buyer " + o.buyerEmail()
                    + " was mailed. When you are done, send \"done " + o.orderNo() + "\".")
            : ctx.t("订单 " + o.orderNo() + " 已标记完成，状态：待确认完成。已邮件通知买家 " + o.buyerEmail() + " 回复“确认完成 " + o.orderNo()
                    + "”。" + autoText(ctx, after),
                "Order " + o.orderNo() + " is marked done and now awaits the buyer's confirmation. The buyer " + o.buyerEmail()
                    + " was mailed how to confirm (\"确认完成 " + o.orderNo() + "\"). " + autoText(ctx, after)));
      }
    };
  }

  private String autoText(CommandContext ctx, Order o) {
    int days = workflow.config().autoConfirmAfterDays;
    String remind = ctx.t("买家 " + workflow.config().remindAfterWorkingDays + " 个工作日内未确认会收到自动提醒；",
        "The buyer gets an automatic reminder after " + workflow.config().remindAfterWorkingDays + " working days; ");
    if (days == 0) {
      return remind + ctx.t("不会自动确认。", "there is no auto-confirmation.");
    }
    return remind + ctx.t(days + " 天内未确认的，将于 " + workflow.autoConfirmDay(o) + " 自动确认完成。",
        "without an answer the order completes by itself after " + days + " days, on " + workflow.autoConfirmDay(o) + ".");
  }

  // ---------------------------------------------------------------- provider commands

  private Outcome list(CommandContext ctx, ParsedCommand cmd) {
    OrderStatus filter = null;
    String arg = cmd.args().trim();
    if (!arg.isEmpty()) {
      Optional<OrderStatus> s = OrderStatus.parse(arg);
      if (s.isEmpty()) {
        return Outcome.refused(ctx.t("不认识的订单状态“" + arg + "”。可用：待支付 已支付 实施中 待确认完成 已完成 已取消 申诉中。",
                "Unknown order status \"" + arg + "\". Use one of: unpaid, paid, implementing, awaiting_confirmation, completed,"
                    + " cancelled, disputed."),
            ctx.t("订单列表 实施中", "orders implementing"));
      }
      filter = s.get();
    }
    List<Order> orders = workflow.store().byProvider(ctx.handle(), ctx.actor().providerId(), filter);
    if (orders.isEmpty()) {
      return Outcome.done(ctx.t(filter == null ? "您还没有订单。" : "没有“" + filter.zh() + "”的订单。",
          filter == null ? "You have no orders yet." : "You have no " + filter.en() + " orders."));
    }
    StringBuilder sb = new StringBuilder(ctx.t("您的订单（" + orders.size() + " 笔）：", "Your orders (" + orders.size() + "):"));
    for (Order o : orders) {
      sb.append('\n').append("· ").append(o.orderNo()).append("  ").append(o.productId()).append(' ')
          .append(o.productName() == null ? "" : o.productName()).append("  ").append(Money.formatYuan(o.price()))
          .append("  ").append(o.status().label(ctx.zh())).append("  ").append(o.buyerEmail())
          .append("  ").append(workflow.dateText(o.createdAt()));
      if (o.refundFlag()) {
        sb.append(ctx.t("  [退款]", "  [refund]"));
      }
    }
    sb.append('\n').append(ctx.t("查看一笔订单：订单详情 订单号", "To see one: order NUMBER"));
    return Outcome.done(sb.toString());
  }

  private Outcome view(CommandContext ctx, ParsedCommand cmd) {
    Object found = providerOrder(ctx, orderNo(cmd), example(ctx, "order.view"));
    if (found instanceof Outcome) {
      return (Outcome) found;
    }
    Order o = (Order) found;
    StringBuilder sb = new StringBuilder();
    sb.append(ctx.t("订单 ", "Order ")).append(o.orderNo()).append('\n');
    line(sb, ctx.t("商品", "Product"), o.productId() + " " + (o.productName() == null ? "" : o.productName()));
    line(sb, ctx.t("价格", "Price"), Money.formatYuan(o.price())
        + (o.price() != o.originalPrice() ? ctx.t("（原价 ", " (was ") + Money.formatYuan(o.originalPrice()) + ctx.t("）", ")") : ""));
    line(sb, ctx.t("状态", "Status"), o.status().label(ctx.zh()) + ctx.t("（买家看到：" + o.status().buyerZh() + "）",
        " (the buyer sees: " + o.status().buyerEn() + ")"));
    line(sb, ctx.t("买家联系方式", "Buyer contact"), o.buyerEmail());
    line(sb, ctx.t("下单时间", "Ordered"), workflow.timeText(o.createdAt()));
    if (o.paidAt() != null) {
      line(sb, ctx.t("支付时间", "Paid"), workflow.timeText(o.paidAt()));
    }
    if (o.status() == OrderStatus.PAID) {
      line(sb, ctx.t("开始实施期限", "Start by"), workflow.startDeadline(o) + ctx.t("（支付后 " + workflow.config().startWithinDays
          + " 天内未开始实施的订单将取消并退款）", " (orders not started within " + workflow.config().startWithinDays
          + " days of payment are cancelled with a refund)"));
    }
    if (o.startedAt() != null) {
      line(sb, ctx.t("开始实施", "Started"), workflow.timeText(o.startedAt()));
    }
    if (o.doneAt() != null) {
      line(sb, ctx.t("标记完成", "Marked done"), workflow.timeText(o.doneAt()));
    }
    if (o.completedAt() != null) {
      line(sb, ctx.t("完成时间", "Completed"), workflow.timeText(o.completedAt()));
    }
    if (o.cancelledAt() != null) {
      line(sb, ctx.t("取消时间", "Cancelled"), workflow.timeText(o.cancelledAt()) + (o.refundFlag() ? ctx.t("（退款）", " (refund)") : ""));
    }
    if (o.rejections() > 0) {
      line(sb, ctx.t("验收不通过次数", "Rejected deliveries"), String.valueOf(o.rejections()));
    }
    if (o.status() == OrderStatus.DISPUTED) {
      line(sb, ctx.t("申诉", "Appeal"), ctx.t("买家已申诉，等待运营人员处理（审核 #" + o.disputeReviewId() + "）",
          "the buyer appealed; operators decide (review #" + o.disputeReviewId() + ")"));
    }
    List<OrderStore.Requirement> forms = workflow.store().requirements(ctx.handle(), o.orderNo());
    sb.append(ctx.t("需求单：", "Requirement forms: ")).append(forms.isEmpty() ? ctx.t("无", "none") : String.valueOf(forms.size())).append('\n');
    int n = 1;
    for (OrderStore.Requirement r : forms) {
      sb.append(ctx.t("【需求单 ", "[Form ")).append(n++).append(ctx.t("】", "] ")).append(workflow.timeText(r.createdAt())).append('\n');
      if (!r.text().isEmpty()) {
        for (String l : r.text().split("\n")) {
          sb.append("    ").append(l).append('\n');
        }
      }
      for (OrderStore.Attachment a : r.attachments()) {
        sb.append(ctx.t("    附件：", "    Attachment: ")).append(a.filename()).append(" (").append(OrderWorkflow.sizeText(a.size()))
            .append(a.stored() ? "" : ctx.t("，超过大小上限，未保存", ", over the size limit, not kept")).append(")\n");
      }
    }
    sb.append(nextStep(ctx, o));
    return Outcome.done(sb.toString().stripTrailing());
  }

  private String nextStep(CommandContext ctx, Order o) {
    switch (o.status()) {
      case PAID:
        return ctx.t("下一步：联系买家确认需求后发送“开始实施 " + o.orderNo() + "”。", "Next: agree the requirements with the buyer, then send \"start "
            + o.orderNo() + "\".");
      case IMPLEMENTING:
        return ctx.t("下一步：实施完成后发送“已完成 " + o.orderNo() + "”。", "Next: when finished, send \"done " + o.orderNo() + "\".");
      case AWAITING_CONFIRMATION:
        return ctx.t("下一步：等待买家确认完成；可以发送“催促确认 " + o.orderNo() + "”（24 小时一次）。",
            "Next: the buyer confirms; you may send \"remind " + o.orderNo() + "\" (once per 24 hours).");
      default:
        return "";
    }
  }

  private static void line(StringBuilder sb, String label, String value) {
    sb.append(label).append(": ").append(value).append('\n');
  }

  private Outcome start(CommandContext ctx, ParsedCommand cmd) {
    Object found = providerOrder(ctx, orderNo(cmd), example(ctx, START));
    if (found instanceof Outcome) {
      return (Outcome) found;
    }
    Order o = (Order) found;
    if (o.status() != OrderStatus.PAID) {
      return refused(ctx, workflow.start(ctx.handle(), by(ctx), o), "");
    }
    return confirmations.confirmOrAsk(ctx, cmd, START, o.orderNo(), null, ctx.t(
        "确认后，订单 " + o.orderNo() + "（" + o.productName() + "，" + Money.formatYuan(o.price()) + "）将从“已支付”变为“实施中”，并邮件通知买家 "
            + o.buyerEmail() + "。",
        "Once confirmed, order " + o.orderNo() + " (" + o.productName() + ", " + Money.formatYuan(o.price())
            + ") goes from paid to implementing and the buyer " + o.buyerEmail() + " is mailed."));
  }

  private Outcome done(CommandContext ctx, ParsedCommand cmd) {
    Object found = providerOrder(ctx, orderNo(cmd), example(ctx, DONE));
    if (found instanceof Outcome) {
      return (Outcome) found;
    }
    Order o = (Order) found;
    if (o.status() != OrderStatus.IMPLEMENTING) {
      return refused(ctx, workflow.done(ctx.handle(), by(ctx), o), "");
    }
    return confirmations.confirmOrAsk(ctx, cmd, DONE, o.orderNo(), null, ctx.t(
        "确认后，订单 " + o.orderNo() + " 将从“实施中”变为“待确认完成”，并邮件请买家 " + o.buyerEmail() + " 确认完成。",
        "Once confirmed, order " + o.orderNo() + " goes from implementing to awaiting confirmation and the buyer "
            + o.buyerEmail() + " is asked by mail to confirm."));
  }

  private Outcome remind(CommandContext ctx, ParsedCommand cmd) {
    Object found = providerOrder(ctx, orderNo(cmd), example(ctx, "order.remind"));
    if (found instanceof Outcome) {
      return (Outcome) found;
    }
    Order o = (Order) found;
    OrderResult r = workflow.remind(ctx.handle(), by(ctx), o);
    if (!r.ok()) {
      return refused(ctx, r, "");
    }
    return Outcome.done(ctx.t("已邮件提醒买家 " + o.buyerEmail() + " 确认完成订单 " + o.orderNo() + "。24 小时内不能再次催促。",
        "The buyer " + o.buyerEmail() + " was reminded by mail to confirm order " + o.orderNo()
            + ". The next reminder is possible in 24 hours."));
  }

  // ---------------------------------------------------------------- buyer commands

  private Outcome requirements(CommandContext ctx, ParsedCommand cmd) {
    String no = orderNo(cmd);
    Object found = buyerOrder(ctx, no, example(ctx, "order.requirements"));
    if (found instanceof Outcome) {
      return (Outcome) found;
    }
    Order o = (Order) found;
    String rest = afterOrderNo(cmd.args());
    String text = rest.isEmpty() ? cmd.text() : cmd.text().isEmpty() ? rest : rest + "\n" + cmd.text();
    var atts = ctx.mail() == null ? List.<io.marketdesk.mime.ParsedMail.Attachment>of() : ctx.mail().attachments();
    OrderResult r = workflow.requirement(ctx.handle(), by(ctx), o, text, atts);
    if (!r.ok()) {
      return refused(ctx, r, r.refusal().kind() == OrderResult.Kind.BAD_INPUT ? example(ctx, "order.requirements") : "");
    }
    long stored = atts.stream().filter(a -> !a.tooLarge() && a.data() != null).count();
    String attText = atts.isEmpty() ? "" : ctx.t("附件 " + atts.size() + " 个，已保存 " + stored + " 个" + (stored < atts.size()
        ? "（超过 " + OrderWorkflow.sizeText(workflow.config().maxAttachmentBytes) + " 的附件只记录了文件名）" : "") + "。",
        atts.size() + " attachment(s), " + stored + " kept" + (stored < atts.size() ? " (files over "
            + OrderWorkflow.sizeText(workflow.config().maxAttachmentBytes) + " are listed by name only)" : "") + ". ");
    return Outcome.done(ctx.t("订单 " + o.orderNo() + " 的需求单已提交并转给服务商 " + companyName(ctx, o) + "。" + attText,
        "Your requirement form for order " + o.orderNo() + " was saved and forwarded to the provider " + companyName(ctx, o) + ". "
            + attText));
  }

  private Outcome confirm(CommandContext ctx, ParsedCommand cmd) {
    Object found = buyerOrder(ctx, orderNo(cmd), example(ctx, "order.confirm"));
    if (found instanceof Outcome) {
      return (Outcome) found;
    }
    Order o = (Order) found;
    OrderResult r = workflow.confirm(ctx.handle(), by(ctx), o);
    if (!r.ok()) {
      return refused(ctx, r, "");
    }
    return Outcome.done(ctx.t("订单 " + o.orderNo() + " 已确认完成，状态：分配完成。已通知服务商 " + companyName(ctx, o) + "。谢谢！",
        "Order " + o.orderNo() + " is confirmed and completed. The provider " + companyName(ctx, o) + " was told. Thank you!"));
  }

  private Outcome status(CommandContext ctx, ParsedCommand cmd) {
    Object found = buyerOrder(ctx, orderNo(cmd), example(ctx, "order.status"));
    if (found instanceof Outcome) {
      return (Outcome) found;
    }
    Order o = (Order) found;
    Provider p = directory.provider(ctx.handle(), o.providerId()).orElseThrow();
    StringBuilder sb = new StringBuilder();
    sb.append(ctx.t("订单 ", "Order ")).append(o.orderNo()).append('\n');
    line(sb, ctx.t("商品", "Product"), o.productName() == null ? o.productId() : o.productName());
    line(sb, ctx.t("价格", "Price"), Money.formatYuan(o.price()));
    line(sb, ctx.t("状态", "Status"), o.status().buyerLabel(ctx.zh()));
    line(sb, ctx.t("服务商", "Provider"), p.companyName() + (p.csPhone().isEmpty() ? "" : ctx.t("，客服电话 ", ", phone ") + p.csPhone())
        + (p.csEmail().isEmpty() ? "" : ctx.t("，客服邮箱 ", ", mail ") + p.csEmail()));
    int forms = workflow.store().requirements(ctx.handle(), o.orderNo()).size();
    line(sb, ctx.t("已提交需求单", "Requirement forms sent"), String.valueOf(forms));
    if (o.refundFlag()) {
      line(sb, ctx.t("退款", "Refund"), ctx.t("是", "yes"));
    }
    switch (o.status()) {
      case PAID:
      case IMPLEMENTING:
        sb.append(ctx.t("可以发送“提交需求单 " + o.orderNo() + "”，在下面写需求、附上文件。",
            "You may send \"requirements " + o.orderNo() + "\" with your requirements below it and files attached."));
        break;
      case AWAITING_CONFIRMATION:
        sb.append(ctx.t("服务商已完成实施，请回复“确认完成 " + o.orderNo() + "”；如不满意，回复“验收不通过 " + o.orderNo() + " 理由”。",
            "The provider has finished; reply \"确认完成 " + o.orderNo() + "\" (or \"confirm order " + o.orderNo()
                + "\"); if not satisfied, \"reject delivery " + o.orderNo() + " REASON\"."));
        break;
      default:
        break;
    }
    return Outcome.done(sb.toString().stripTrailing());
  }

  private Outcome reject(CommandContext ctx, ParsedCommand cmd) {
    Object found = buyerOrder(ctx, orderNo(cmd), example(ctx, "order.reject"));
    if (found instanceof Outcome) {
      return (Outcome) found;
    }
    Order o = (Order) found;
    String reason = reasonOf(cmd);
    OrderResult r = workflow.reject(ctx.handle(), by(ctx), o, reason);
    if (!r.ok()) {
      return refused(ctx, r, r.refusal().kind() == OrderResult.Kind.BAD_INPUT ? example(ctx, "order.reject") : "");
    }
    int n = r.order().rejections();
    return Outcome.done(ctx.t("订单 " + o.orderNo() + " 验收不通过，已退回服务商继续实施（处理中），理由已转告服务商 " + companyName(ctx, o) + "。这是第 " + n
            + " 次验收不通过" + (n >= OrderWorkflow.APPEAL_REJECTIONS ? "；现在您可以发送“申诉 " + o.orderNo() + " 理由”请运营人员介入。" : "。"),
        "Order " + o.orderNo() + " was sent back to the provider (in progress); " + companyName(ctx, o) + " was given your reason."
            + " Rejections so far: " + n + (n >= OrderWorkflow.APPEAL_REJECTIONS ? "; you may now send \"appeal " + o.orderNo()
            + " REASON\" for operators to decide." : ".")));
  }

  private Outcome appeal(CommandContext ctx, ParsedCommand cmd) {
    Object found = buyerOrder(ctx, orderNo(cmd), example(ctx, "order.appeal"));
    if (found instanceof Outcome) {
      return (Outcome) found;
    }
    Order o = (Order) found;
    String reason = reasonOf(cmd);
    By by = by(ctx);
    OrderResult r = workflow.freeze(ctx.handle(), by, o, reason);
    if (!r.ok()) {
      return refused(ctx, r, r.refusal().kind() == OrderResult.Kind.BAD_INPUT ? example(ctx, "order.appeal") : "");
    }
    Order frozen = r.order();
    String payload = "{\"orderNo\":\"" + frozen.orderNo().replace("\"", "") + "\",\"resume\":\"" + o.status().code() + "\"}";
    Review review = reviews.submit(ctx, new Reviews.Submission(AppealReviewKind.KIND, frozen.orderNo(), frozen.providerId(),
        "订单 " + frozen.orderNo() + " 买家申诉（同意 = 取消订单并退款给买家；拒绝 = 恢复到“" + o.status().zh() + "”继续）",
        "Buyer's appeal on order " + frozen.orderNo() + " (approve = cancel the order with a refund to the buyer; reject = resume as "
            + o.status().en() + ")",
        payload,
        List.of(new Change("status", "订单状态", "Order status", o.status().zh(), OrderStatus.DISPUTED.zh()),
            new Change("reason", "申诉理由", "Reason", "", reason.strip()),
            new Change("rejections", "验收不通过次数", "Rejected deliveries", "", String.valueOf(o.rejections())),
            new Change("provider", "服务商", "Provider", "", companyName(ctx, o) + " (" + o.accountId() + ")"),
            new Change("price", "订单金额", "Order amount", "", Money.format(o.price()))),
        OrderWorkflow.APPEAL_REVIEW_DAYS));
    workflow.appealOpened(ctx.handle(), by, frozen, review.id(), reason);
    return Outcome.done(ctx.t("订单 " + o.orderNo() + " 已冻结（申诉中），申诉已提交运营人员处理（审核 #" + review.id() + "，期限 "
            + reviews.dueText(review.dueAt()) + "）。服务商已收到通知。结果会邮件告诉您。",
        "Order " + o.orderNo() + " is frozen (under appeal); operators will decide (review #" + review.id() + ", due "
            + reviews.dueText(review.dueAt()) + "). The provider was told. You will get the decision by mail."));
  }

  // ---------------------------------------------------------------- helpers

  /** The order number: the first word of the command line (without a trailing 确定/confirm). */
  static String orderNo(ParsedCommand cmd) {
    String args = cmd.args().trim();
    if (args.isEmpty()) {
      return "";
    }
    String first = args.split("[\\s,，:：]+", 2)[0];
    return first.replaceAll("[。.;；]+$", "");
  }

  private static String afterOrderNo(String args) {
    String a = args.trim();
    String[] parts = a.split("[\\s,，:：]+", 2);
    return parts.length < 2 ? "" : parts[1].trim();
  }

  private static String reasonOf(ParsedCommand cmd) {
    String rest = afterOrderNo(cmd.args());
    if (rest.isEmpty()) {
      return cmd.text();
    }
    return cmd.text().isEmpty() ? rest : rest + "\n" + cmd.text();
  }

  private static By by(CommandContext ctx) {
    return new By(ctx.actor().address(), ctx.inboundId());
  }

  private String companyName(CommandContext ctx, Order o) {
    return directory.provider(ctx.handle(), o.providerId()).map(Provider::companyName).orElse(o.accountId());
  }

  /** The sender's own order as a provider, or the refusal (an Outcome). */
  private Object providerOrder(CommandContext ctx, String no, String example) {
    Object found = lookup(ctx, no, example);
    if (found instanceof Outcome) {
      return found;
    }
    Order o = (Order) found;
    if (ctx.actor().providerId() == null || o.providerId() != ctx.actor().providerId()) {
      return Outcome.refused(ctx.t("订单 " + o.orderNo() + " 不是您的服务商账号（账号 ID " + ctx.actor().accountId()
              + "）的订单，您不能查看或操作它。", "Order " + o.orderNo() + " does not belong to your provider account (account ID "
              + ctx.actor().accountId() + "), so you cannot see or act on it."),
          ctx.t("订单列表", "orders"));
    }
    workflow.store().set(ctx.handle(), o.orderNo(), "provider_lang", ctx.language().code());
    return o;
  }

  /** The sender's own order as a buyer, or the refusal (an Outcome). */
  private Object buyerOrder(CommandContext ctx, String no, String example) {
    Object found = lookup(ctx, no, example);
    if (found instanceof Outcome) {
      return found;
    }
    Order o = (Order) found;
    if (!o.buyerEmail().equalsIgnoreCase(ctx.actor().address())) {
      return Outcome.refused(ctx.t("订单 " + o.orderNo() + " 不是用您的邮箱 " + ctx.actor().address() + " 下的订单，您不能查看或操作它。",
              "Order " + o.orderNo() + " was not placed with your address " + ctx.actor().address()
                  + ", so you cannot see or act on it."),
          ctx.t("请用下单时填写的邮箱发送，例如：查询订单 " + EXAMPLE_NO, "Write from the address the order was placed with, e.g.: status "
              + EXAMPLE_NO));
    }
    workflow.store().set(ctx.handle(), o.orderNo(), "buyer_lang", ctx.language().code());
    return o;
  }

  private Object lookup(CommandContext ctx, String no, String example) {
    if (no.isEmpty() || !OrderWorkflow.ORDER_NO.matcher(no).matches()) {
      return Outcome.refused(ctx.t(no.isEmpty() ? "缺少订单号。" : "“" + no + "”不是订单号。",
          no.isEmpty() ? "The order number is missing." : "\"" + no + "\" is not an order number."), example);
    }
    Optional<Order> o = workflow.find(ctx.handle(), no);
    if (o.isEmpty()) {
      return Outcome.refused(ctx.t("没有订单 " + no + "，请核对订单号。", "There is no order " + no + "; please check the number."), example);
    }
    return o.get();
  }

  private static Outcome refused(CommandContext ctx, OrderResult r, String example) {
    return Outcome.refused(ctx.t(r.refusal().zh(), r.refusal().en()), example);
  }

  private static String example(CommandContext ctx, String command) {
    Function<String, String> no = s -> s.replace("NO", EXAMPLE_NO);
    switch (command) {
      case "order.view":
        return no.apply(ctx.t("订单详情 NO", "order NO"));
      case START:
        return no.apply(ctx.t("开始实施 NO", "start NO"));
      case DONE:
        return no.apply(ctx.t("已完成 NO", "done NO"));
      case "order.remind":
        return no.apply(ctx.t("催促确认 NO", "remind NO"));
      case "order.requirements":
        return no.apply(ctx.t("提交需求单 NO\n需要迁移 3 台服务器的 MySQL 数据库，周末进行。", "requirements NO\nPlease migrate the MySQL"
            + " databases of 3 servers, at the weekend."));
      case "order.confirm":
        return no.apply(ctx.t("确认完成 NO", "confirm order NO"));
      case "order.status":
        return no.apply(ctx.t("查询订单 NO", "status NO"));
      case "order.reject":
        return no.apply(ctx.t("验收不通过 NO 数据库迁移后报表无法打开", "reject delivery NO the reports do not open after the migration"));
      case "order.appeal":
        return no.apply(ctx.t("申诉 NO 服务商付款后一直没有联系我", "appeal NO the provider has not contacted me since I paid"));
      default:
        return "";
    }
  }
}
