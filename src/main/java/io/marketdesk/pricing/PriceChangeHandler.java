package io.marketdesk.pricing;

import io.marketdesk.command.CommandContext;
import io.marketdesk.command.DeclaredCommand;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.text.Language;
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
import io.marketdesk.text.Message;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code order.price}: a provider asks to lower the price of one of its unpaid orders (docs/pricing.md).
 * Written as the console guide's sentence or as {@code 改价 NO AMOUNT} / {@code price NO
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
final class PriceChangeHandler extends DeclaredCommand {
  static final String NAME = "order.price";
  static final int REVIEW_WORKING_DAYS = 3;
  static final int MAX_REASON = 500;

  /**
   * The console guide's sentence written about a product ({@code 商品P1001} instead of {@code 订单NO}); read
   * only so that the reply can send the provider to {@code 修改商品}. Args: {@code product=ID AMOUNT}.
   */
  private static final Properties GRAMMAR = grammar();
  private static final Pattern PRODUCT_SENTENCE = Pattern.compile(GRAMMAR.getProperty("product-sentence"),
      Pattern.CASE_INSENSITIVE);
  private static final Pattern PRODUCT_ARGS = Pattern.compile(GRAMMAR.getProperty("product-args"),
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  /** The product price sentence's patterns ({@code grammar/price.properties}). */
  private static Properties grammar() {
    Properties p = new Properties();
    try (InputStream in = PriceChangeHandler.class.getClassLoader().getResourceAsStream("grammar/price.properties")) {
      if (in == null) {
        throw new IllegalStateException("grammar/price.properties is missing");
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

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

  static final CommandSpec SPEC = new CommandSpec(NAME,
      Set.of(Role.PROVIDER), CommandSpec.Body.FIELDS, RECOGNIZER);

  private final Reviews reviews;
  private final Directory directory;
  private final OrderPriceStore orders;
  private final int reasonBelowPercent;

  PriceChangeHandler(Reviews reviews, Directory directory, OrderPriceStore orders, int reasonBelowPercent) {
    super(SPEC, true);
    this.reviews = reviews;
    this.directory = directory;
    this.orders = orders;
    this.reasonBelowPercent = reasonBelowPercent;
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
      return Outcome.refused(ctx.m("price-change-handler.handle.1"),
          example(ctx, "20261128000123", "880.00"));
    }
    Request req = parsed.get();
    String accountId = ctx.actor().accountId();
    if (req.accountId() != null && !req.accountId().equals(accountId)) {
      return Outcome.refused(ctx.m("price-change-handler.handle.2", "accountId", req.accountId(), "accountId2", accountId),
          sentenceExample(ctx, req.orderNo(), req.amountText()));
    }
    Optional<PricedOrder> found = orders.find(ctx.handle(), req.orderNo());
    if (found.isEmpty()) {
      return Outcome.refused(ctx.m("price-change-handler.handle.3", "orderNo", req.orderNo()),
          ctx.m("price-change-handler.handle.4"));
    }
    PricedOrder order = found.get();
    if (order.providerId() != ctx.actor().providerId()) {
      return Outcome.refused(ctx.m("price-change-handler.handle.5", "orderNo", req.orderNo(), "accountId", accountId),
          ctx.m("price-change-handler.handle.6"));
    }
    if (!order.unpaid()) {
      return Outcome.refused(ctx.m("price-change-handler.handle.7", "orderNo", order.orderNo(), "status", ctx.m("state.order." + order.status())),
          ctx.m("price-change-handler.handle.8"));
    }
    long newPrice = req.amountMinor();
    long oldPrice = order.price();
    if (newPrice <= 0) {
      return Outcome.refused(ctx.m("price-change-handler.handle.9"),
          example(ctx, order.orderNo(), Money.format(Math.max(1, oldPrice * 9 / 10))));
    }
    if (newPrice >= oldPrice) {
      return Outcome.refused(ctx.m("price-change-handler.handle.10", "format", Money.formatYuan(newPrice), "format2", Money.formatYuan(oldPrice)),
          example(ctx, order.orderNo(), Money.format(oldPrice * 9 / 10)));
    }
    String reason = reason(ctx, cmd);
    if (reason.length() > MAX_REASON) {
      return Outcome.refused(ctx.m("price-change-handler.handle.11", "MAX_REASON", MAX_REASON),
          example(ctx, order.orderNo(), Money.formatYuan(newPrice)) + "\n" + ctx.m("price-change-handler.handle.12"));
    }
    if (reason.isEmpty() && newPrice * 100 < oldPrice * reasonBelowPercent) {
      return Outcome.refused(ctx.m("price-change-handler.handle.13", "format", Money.formatYuan(newPrice), "format2", Money.formatYuan(oldPrice), "reasonBelowPercent", reasonBelowPercent),
          example(ctx, order.orderNo(), Money.format(newPrice)) + "\n"
              + ctx.m("price-change-handler.handle.14"));
    }
    Provider provider = directory.provider(ctx.handle(), ctx.actor().providerId()).orElseThrow();
    boolean nameDiffers = req.providerName() != null && !sameCompany(req.providerName(), provider.companyName());
    String percent = percentOf(newPrice, oldPrice);
    String off = percentOff(newPrice, oldPrice);
    String product = order.productId() + (order.productName() == null ? "" : " " + order.productName());
    List<Change> changes = new ArrayList<>();
    changes.add(Change.of(ctx, "price", Money.formatYuan(oldPrice), Money.formatYuan(newPrice)));
    changes.add(Change.of(ctx, "discount", "100%", percent + "% (-" + off + "%)"));
    changes.add(Change.of(ctx, "order", null, order.orderNo() + " · " + product));
    if (order.originalPrice() != oldPrice) {
      changes.add(Change.of(ctx, "original", null, Money.formatYuan(order.originalPrice())));
    }
    changes.add(Change.of(ctx, "reason", null, reason));
    if (nameDiffers) {
      changes.add(new Change("warning", ctx.in(Language.ZH, "change.warning"), ctx.in(Language.EN, "change.warning"), null,
          ctx.in(Language.ZH, "price-change.name-differs", "given", req.providerName(), "registered", provider.companyName()),
          null, ctx.in(Language.EN, "price-change.name-differs", "given", req.providerName(), "registered",
              provider.companyName())).labelled("change.warning"));
    }
    Object[] title = {"orderNo", order.orderNo(), "was", Money.formatYuan(oldPrice), "now", Money.formatYuan(newPrice),
        "percent", percent, "off", off};
    Optional<Review> replaced = reviews.openFor(ctx.handle(), PriceReviewKind.KIND, order.orderNo());
    PricePayload payload = new PricePayload(order.orderNo(), oldPrice, newPrice, reason, ctx.language().code());
    Review review = reviews.submit(ctx, new Reviews.Submission(PriceReviewKind.KIND, order.orderNo(),
        ctx.actor().providerId(), Message.of("price-change.review.title", title), payload.toJson(), changes,
        REVIEW_WORKING_DAYS));
    ctx.audit("order", order.orderNo(), "price_change_requested", "price=" + Money.format(oldPrice),
        "price=" + Money.format(newPrice) + " (review #" + review.id() + (reason.isEmpty() ? "" : ", reason: " + reason)
            + ")");
    String due = reviews.dueText(review.dueAt());
    StringBuilder msg = new StringBuilder(ctx.m("price-change-handler.handle.15", "id", review.id(), "orderNo", order.orderNo(), "format", Money.formatYuan(oldPrice), "format2", Money.formatYuan(newPrice), "percent", percent, "REVIEW_WORKING_DAYS", REVIEW_WORKING_DAYS, "due", due));
    replaced.ifPresent(r -> msg.append('\n').append(ctx.m("price-change-handler.handle.16", "id", r.id(), "titleZh", reviews.title(r, ctx.language().code()), "titleEn", reviews.title(r, ctx.language().code()))));
    if (nameDiffers) {
      msg.append('\n').append(ctx.m("price-change-handler.handle.17", "warning",
          ctx.m("price-change.name-differs", "given", req.providerName(), "registered", provider.companyName())));
    }
    return Outcome.sentForReview(msg.toString());
  }

  private Outcome productRefusal(CommandContext ctx, String productId, String amount) {
    String price = amount == null || Money.parseMinor(amount).isEmpty() ? "800.00"
        : Money.format(Money.parseMinor(amount).get());
    return Outcome.refused(ctx.m("price-change-handler.product-refusal.1", "productId", productId),
        ctx.m("price-change-handler.product-refusal.2", "productId", productId, "price", price));
  }

  private static String reason(CommandContext ctx, ParsedCommand cmd) {
    String r = cmd.field(ctx.words("words.field.price.reason").toArray(new String[0]));
    return r == null ? "" : r.strip();
  }

  private static String example(CommandContext ctx, String orderNo, String amount) {
    return ctx.m("price-change-handler.example.1", "orderNo", orderNo, "amount", amount);
  }

  private static String sentenceExample(CommandContext ctx, String orderNo, String amount) {
    String account = ctx.actor().accountId();
    return ctx.m("price-change-handler.sentence-example.1", "actor", ctx.actor().name(), "account", account, "orderNo", orderNo, "amount", amount);
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
