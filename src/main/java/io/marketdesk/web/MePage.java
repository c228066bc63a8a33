package io.marketdesk.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.marketdesk.command.Actor;
import io.marketdesk.command.Role;
import io.marketdesk.feature.Mailto;
import io.marketdesk.feature.PersonalSection;
import io.marketdesk.feature.Web;
import io.marketdesk.feature.WebModule;
import io.marketdesk.identity.Directory;
import io.marketdesk.identity.Provider;
import io.marketdesk.login.Sessions;
import io.marketdesk.money.Money;
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
 * {@code /me}: the personal page of whoever logged in with a login link (docs/web.md). A provider sees its
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
  private final List<PersonalSection> sections;

  public MePage(Jdbi jdbi, Sessions sessions, Directory directory, PersonalPages pages, String serviceAddress,
      Clock clock, ZoneId zone, java.time.Duration loginTtl, io.marketdesk.template.Catalog catalog) {
    this(jdbi, sessions, directory, pages, serviceAddress, clock, zone, loginTtl, catalog, List.of());
  }

  /**
   * @param sections the parts features contribute (the list the wiring fills; read at each request)
   */
  public MePage(Jdbi jdbi, Sessions sessions, Directory directory, PersonalPages pages, String serviceAddress,
      Clock clock, ZoneId zone, java.time.Duration loginTtl, io.marketdesk.template.Catalog catalog,
      List<PersonalSection> sections) {
    this.sections = sections;
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
      BuyerPart buyer, List<PersonalSection.Table> sections) {}

  /** A link that opens the mail client with a command in it. */
  public record Action(String label, String href) {}

  /** One labelled value. */
  public record Field(String label, String value) {}

  /** The provider's part. */
  public record ProviderPart(String accountId, String companyName, List<Field> fields, List<Action> accountActions,
      List<ProductView> products, Action newProduct, List<OrderGroup> orderGroups, List<ReviewView> reviews,
      List<AuditView> audit, TeamPart team) {}

  /** The account's team (docs/teams.md); the add action only for an admin. */
  public record TeamPart(List<MemberView> members, Action add) {}

  /** A member of the team. */
  public record MemberView(String address, String role, String roleLabel, boolean you, String added) {}

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
      String due, boolean overdue, List<io.marketdesk.review.Reviews.Line> changes, List<Action> actions) {}

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
      provider = directory.provider(h, actor.providerId()).map(p -> providerPart(h, p, lang, actor.address())).orElse(null);
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
    List<PersonalSection.Table> tables = new ArrayList<>();
    for (PersonalSection s : sections) {
      tables.addAll(s.tables(h, actor, lang));
    }
    return new Model(lang, actor.address(), time(clock.millis()), provider, operator, buyer, tables);
  }

  private ProviderPart providerPart(Handle h, Provider p, String lang, String address) {
    List<Field> fields = List.of(
        new Field(catalog.text(lang, "me.1"), p.accountId()),
        new Field(catalog.text(lang, "me.2"), p.companyName()),
        new Field(catalog.text(lang, "me.3"), p.companyAddress()),
        new Field(catalog.text(lang, "me.4"), p.creditCode()),
        new Field(catalog.text(lang, "me.5"), p.csPhone()),
        new Field(catalog.text(lang, "me.6"), p.csEmail()),
        new Field(catalog.text(lang, "me.7"), p.csHours()),
        new Field(catalog.text(lang, "me.8"), p.contactName()),
        new Field(catalog.text(lang, "me.9"), p.contactPhone()),
        new Field(catalog.text(lang, "me.10"), p.contactEmail()),
        new Field(catalog.text(lang, "me.11"), String.join(", ", p.addresses())));
    List<Action> accountActions = List.of(
        action(catalog.text(lang, "me.12"), catalog.text(lang, "me.13"), null),
        action(catalog.text(lang, "me.14"), catalog.text(lang, "me.15"),
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
    Action newProduct = action(catalog.text(lang, "me.16"), catalog.text(lang, "me.17"),
        catalog.text(lang, "me.18"));
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
          : pages.isOperatorAddress(h, a.actor()) ? catalog.text(lang, "me.19") : catalog.text(lang, "me.20");
      String detail = (a.before() == null || a.before().isBlank() ? "" : a.before() + " → ")
          + (a.after() == null ? "" : a.after());
      audit.add(new AuditView(time(a.at()), who, a.entity() + " " + a.entityId() + " · " + a.action(), detail));
    }
    return new ProviderPart(p.accountId(), p.companyName(), fields, accountActions, products, newProduct, groups, reviews,
        audit, teamPart(h, p, lang, address));
  }

  private TeamPart teamPart(Handle h, Provider p, String lang, String address) {
    List<MemberView> members = new ArrayList<>();
    boolean admin = false;
    for (Directory.Member m : directory.members(h, p.id())) {
      boolean you = m.address().equals(address);
      admin |= you && m.role() == io.marketdesk.command.TeamRole.ADMIN;
      members.add(new MemberView(m.address(), m.role().code(), catalog.text(lang, "team-role." + m.role().code()), you,
          m.addedAt() == null ? catalog.text(lang, "page.team.onboarding") : time(m.addedAt())));
    }
    String add = catalog.text(lang, "team.add.example", "address", catalog.text(lang, "team.example-address"));
    return new TeamPart(members, admin ? action(catalog.text(lang, "page.team.add"), add, null) : null);
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
    String provider = r.accountId() == null ? "" : r.companyName() + " (" + r.accountId() + ")";
    String title = io.marketdesk.review.Reviews.title(catalog, lang, r.titleMsg(), r.titleZh(), r.titleEn());
    return new ReviewView(r.id(), labels.reviewKind(r.kind(), lang), title, r.subject(),
        provider, time(r.submittedAt()), DateTimeFormatter.ISO_LOCAL_DATE.format(Instant.ofEpochMilli(r.dueAt() - 1).atZone(zone)),
        clock.millis() >= r.dueAt(), io.marketdesk.review.Reviews.lines(catalog, lang, r.changes()),
        forOperator ? reviewActions(r.id(), lang) : List.of());
  }

  private List<Action> reviewActions(long id, String lang) {
    return List.of(
        action(catalog.text(lang, "me.21"), catalog.text(lang, "me.review.approve", "id", id), null),
        action(catalog.text(lang, "me.22"), catalog.text(lang, "me.review.reject", "id", id),
            null));
  }

  private List<Action> productActions(PersonalPages.ProductRow r, String lang) {
    List<Action> a = new ArrayList<>();
    a.add(action(catalog.text(lang, "me.23"), catalog.text(lang, "me.24") + r.id(), null));
    a.add(action(catalog.text(lang, "me.25"), catalog.text(lang, "me.26") + r.id(), null));
    if (r.status().equals("listed")) {
      a.add(action(catalog.text(lang, "me.27"), catalog.text(lang, "me.28") + r.id(), null));
    } else if (r.status().equals("delisted")) {
      a.add(action(catalog.text(lang, "me.29"), catalog.text(lang, "me.30") + r.id(), null));
    }
    return a;
  }

  private List<Action> orderActions(Provider p, PersonalPages.OrderRow o, String lang) {
    String no = o.orderNo();
    List<Action> a = new ArrayList<>();
    a.add(action(catalog.text(lang, "me.31"), catalog.text(lang, "me.32") + no, null));
    switch (o.status()) {
      case "unpaid":
        a.add(mail(catalog.text(lang, "me.price.label"), catalog.text(lang, "me.price.subject", "no", no),
            catalog.text(lang, "me.price.body", "no", no, "company", p.companyName(), "accountId", p.accountId())));
        break;
      case "paid":
        a.add(action(catalog.text(lang, "me.33"), catalog.text(lang, "me.34") + no, null));
        break;
      case "implementing":
        a.add(action(catalog.text(lang, "me.35"), catalog.text(lang, "me.36") + no, null));
        break;
      case "awaiting_confirmation":
        a.add(action(catalog.text(lang, "me.37"), catalog.text(lang, "me.38") + no, null));
        break;
      default:
        break;
    }
    return a;
  }

  private List<Action> buyerActions(PersonalPages.BuyerOrderRow o, String lang) {
    String no = o.orderNo();
    List<Action> a = new ArrayList<>();
    a.add(action(catalog.text(lang, "me.39"), catalog.text(lang, "me.40") + no, null));
    if (o.status().equals("paid") || o.status().equals("implementing")) {
      a.add(action(catalog.text(lang, "me.41"), catalog.text(lang, "me.42") + no, "\n"));
    }
    if (o.status().equals("awaiting_confirmation")) {
      a.add(action(catalog.text(lang, "me.43"), catalog.text(lang, "me.44") + no, null));
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
}
