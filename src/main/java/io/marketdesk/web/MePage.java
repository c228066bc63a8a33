package io.marketdesk.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.marketdesk.command.Actor;
import io.marketdesk.command.Role;
import io.marketdesk.identity.Directory;
import io.marketdesk.identity.Provider;
import io.marketdesk.login.Sessions;
import io.marketdesk.money.Money;
import io.marketdesk.review.Change;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /me}: the personal page of whoever logged in with a login link (SPEC §8). A provider sees its
 * account, products, orders by state, open reviews and recent audit entries; an operator the review
 * queue (overdue first) and disputed orders; a buyer their orders with the buyer-side labels. A person
 * with several roles sees each part. The page only shows: every action is a {@code mailto:} link with
 * the command written in, so every change still arrives by mail. Thread-safe.
 */
public final class MePage implements WebModule {
  private final Jdbi jdbi;
  private final Sessions sessions;
  private final Directory directory;
  private final PersonalPages pages;
  private final String serviceAddress;
  private final Clock clock;
  private final ZoneId zone;
  private final java.time.Duration loginTtl;
  private final Labels labels;
  private final io.marketdesk.template.Catalog catalog;

  public MePage(Jdbi jdbi, Sessions sessions, Directory directory, PersonalPages pages, String serviceAddress,
      Clock clock, ZoneId zone, java.time.Duration loginTtl, io.marketdesk.template.Catalog catalog) {
    this.loginTtl = loginTtl;
    this.labels = new Labels(catalog);
    this.catalog = catalog;
    this.jdbi = jdbi;
    this.sessions = sessions;
    this.directory = directory;
    this.pages = pages;
    this.serviceAddress = serviceAddress;
    this.clock = clock;
    this.zone = zone;
  }

  /** The page. Parts are null for roles the person does not have. */
  public record Model(String lang, String address, String now, ProviderPart provider, OperatorPart operator,
      BuyerPart buyer) {}

  /** A link that opens the mail client with a command in it. */
  public record Action(String label, String href) {}

  /** One labelled value. */
  public record Field(String label, String value) {}

  /** The provider's part. */
  public record ProviderPart(String accountId, String companyName, List<Field> fields, List<Action> accountActions,
      List<ProductView> products, Action newProduct, List<OrderGroup> orderGroups, List<ReviewView> reviews,
      List<AuditView> audit) {}

  /** A product row. */
  public record ProductView(String id, String type, String status, String statusLabel, String name, String price,
      boolean pending, String pageHref, List<Action> actions) {}

  /** Orders in one state. */
  public record OrderGroup(String status, String label, List<OrderView> orders) {}

  /** An order row. */
  public record OrderView(String orderNo, String product, String buyer, String price, String statusLabel, String created,
      List<Action> actions) {}

  /** An open review and what it changes. */
  public record ReviewView(long id, String kind, String title, String subject, String provider, String submitted,
      String due, boolean overdue, List<Change> changes, List<Action> actions) {}

  /** An audit entry. */
  public record AuditView(String at, String who, String what, String detail) {}

  /** The operator's part. */
  public record OperatorPart(List<ReviewView> queue, long overdue, List<DisputeView> disputes) {}

  /** A disputed order. */
  public record DisputeView(String orderNo, String productId, String accountId, String price, String statusBefore,
      String since, List<Action> actions) {}

  /** The buyer's part. */
  public record BuyerPart(List<BuyerOrderView> orders) {}

  /** An order as the buyer sees it. */
  public record BuyerOrderView(String orderNo, String product, String price, String status, String statusLabel,
      String created, List<Action> actions) {}

  @Override
  public void routes(Javalin app, Web web) {
    app.get("/me", ctx -> me(ctx, web));
  }

  private void me(Context ctx, Web web) {
    ctx.header("Cache-Control", "no-store");
    String lang = Web.lang(ctx);
    Optional<String> address = sessions.address(ctx.cookie(Sessions.COOKIE));
    if (address.isEmpty()) {
      ctx.status(401);
      web.page(ctx, "login", io.marketdesk.login.LoginRoutes.Model.of(lang, "none", serviceAddress, loginTtl, catalog));
      return;
    }
    web.page(ctx, "me", jdbi.withHandle(h -> model(h, address.get(), lang)));
  }

  /** The page of one address, in one language. */
  public Model model(Handle h, String address, String lang) {
    Actor actor = directory.actor(h, address);
    ProviderPart provider = null;
    if (actor.has(Role.PROVIDER) && actor.providerId() != null) {
      provider = directory.provider(h, actor.providerId()).map(p -> providerPart(h, p, lang)).orElse(null);
    }
    OperatorPart operator = actor.has(Role.OPERATOR) ? operatorPart(h, lang) : null;
    BuyerPart buyer = null;
    List<PersonalPages.BuyerOrderRow> bought = pages.buyerOrders(h, actor.address());
    if (!bought.isEmpty() || (provider == null && operator == null)) {
      List<BuyerOrderView> views = new ArrayList<>();
      for (PersonalPages.BuyerOrderRow o : bought) {
        views.add(new BuyerOrderView(o.orderNo(), nameOr(o.productName(), o.productId()), "¥" + Money.format(o.price()),
            o.status(), labels.buyerStatus(o.status(), lang), time(o.createdAt()), buyerActions(o, lang)));
      }
      buyer = new BuyerPart(views);
    }
    return new Model(lang, actor.address(), time(clock.millis()), provider, operator, buyer);
  }

