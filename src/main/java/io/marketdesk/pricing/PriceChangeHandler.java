package io.marketdesk.pricing;

import io.marketdesk.command.CommandContext;
import io.marketdesk.command.CommandHandler;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.command.Role;
import io.marketdesk.identity.Directory;
import io.marketdesk.identity.Provider;
import io.marketdesk.money.Money;
import io.marketdesk.pricing.OrderPriceStore.PricedOrder;
import io.marketdesk.pricing.PriceChangeSentence.Request;
import io.marketdesk.review.Change;
import io.marketdesk.review.Review;
import io.marketdesk.review.Reviews;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code order.price}: a provider asks to lower the price of one of its unpaid orders (SPEC §6,
 * seed Q&A 3.2). Written as the seed's sentence or as {@code 改价 NO AMOUNT} / {@code price NO
 * AMOUNT}, with an optional {@code 理由:}/{@code reason:} field line (grammar: {@link
 * PriceChangeSentence}, {@code docs/pricing.md}).
 *
 * <p>Checks, in this order, each refused with its own reason and a correct example: the amount and
 * order number can be read (a product ID instead of an order number is sent to {@code 修改商品}); the
 * quoted account ID is the sender's; the order exists and is the sender's; it is unpaid; 0 &lt; new
 * price &lt; current price; a new price under {@code pricing.reason-below-percent} percent of the
 * current one has a reason. A provider name that differs from the registered company name is a
 * warning for the operator, not a refusal. The request becomes a {@code price} review of the order
 * (3 working days) that replaces the order's open one. Stateless and thread-safe.
 */
final class PriceChangeHandler implements CommandHandler {
  static final String NAME = "order.price";
  static final int REVIEW_WORKING_DAYS = 3;
  static final int MAX_REASON = 500;

