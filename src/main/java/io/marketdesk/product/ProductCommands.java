package io.marketdesk.product;

import io.marketdesk.text.Dates;
import io.marketdesk.command.ActionCommand;
import io.marketdesk.command.CommandContext;
import io.marketdesk.command.CommandHandler;
import io.marketdesk.command.CommandSpec.Body;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.command.Role;
import io.marketdesk.confirm.Confirmations;
import io.marketdesk.money.Money;
import io.marketdesk.review.Review;
import io.marketdesk.review.Reviews;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The provider's product commands (docs/commands.md, docs/products.md), each a small handler over {@link ProductWorkflow}:
 *
 * <pre>
 * 商品列表 / products [status]                    the provider's products (状态: 审核中 已上架 已驳回 已下架)
 * 新建商品 / product new                          fields 名称 服务类型 价格 计费单位 简介 详情 (all required)
 * 修改商品 ID / product update ID                 the changed fields -&gt; a revision in review
 * 查看商品 ID / product view ID                   the page link, what buyers see, the version in review, history
 * 下架商品 ID / product delist ID [确定/confirm]  delist after confirmation
 * 上架商品 ID / product relist ID                 [changed fields] a delisted product back into review
 * </pre>
 *
 * Only providers, and only on their own products. Stateless and thread-safe.
 */
public final class ProductCommands {
  static final Set<Role> PROVIDER = Set.of(Role.PROVIDER);

  private final ProductWorkflow products;
  private final Reviews reviews;
  private final Confirmations confirmations;

  private ProductCommands(ProductWorkflow products, Reviews reviews, Confirmations confirmations) {
    this.products = products;
    this.reviews = reviews;
    this.confirmations = confirmations;
  }

  /** Every product command. */
  public static List<CommandHandler> all(ProductWorkflow products, Reviews reviews, Confirmations confirmations) {
    ProductCommands c = new ProductCommands(products, reviews, confirmations);
    return List.of(
        new ActionCommand(new CommandSpec("product.list", PROVIDER, Body.NONE), false, c::list),
        new ActionCommand(new CommandSpec("product.new", PROVIDER, Body.FIELDS), true, c::create),
        new ActionCommand(new CommandSpec("product.update", PROVIDER, Body.FIELDS), true, c::update),
        new ActionCommand(new CommandSpec("product.view", PROVIDER, Body.NONE), false, c::view),
        new ActionCommand(new CommandSpec("product.delist", PROVIDER, Body.NONE), true, c::delist),
        new ActionCommand(new CommandSpec("product.relist", PROVIDER, Body.FIELDS), true, c::relist));
  }

  /** The first word of the arguments: the product ID. */
  static String idArg(ParsedCommand cmd) {
    String a = cmd.args().trim();
    if (a.isEmpty()) {
      return "";
    }
    return a.split("[\\s,;]+")[0];
  }

  private Outcome list(CommandContext ctx, ParsedCommand cmd) {
    String arg = cmd.args().trim();
    ProductStatus filter = null;
    if (!arg.isEmpty() && !ctx.words("product-commands.all-words").contains(arg.toLowerCase(Locale.ROOT))) {
      Optional<ProductStatus> st = ProductStatus.parse(arg, ctx::words);
      if (st.isEmpty()) {
        return Outcome.refused(ctx.m("product-commands.handle.1", "arg", arg), ctx.m("product-commands.handle.2"));
      }
      filter = st.get();
    }
    Handle h = ctx.handle();
    List<Product> list = products.dao().list(h, ctx.actor().providerId(), filter);
    StringBuilder sb = new StringBuilder();
    String which = filter == null ? "" : ctx.m("product-commands.handle.3", "label", ctx.m(filter.labelKey()));
    if (list.isEmpty()) {
      sb.append(ctx.m("product-commands.handle.4", "which", which));
      return Outcome.done(sb.toString());
    }
    sb.append(ctx.m("product-commands.handle.5", "which", which, "list", list.size()));
    for (Product p : list) {
      ProductContent c = p.live().orElseGet(() -> products.currentDraft(h, p));
      sb.append("\n").append(p.id()).append("  ").append(ctx.m(c.type().labelKey())).append("  ").append(c.name())
          .append("  ").append(Money.formatYuan(c.price())).append("/").append(c.unit()).append("  ")
          .append(ctx.m(p.status().labelKey()));
      if (p.status() == ProductStatus.LISTED && p.pendingRevision()) {
        Optional<Review> r = reviews.openFor(h, ProductWorkflow.REVIEW_KIND, p.id());
        sb.append(ctx.m("product-commands.handle.6")).append(r.map(x -> " #" + x.id()).orElse(""))
            .append(ctx.m("product-commands.handle.7"));
      }
      if (p.everListed()) {
        sb.append("\n    ").append(products.pageUrl(p.id()));
      }
    }
    sb.append("\n").append(ctx.m("product-commands.handle.8"));
    return Outcome.done(sb.toString());
  }