  private ProviderPart providerPart(Handle h, Provider p, String lang) {
    boolean zh = zh(lang);
    List<Field> fields = List.of(
        new Field(zh ? "账号 ID" : "Account ID", p.accountId()),
        new Field(zh ? "公司名称" : "Company name", p.companyName()),
        new Field(zh ? "公司地址" : "Company address", p.companyAddress()),
        new Field(zh ? "统一社会信用代码" : "Unified social credit code", p.creditCode()),
        new Field(zh ? "客服电话" : "Customer-service phone", p.csPhone()),
        new Field(zh ? "客服邮箱" : "Customer-service email", p.csEmail()),
        new Field(zh ? "服务时间" : "Service hours", p.csHours()),
        new Field(zh ? "联系人" : "Contact", p.contactName()),
        new Field(zh ? "联系电话" : "Contact phone", p.contactPhone()),
        new Field(zh ? "联系邮箱" : "Contact email", p.contactEmail()),
        new Field(zh ? "登录邮箱" : "Sender addresses", String.join(", ", p.addresses())));
    List<Action> accountActions = List.of(
        action(zh ? "查看账户信息" : "View account", zh ? "账户信息" : "account", null),
        action(zh ? "修改账户信息" : "Change account info", zh ? "修改账户信息" : "account update",
            null));
    List<ProductView> products = new ArrayList<>();
    for (PersonalPages.ProductRow r : pages.products(h, p.id())) {
      products.add(new ProductView(r.id(), labels.type(r.type(), lang), r.status(), labels.productStatus(r.status(), lang),
          nameOr(r.name(), r.id()),
          r.price() == null ? "" : "¥" + Money.format(r.price()) + (r.unit() == null || r.unit().isBlank() ? "" : " / " + r.unit()),
          r.pendingRevision(),
          r.status().equals("listed") || r.status().equals("delisted") ? "/products/" + r.id() : null,
          productActions(r, lang)));
    }
    Action newProduct = action(zh ? "新建商品" : "New product", zh ? "新建商品" : "product new",
        zh ? "名称: \n服务类型: 运维服务\n价格: \n计费单位: 次\n简介: \n详情: "
            : "name: \ntype: ops\nprice: \nunit: once\nsummary: \ndescription: ");
    Map<String, List<OrderView>> byState = new LinkedHashMap<>();
    for (String s : Labels.ORDER_STATES) {
      byState.put(s, new ArrayList<>());
    }
    for (PersonalPages.OrderRow o : pages.providerOrders(h, p.id())) {
      byState.computeIfAbsent(o.status(), k -> new ArrayList<>()).add(new OrderView(o.orderNo(),
          nameOr(o.productName(), o.productId()), o.buyerEmail(), "¥" + Money.format(o.price()),
          labels.orderStatus(o.status(), lang), time(o.createdAt()), orderActions(p, o, lang)));
    }
    List<OrderGroup> groups = new ArrayList<>();
    byState.forEach((s, list) -> {
      if (!list.isEmpty()) {
        groups.add(new OrderGroup(s, labels.orderStatus(s, lang), list));
      }
    });
    List<ReviewView> reviews = new ArrayList<>();
    for (PersonalPages.ReviewRow r : pages.providerReviews(h, p.id())) {
      reviews.add(reviewView(r, lang, false));
    }
    List<AuditView> audit = new ArrayList<>();
    for (PersonalPages.AuditRow a : pages.providerAudit(h, p.id(), p.accountId(), 20)) {
      String who = p.addresses().contains(a.actor()) ? a.actor()
          : pages.isOperatorAddress(h, a.actor()) ? (zh ? "运营人员" : "operator") : (zh ? "系统或买家" : "system or buyer");
      String detail = (a.before() == null || a.before().isBlank() ? "" : a.before() + " → ")
          + (a.after() == null ? "" : a.after());
      audit.add(new AuditView(time(a.at()), who, a.entity() + " " + a.entityId() + " · " + a.action(), detail));
    }
    return new ProviderPart(p.accountId(), p.companyName(), fields, accountActions, products, newProduct, groups, reviews,
        audit);
  }