  /**
   * The seed's sentence written about a product ({@code 商品P1001} instead of {@code 订单NO}); read
   * only so that the reply can send the provider to {@code 修改商品}. Args: {@code product=ID AMOUNT}.
   */
  private static final Pattern PRODUCT_SENTENCE = Pattern.compile(
      "(?:账号|账户|帐号|帐户)\\s*id\\s*:?\\s*\\d{5,20}.{0,40}?商品\\s*(?:id|编号|号)?\\s*:?\\s*"
          + "(?<product>[a-z0-9][a-z0-9-]{0,19})(?![a-z0-9]).{0,40}?(?:修改|改|调整|变更)为\\s*(?:折扣价|价格|优惠价)?"
          + "\\s*:?\\s*(?<amount>[^\\s,;。]*)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern PRODUCT_ARGS = Pattern.compile(
      "\\s*(?:product=|商品\\s*)?(?<product>(?=[a-z0-9-]{0,19}\\d)[a-z][a-z0-9-]{0,19}|(?<=product=)[a-z0-9-]{1,20})"
          + "(?![a-z0-9-])(?:\\s+(?<amount>\\S*))?.*",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  /**
   * The recogniser of {@code order.price}: {@link PriceChangeSentence#RECOGNIZER}, then the same
   * sentence about a product (answered with a pointer to {@code 修改商品}).
   */
  static final CommandSpec.SentenceRecognizer RECOGNIZER = line -> {
    Optional<String> order = PriceChangeSentence.RECOGNIZER.recognize(line);
    if (order.isPresent()) {
      return order;
    }
    Matcher m = PRODUCT_SENTENCE.matcher(Normalizer.normalize(line, Normalizer.Form.NFKC));
    return m.find() ? Optional.of("product=" + m.group("product") + " " + m.group("amount")) : Optional.empty();
  };

  static final CommandSpec SPEC = new CommandSpec(NAME, List.of("改价", "申请改价"), List.of("price"),
      Set.of(Role.PROVIDER), CommandSpec.Body.FIELDS, RECOGNIZER);

  private final Reviews reviews;
  private final Directory directory;
  private final OrderPriceStore orders;
  private final int reasonBelowPercent;

  PriceChangeHandler(Reviews reviews, Directory directory, OrderPriceStore orders, int reasonBelowPercent) {
    this.reviews = reviews;
    this.directory = directory;
    this.orders = orders;
    this.reasonBelowPercent = reasonBelowPercent;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome handle(CommandContext ctx, ParsedCommand cmd) {
    String args = cmd.args();
    Optional<Request> parsed = Request.fromArgs(args);
    if (parsed.isEmpty()) {
      Matcher product = PRODUCT_ARGS.matcher(args == null ? "" : args);
      if (product.matches()) {
        return productRefusal(ctx, product.group("product").toUpperCase(Locale.ROOT), product.group("amount"));
      }
      return Outcome.refused(ctx.t(
              "没有读懂订单号和新价格。改价要写订单号（只含数字）和新价格（如 880、880.00、¥1,280.50），新价格必须大于 0。",
              "Could not read an order number and a new price. Write the order number (digits only) and the new"
                  + " price (880, 880.00, ¥1,280.50); the new price must be above 0."),
          example(ctx, "20261128000123", "880.00"));
    }
    Request req = parsed.get();
    String accountId = ctx.actor().accountId();
    if (req.accountId() != null && !req.accountId().equals(accountId)) {
      return Outcome.refused(ctx.t(
              "申请中的账号 ID " + req.accountId() + " 不是您的账号。您的账号 ID 是 " + accountId
                  + "，只能为本账号的订单申请改价。",
              "The account ID " + req.accountId() + " in the request is not yours. Your account ID is " + accountId
                  + "; you can only ask for price changes of your own orders."),
          sentenceExample(ctx, req.orderNo(), req.amountText()));
    }
    Optional<PricedOrder> found = orders.find(ctx.handle(), req.orderNo());
    if (found.isEmpty()) {
      return Outcome.refused(ctx.t(
              "没有订单号为 " + req.orderNo() + " 的订单。请核对订单号（可发送“订单列表”查看您的订单）。",
              "There is no order " + req.orderNo() + ". Check the number (send \"orders\" to list your orders)."),
          ctx.t("订单列表 unpaid", "orders unpaid"));
    }
    PricedOrder order = found.get();
    if (order.providerId() != ctx.actor().providerId()) {
      return Outcome.refused(ctx.t(
              "订单 " + req.orderNo() + " 不是您（账号 ID " + accountId + "）的订单，不能申请改价。",
              "Order " + req.orderNo() + " is not an order of yours (account ID " + accountId
                  + "), so you cannot change its price."),
          ctx.t("订单列表 unpaid", "orders unpaid"));
    }
    if (!order.unpaid()) {
      return Outcome.refused(ctx.t(
              "订单 " + order.orderNo() + " 的状态是“" + OrderPriceStore.statusName(order.status(), true)
                  + "”，只有待支付的订单可以改价。",
              "Order " + order.orderNo() + " is " + OrderPriceStore.statusName(order.status(), false)
                  + "; only unpaid orders can have their price changed."),
          ctx.t("订单列表 unpaid", "orders unpaid"));
    }
    long newPrice = req.amountMinor();
    long oldPrice = order.price();
    if (newPrice <= 0) {
      return Outcome.refused(ctx.t("新价格必须大于 0。", "The new price must be above 0."),
          example(ctx, order.orderNo(), Money.format(Math.max(1, oldPrice * 9 / 10))));
    }
    if (newPrice >= oldPrice) {
      return Outcome.refused(ctx.t(
              "新价格 " + Money.format(newPrice) + " 元不低于订单现价 " + Money.format(oldPrice)
                  + " 元。改价只能降价（0 < 新价格 < 现价）。",
              "The new price " + Money.format(newPrice) + " is not below the order's current price "
                  + Money.format(oldPrice) + ". A price change can only lower the price (0 < new < current)."),
          example(ctx, order.orderNo(), Money.format(oldPrice * 9 / 10)));
    }
    String reason = reason(cmd);
    if (reason.length() > MAX_REASON) {
      return Outcome.refused(ctx.t("理由最多 " + MAX_REASON + " 个字，请写得简短些。",
              "A reason may be at most " + MAX_REASON + " characters; please make it shorter."),
          example(ctx, order.orderNo(), Money.format(newPrice)) + "\n" + ctx.t("理由：老客户续约优惠", "reason: returning customer"));
    }
    if (reason.isEmpty() && newPrice * 100 < oldPrice * reasonBelowPercent) {
      return Outcome.refused(ctx.t(
              "新价格 " + Money.format(newPrice) + " 元低于现价 " + Money.format(oldPrice) + " 元的 " + reasonBelowPercent
                  + "%，请在命令下面另起一行写明理由（理由：...）。",
              "The new price " + Money.format(newPrice) + " is under " + reasonBelowPercent + "% of the current price "
                  + Money.format(oldPrice) + "; add a reason on the line below the command (reason: ...)."),
          example(ctx, order.orderNo(), Money.format(newPrice)) + "\n"
              + ctx.t("理由：老客户续约，按合同价结算", "reason: contract price for a returning customer"));
    }
    Provider provider = directory.provider(ctx.handle(), ctx.actor().providerId()).orElseThrow();
    String nameWarningZh = "";
    String nameWarningEn = "";
    if (req.providerName() != null && !sameCompany(req.providerName(), provider.companyName())) {
      nameWarningZh = "申请中的服务商名称“" + req.providerName() + "”与登记的公司名称“" + provider.companyName() + "”不一致";
      nameWarningEn = "the provider name \"" + req.providerName() + "\" in the request differs from the registered"
          + " company name \"" + provider.companyName() + "\"";
    }
    String percent = percentOf(newPrice, oldPrice);
    String off = percentOff(newPrice, oldPrice);
    String product = order.productId() + (order.productName() == null ? "" : " " + order.productName());
    List<Change> changes = new ArrayList<>();
    changes.add(new Change("price", "订单价格（元）", "Order price (CNY)", Money.format(oldPrice), Money.format(newPrice)));
    changes.add(new Change("discount", "折扣（新价/现价）", "Discount (new/current)", "100%",
        percent + "% (-" + off + "%)"));
    changes.add(new Change("order", "订单", "Order", "—",
        order.orderNo() + " · " + product + " · " + OrderPriceStore.statusName(order.status(), true) + "/"
            + OrderPriceStore.statusName(order.status(), false)));
    if (order.originalPrice() != oldPrice) {
      changes.add(new Change("original", "下单时价格（元）", "Price when ordered (CNY)", "—",
          Money.format(order.originalPrice())));
    }
    changes.add(new Change("reason", "理由", "Reason", "—", reason.isEmpty() ? "（未写 / none given）" : reason));
    if (!nameWarningZh.isEmpty()) {
      changes.add(new Change("warning", "⚠ 注意", "⚠ Warning", "—", nameWarningZh + " / " + nameWarningEn));
    }
    String titleZh = "订单 " + order.orderNo() + " 改价 " + Money.format(oldPrice) + " → " + Money.format(newPrice)
        + " 元（" + percent + "%，降 " + off + "%）";
    String titleEn = "Order " + order.orderNo() + " price " + Money.format(oldPrice) + " -> " + Money.format(newPrice)
        + " (" + percent + "%, " + off + "% off)";
    Optional<Review> replaced = reviews.openFor(ctx.handle(), PriceReviewKind.KIND, order.orderNo());
    PricePayload payload = new PricePayload(order.orderNo(), oldPrice, newPrice, reason, ctx.language().code());
    Review review = reviews.submit(ctx, new Reviews.Submission(PriceReviewKind.KIND, order.orderNo(),
        ctx.actor().providerId(), titleZh, titleEn, payload.toJson(), changes, REVIEW_WORKING_DAYS));
    ctx.audit("order", order.orderNo(), "price_change_requested", "price=" + Money.format(oldPrice),
        "price=" + Money.format(newPrice) + " (review #" + review.id() + (reason.isEmpty() ? "" : ", reason: " + reason)
            + ")");
    String due = reviews.dueText(review.dueAt());
    StringBuilder msg = new StringBuilder(ctx.t(
        "改价申请已提交审核（#" + review.id() + "）：订单 " + order.orderNo() + " 价格 " + Money.format(oldPrice) + " → "
            + Money.format(newPrice) + " 元（现价的 " + percent + "%）。运营人员会在 " + REVIEW_WORKING_DAYS
            + " 个工作日内（" + due + " 前）审核，结果会邮件通知您。审核通过时若订单仍未支付，价格即修改，买家会收到新价格和付款方式。",
        "The price change is in review (#" + review.id() + "): order " + order.orderNo() + " " + Money.format(oldPrice)
            + " -> " + Money.format(newPrice) + " (" + percent + "% of the current price). Operators review it within "
            + REVIEW_WORKING_DAYS + " working days (by " + due + "); you will be mailed the result. If the order is still"
            + " unpaid when it is approved, the price changes and the buyer is mailed the new price and how to pay."));
    replaced.ifPresent(r -> msg.append('\n').append(ctx.t(
        "这项申请取代了该订单之前未审核的改价申请 #" + r.id() + "（" + r.titleZh() + "），那一项不再处理。",
        "It replaces the order's earlier open price-change request #" + r.id() + " (" + r.titleEn()
            + "), which will not be reviewed.")));
    if (!nameWarningZh.isEmpty()) {
      msg.append('\n').append(ctx.t("提示：" + nameWarningZh + "，已提示运营人员核对。",
          "Note: " + nameWarningEn + "; the operators were asked to check it."));
    }
    return Outcome.done(msg.toString());
  }

  private Outcome productRefusal(CommandContext ctx, String productId, String amount) {
    String price = amount == null || Money.parseMinor(amount).isEmpty() ? "800.00"
        : Money.format(Money.parseMinor(amount).get());
    return Outcome.refused(ctx.t(
            "“" + productId + "”是商品，不是订单。改价只用于订单（订单号只含数字）。商品的价格要用“修改商品”提交修订，经运营人员审核通过后生效。",
            "\"" + productId + "\" is a product, not an order. Price changes are for orders (order numbers are digits)."
                + " A product's price changes through \"product update\" and a review."),
        ctx.t("修改商品 " + productId + "\n价格：" + price, "product update " + productId + "\nprice: " + price));
  }

  private static String reason(ParsedCommand cmd) {
    String r = cmd.field("理由", "reason", "原因", "说明");
    return r == null ? "" : r.strip();
  }

  private static String example(CommandContext ctx, String orderNo, String amount) {
    return ctx.t("改价 " + orderNo + " " + amount, "price " + orderNo + " " + amount);
  }

  private static String sentenceExample(CommandContext ctx, String orderNo, String amount) {
    String account = ctx.actor().accountId();
    return ctx.t(ctx.actor().name() + "服务商（腾讯云账号 ID : " + account + "），申请将订单" + orderNo + "价格修改为折扣价" + amount
            + "\n或：改价 " + orderNo + " " + amount,
        "price " + orderNo + " " + amount);
  }

  /**
   * True when the name in the request and the registered company name agree, ignoring case, width,
   * spaces and a shortened form ({@code 云帆科技} for {@code 云帆科技有限公司}).
   */
  static boolean sameCompany(String written, String registered) {
    String a = squash(written);
    String b = squash(registered);
    return !a.isEmpty() && !b.isEmpty() && (a.contains(b) || b.contains(a));
  }

  private static String squash(String s) {
    return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "")
        .toLowerCase(Locale.ROOT);
  }

  /**
   * newPrice as a percentage of oldPrice, one decimal at most, rounded down so that a price under a
   * threshold never reads as the threshold: 88, 12.5, 9.9 (for 99.99 of 1,000.00).
   */
  static String percentOf(long newPrice, long oldPrice) {
    return BigDecimal.valueOf(newPrice).multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(oldPrice), 1, RoundingMode.DOWN).stripTrailingZeros().toPlainString();
  }

  /** 100 minus {@link #percentOf}: 12, 87.5, 90.1. */
  static String percentOff(long newPrice, long oldPrice) {
    return BigDecimal.valueOf(100).subtract(new BigDecimal(percentOf(newPrice, oldPrice))).stripTrailingZeros()
        .toPlainString();
  }
}