  private Outcome create(CommandContext ctx, ParsedCommand cmd) {
    ProductWorkflow.Submitted s = products.create(ctx.handle(), ProductWorkflow.Asker.of(ctx), cmd.fields());
    if (!(s instanceof ProductWorkflow.InReview done)) {
      return refused(ctx, s);
    }
    String id = done.product().id();
    ProductContent c = done.content();
    Review r = done.review();
    return Outcome.sentForReview(ctx.m("products.create.1", "id", id, "c", c.name(), "type", ctx.m(c.type().labelKey()),
        "price", Money.formatYuan(c.price()), "unit", c.unit(), "id2", r.id(), "reviewDays", c.type().reviewDays(),
        "dueAt", reviews.dueText(r.dueAt()), "pageUrl", products.pageUrl(id)));
  }

  private Outcome update(CommandContext ctx, ParsedCommand cmd) {
    return inReview(ctx, products.update(ctx.handle(), ProductWorkflow.Asker.of(ctx), idArg(cmd), cmd.fields()));
  }

  private Outcome relist(CommandContext ctx, ParsedCommand cmd) {
    return inReview(ctx, products.relist(ctx.handle(), ProductWorkflow.Asker.of(ctx), idArg(cmd), cmd.fields()));
  }

  /** The reply to 修改商品 and 上架商品: what is in review now, and what changed. */
  private Outcome inReview(CommandContext ctx, ProductWorkflow.Submitted s) {
    if (!(s instanceof ProductWorkflow.InReview done)) {
      return refused(ctx, s);
    }
    Product p = done.product();
    ProductContent c = done.content();
    Review r = done.review();
    String due = reviews.dueText(r.dueAt());
    if (ProductWorkflow.RELIST.equals(done.action())) {
      String what = ProductForm.diff(p.live().orElseThrow(), c).isEmpty() ? ctx.m("products.relist.3")
          : changedNames(ctx, p.live().orElseThrow(), c);
      return Outcome.sentForReview(ctx.m("products.relist.4", "id", p.id(), "c", c.name(), "what", what, "id2", r.id(),
          "dueAt", due, "replaced", done.replaced()));
    }
    if (p.everListed()) {
      return Outcome.sentForReview(ctx.m("products.update.3", "id", p.id(), "c", c.name(), "id2", r.id(), "dueAt", due,
          "changed", changedNames(ctx, p.live().orElseThrow(), c), "replaced", done.replaced()));
    }
    return Outcome.sentForReview(ctx.m("products.update.4", "id", p.id(), "c", c.name(), "id2", r.id(), "dueAt", due,
        "replaced", done.replaced()));
  }

  private Outcome delist(CommandContext ctx, ParsedCommand cmd) {
    ProductWorkflow.Owned checked = products.checkDelist(ctx.handle(), ProductWorkflow.Asker.of(ctx), idArg(cmd));
    if (checked instanceof ProductWorkflow.Refused r) {
      return refused(ctx, r);
    }
    Product p = ((ProductWorkflow.Mine) checked).product();
    String pending = p.pendingRevision()
        ? ctx.m("product-commands.handle.9") : "";
    return confirmations.confirmOrAsk(ctx, cmd, ProductWorkflow.DELIST_PURPOSE, p.id(), null, ctx.m("product-commands.handle.10", "id", p.id(), "p", p.name(), "pending", pending));
  }

  /** A refused or invalid change, worded in the reply's language with its example. */
  static Outcome refused(CommandContext ctx, Object result) {
    if (result instanceof ProductWorkflow.Invalid bad) {
      return Outcome.refused(ctx.m("products.errors.1") + "- "
          + String.join("\n- ", bad.errors().stream().map(ctx::m).toList()), example(ctx, bad.example(), bad.exampleId()));
    }
    ProductWorkflow.Refused no = (ProductWorkflow.Refused) result;
    return Outcome.refused(ctx.m(no.refusal().reason()), example(ctx, no.example(), no.exampleId()));
  }

  private static String example(CommandContext ctx, ProductWorkflow.Example e, String id) {
    switch (e) {
      case CREATE:
        return ProductExamples.create(ctx);
      case UPDATE:
        return ProductExamples.update(ctx, id);
      case RELIST:
        return ProductExamples.relist(ctx, id);
      case DELIST:
        return ProductExamples.delist(ctx, id);
      case VIEW:
        return ProductExamples.view(ctx, id);
      case NOT_FOUND:
        return ctx.m("products.no.3");
      case NOT_YOURS:
        return ctx.m("products.no.5");
      default:
        return ctx.m("products.relist.8");
    }
  }