  private OperatorPart operatorPart(Handle h, String lang) {
    List<ReviewView> queue = new ArrayList<>();
    long overdue = 0;
    for (PersonalPages.ReviewRow r : pages.reviewQueue(h)) {
      ReviewView v = reviewView(r, lang, true);
      overdue += v.overdue() ? 1 : 0;
      queue.add(v);
    }
    List<DisputeView> disputes = new ArrayList<>();
    for (PersonalPages.DisputeRow d : pages.disputes(h)) {
      List<Action> actions = d.reviewId() == null ? List.of() : reviewActions(d.reviewId(), lang);
      disputes.add(new DisputeView(d.orderNo(), d.productId(), d.accountId() == null ? "" : d.accountId(),
          "¥" + Money.format(d.price()), d.statusBefore() == null ? "" : labels.orderStatus(d.statusBefore(), lang),
          time(d.updatedAt()), actions));
    }
    return new OperatorPart(queue, overdue, disputes);
  }

  private ReviewView reviewView(PersonalPages.ReviewRow r, String lang, boolean forOperator) {
    boolean zh = zh(lang);
    String provider = r.accountId() == null ? "" : r.companyName() + " (" + r.accountId() + ")";
    return new ReviewView(r.id(), labels.reviewKind(r.kind(), lang), zh ? r.titleZh() : r.titleEn(), r.subject(),
        provider, time(r.submittedAt()), DateTimeFormatter.ISO_LOCAL_DATE.format(Instant.ofEpochMilli(r.dueAt() - 1).atZone(zone)),
        clock.millis() >= r.dueAt(), r.changes(), forOperator ? reviewActions(r.id(), lang) : List.of());
  }

  private List<Action> reviewActions(long id, String lang) {
    boolean zh = zh(lang);
    return List.of(
        action(zh ? "同意" : "Approve", zh ? "审核 " + id + " 同意" : "review " + id + " approve", null),
        action(zh ? "拒绝（写明理由）" : "Reject (with a reason)", zh ? "审核 " + id + " 拒绝 " : "review " + id + " reject ",
            null));
  }

  private List<Action> productActions(PersonalPages.ProductRow r, String lang) {
    boolean zh = zh(lang);
    List<Action> a = new ArrayList<>();
    a.add(action(zh ? "查看" : "View", (zh ? "查看商品 " : "product view ") + r.id(), null));
    a.add(action(zh ? "修改" : "Change", (zh ? "修改商品 " : "product update ") + r.id(), null));
    if (r.status().equals("listed")) {
      a.add(action(zh ? "下架" : "Delist", (zh ? "下架商品 " : "product delist ") + r.id(), null));
    } else if (r.status().equals("delisted")) {
      a.add(action(zh ? "重新上架" : "Relist", (zh ? "上架商品 " : "product relist ") + r.id(), null));
    }
    return a;
  }

  private List<Action> orderActions(Provider p, PersonalPages.OrderRow o, String lang) {
    boolean zh = zh(lang);
    String no = o.orderNo();
    List<Action> a = new ArrayList<>();
    a.add(action(zh ? "详情" : "Details", (zh ? "订单详情 " : "order ") + no, null));
    switch (o.status()) {
      case "unpaid":
        a.add(zh
            ? mail("申请改价", "申请改价 " + no, p.companyName() + "服务商（腾讯云账号 ID : " + p.accountId() + "），申请将订单" + no
                + "价格修改为折扣价\n理由: ")
            : mail("Ask for a price change", "price " + no, "price " + no + " \nreason: "));
        break;
      case "paid":
        a.add(action(zh ? "开始实施" : "Start", (zh ? "开始实施 " : "start ") + no, null));
        break;
      case "implementing":
        a.add(action(zh ? "实施完成" : "Done", (zh ? "已完成 " : "done ") + no, null));
        break;
      case "awaiting_confirmation":
        a.add(action(zh ? "催促确认" : "Remind the buyer", (zh ? "催促确认 " : "remind ") + no, null));
        break;
      default:
        break;
    }
    return a;
  }

  private List<Action> buyerActions(PersonalPages.BuyerOrderRow o, String lang) {
    boolean zh = zh(lang);
    String no = o.orderNo();
    List<Action> a = new ArrayList<>();
    a.add(action(zh ? "查询" : "Status", (zh ? "查询订单 " : "status ") + no, null));
    if (o.status().equals("paid") || o.status().equals("implementing")) {
      a.add(action(zh ? "提交需求单" : "Send requirements", (zh ? "提交需求单 " : "requirements ") + no, "\n"));
    }
    if (o.status().equals("awaiting_confirmation")) {
      a.add(action(zh ? "确认完成" : "Confirm completion", (zh ? "确认完成 " : "confirm ") + no, null));
    }
    return a;
  }

  /** A mailto action: the command line as subject; as body the command line and, when given, more lines. */
  private Action action(String label, String command, String more) {
    return mail(label, command.trim(), more == null ? command : command + "\n" + more);
  }

  /** A mailto action with its own subject and body. */
  private Action mail(String label, String subject, String body) {
    return new Action(label, Mailto.of(serviceAddress, subject, body));
  }

  private String time(long millis) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone).format(Instant.ofEpochMilli(millis));
  }

  private static String nameOr(String name, String id) {
    return name == null || name.isBlank() ? id : name;
  }

  private static boolean zh(String lang) {
    return "zh".equals(lang);
  }
}