  private static String changedNames(CommandContext ctx, ProductContent before, ProductContent after) {
    List<String> parts = new ArrayList<>();
    for (ProductForm.Field f : ProductForm.diff(before, after)) {
      String old = before == null ? "" : ProductForm.value(before, f, t -> ctx.m(t.labelKey()));
      String now = ProductForm.value(after, f, t -> ctx.m(t.labelKey()));
      if (f == ProductForm.Field.DESCRIPTION || f == ProductForm.Field.SUMMARY) {
        parts.add(ctx.m("products.changed-names.1", "f", ctx.m(f.labelKey())));
      } else {
        parts.add(ctx.m("products.changed-names.2", "f", ctx.m(f.labelKey()), "old", old, "now", now));
      }
    }
    return String.join(ctx.m("products.changed-names.3"), parts);
  }

  private Outcome view(CommandContext ctx, ParsedCommand cmd) {
    ProductWorkflow.Owned owned = products.owned(ctx.handle(), ProductWorkflow.Asker.of(ctx), idArg(cmd), ProductWorkflow.Example.VIEW);
    if (owned instanceof ProductWorkflow.Refused r) {
      return refused(ctx, r);
    }
    Product p = ((ProductWorkflow.Mine) owned).product();
    Handle h = ctx.handle();
    boolean zh = ctx.zh();
    StringBuilder sb = new StringBuilder();
    sb.append(ctx.m("product-commands.handle.11")).append(p.id()).append(" · ").append(ctx.m(p.status().labelKey()));
    if (p.everListed()) {
      sb.append("\n").append(ctx.m("product-commands.handle.12")).append(products.pageUrl(p.id()));
      if (p.status() == ProductStatus.LISTED) {
        sb.append("\n").append(ctx.m("product-commands.handle.13"));
      } else {
        sb.append("\n").append(ctx.m("product-commands.handle.14"));
      }
      content(sb, ctx, p.live().orElseThrow());
    } else {
      sb.append("\n").append(ctx.m("product-commands.handle.15"));
    }
    if (p.pendingRevision()) {
      ProductVersion v = products.dao().version(h, p.id(), p.pendingVersion()).orElseThrow();
      Optional<Review> r = reviews.openFor(h, ProductWorkflow.REVIEW_KIND, p.id());
      sb.append("\n\n").append(ctx.m("product-commands.handle.16")).append(v.version())
          .append(r.map(x -> ctx.m("product-commands.handle.17", "id", x.id(), "dueAt", reviews.dueText(x.dueAt()))).orElse(""))
          .append(ctx.m("product-commands.handle.18"));
      content(sb, ctx, v.content());
    }
    sb.append("\n\n").append(ctx.m("product-commands.handle.19"));
    DateTimeFormatter fmt = Dates.MINUTE.withZone(zone());
    for (ProductVersion v : products.dao().versions(h, p.id())) {
      sb.append("\n  v").append(v.version()).append("  ").append(versionStatus(ctx, v, p)).append("  ")
          .append(fmt.format(Instant.ofEpochMilli(v.submittedAt()))).append("  ").append(action(ctx, v.action()))
          .append("  ").append(v.content().name()).append("  ").append(Money.formatYuan(v.content().price()))
          .append("/").append(v.content().unit());
    }
    return Outcome.done(sb.toString());
  }

  private ZoneId zone() {
    return reviews.zone();
  }

  private static void content(StringBuilder sb, CommandContext ctx, ProductContent c) {
    sb.append("\n  ").append(ctx.m("product-commands.content.1")).append(c.name());
    sb.append("\n  ").append(ctx.m("product-commands.content.2")).append(ctx.m(c.type().labelKey()));
    sb.append("\n  ").append(ctx.m("product-commands.content.3")).append(Money.formatYuan(c.price())).append(" / ").append(c.unit());
    sb.append("\n  ").append(ctx.m("product-commands.content.4")).append(c.summary());
    sb.append("\n  ").append(ctx.m("product-commands.content.5")).append(c.description().replace("\n", "\n    "));
  }

  private static String versionStatus(CommandContext ctx, ProductVersion v, Product p) {
    if (Integer.valueOf(v.version()).equals(p.liveVersion())) {
      return ctx.m("product-version.live");
    }
    String key = "product-version." + v.status();
    return ctx.mailer().catalog().has(ctx.language().code(), key) ? ctx.m(key) : v.status();
  }

  private static String action(CommandContext ctx, String action) {
    return ctx.m("product-version.action." + (ProductWorkflow.NEW.equals(action) ? "new"
        : ProductWorkflow.RELIST.equals(action) ? "relist" : "revision"));
  }
}
