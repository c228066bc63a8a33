package io.marketdesk.history;

import io.marketdesk.text.Dates;
import io.marketdesk.audit.AuditLog;
import io.marketdesk.command.Actor;
import io.marketdesk.command.CommandContext;
import io.marketdesk.command.DeclaredCommand;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.command.Role;
import io.marketdesk.identity.Directory;
import io.marketdesk.identity.Provider;
import io.marketdesk.order.Order;
import io.marketdesk.order.OrderWorkflow;
import io.marketdesk.product.Product;
import io.marketdesk.product.ProductDao;
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

/**
 * {@code 历史 订单 NO} / {@code history order NO}, {@code 历史 商品 ID} / {@code history product ID},
 * {@code 历史 账户 [ACCOUNT_ID]} / {@code history account [ACCOUNT_ID]}, {@code 历史 审核 ID} /
 * {@code history review ID}: every audit entry about that thing, oldest first, with when, who (address
 * and role), from what (the mail's subject and Message-ID, the API, the CLI, a timer), the mail's
 * authentication result and before -> after (docs/history.md). Only what the sender may see: a
 * provider its own things, a buyer its own order without the provider's internal entries and without
 * other people's mails, an operator everything. Reads only. Stateless and thread-safe.
 */
final class HistoryHandler extends DeclaredCommand {
  /** The kinds of thing a history is about; each is one command, {@code history.KIND}. */
  enum Kind {
    ORDER, PRODUCT, ACCOUNT, REVIEW;

    String command() {
      return "history." + name().toLowerCase(Locale.ROOT);
    }
  }

  /** Order entries a buyer does not see: the provider's requests and reminders among operators. */
  private static final Set<String> PROVIDER_INTERNAL = Set.of("price_change_requested", "price_change_not_applied",
      "start reminder", "refund declined", "refund unanswered");
  private static final int MAX_ENTRIES = 200;
  private static final DateTimeFormatter WHEN = Dates.MINUTE;

  private final Kind kind;
  private final AuditLog audit;
  private final OrderWorkflow orders;
  private final ProductDao products;
  private final Reviews reviews;
  private final Directory directory;
  private final ZoneId zone;

  HistoryHandler(Kind kind, AuditLog audit, OrderWorkflow orders, ProductDao products, Reviews reviews, Directory directory,
      ZoneId zone) {
    super(new CommandSpec(kind.command(), kind == Kind.ORDER ? Set.of(Role.PROVIDER, Role.OPERATOR, Role.BUYER)
        : Set.of(Role.PROVIDER, Role.OPERATOR), CommandSpec.Body.NONE), false);
    this.kind = kind;
    this.audit = audit;
    this.orders = orders;
    this.products = products;
    this.reviews = reviews;
    this.directory = directory;
    this.zone = zone;
  }

  @Override
  public Outcome handle(CommandContext ctx, ParsedCommand cmd) {
    String arg = firstWord(cmd.args());
    switch (kind) {
      case ORDER:
        return order(ctx, arg);
      case PRODUCT:
        return product(ctx, arg);
      case ACCOUNT:
        return account(ctx, arg);
      default:
        return review(ctx, arg);
    }
  }

  private Outcome order(CommandContext ctx, String no) {
    if (no.isEmpty()) {
      return Outcome.refused(ctx.m("history.order.missing"), ctx.m("history.order.example", "no", "20261128000123"));
    }
    Actor a = ctx.actor();
    Optional<Order> found = orders.find(ctx.handle(), no);
    boolean operator = a.has(Role.OPERATOR);
    boolean provider = found.isPresent() && a.providerId() != null && found.get().providerId() == a.providerId();
    boolean buyer = found.isPresent() && found.get().buyerEmail().equalsIgnoreCase(a.address());
    if (found.isEmpty() || !(operator || provider || buyer)) {
      // someone else's order is answered as an unknown one: its number tells nothing
      return Outcome.refused(ctx.m("history.order.not-yours", "no", no), ctx.m("history.order.example", "no", no));
    }
    boolean asBuyer = buyer && !operator && !provider;
    List<AuditLog.Entry> entries = audit.forEntity(ctx.handle(), "order", no);
    if (asBuyer) {
      entries = entries.stream().filter(e -> !PROVIDER_INTERNAL.contains(e.action())).toList();
    }
    return Outcome.done(render(ctx, ctx.m("history.title.order", "no", no, "count", entries.size()), entries,
        asBuyer ? "state.order-buyer." : "state.order.", asBuyer));
  }

  private Outcome product(CommandContext ctx, String raw) {
    if (raw.isEmpty()) {
      return Outcome.refused(ctx.m("history.product.missing"), ctx.m("history.product.example", "id", "P1001"));
    }
    String id = ProductDao.normalizeId(raw);
    Optional<Product> p = id == null ? Optional.empty() : products.find(ctx.handle(), id);
    Actor a = ctx.actor();
    if (p.isEmpty() || !(a.has(Role.OPERATOR) || a.providerId() != null && p.get().providerId() == a.providerId())) {
      return Outcome.refused(ctx.m("history.product.not-yours", "id", raw), ctx.m("history.product.example", "id", "P1001"));
    }
    List<AuditLog.Entry> entries = audit.forEntity(ctx.handle(), "product", p.get().id());
    return Outcome.done(render(ctx, ctx.m("history.title.product", "id", p.get().id(), "name", p.get().name(),
        "count", entries.size()), entries, "state.product.", false));
  }

  private Outcome account(CommandContext ctx, String arg) {
    Actor a = ctx.actor();
    String accountId;
    if (!arg.isEmpty() && a.has(Role.OPERATOR)) {
      accountId = arg;
    } else if (a.accountId() != null && (arg.isEmpty() || arg.equals(a.accountId()))) {
      accountId = a.accountId();
    } else if (a.has(Role.OPERATOR)) {
      return Outcome.refused(ctx.m("history.account.missing"), ctx.m("history.account.example-operator"));
    } else {
      return Outcome.refused(ctx.m("history.account.not-yours", "id", arg), ctx.m("history.account.example"));
    }
    Optional<Provider> p = directory.providerByAccountId(ctx.handle(), accountId);
    if (p.isEmpty()) {
      return Outcome.refused(ctx.m("history.account.not-found", "id", accountId), ctx.m("history.account.example-operator"));
    }
    List<AuditLog.Entry> entries = audit.forEntity(ctx.handle(), "provider", accountId);
    return Outcome.done(render(ctx, ctx.m("history.title.account", "id", accountId, "name", p.get().companyName(),
        "count", entries.size()), entries, "", false));
  }

  private Outcome review(CommandContext ctx, String raw) {
    String digits = raw.startsWith("#") ? raw.substring(1) : raw;
    if (!digits.matches("\\d{1,18}")) {
      return Outcome.refused(ctx.m("history.review.missing"), ctx.m("history.review.example", "id", "12"));
    }
    long id = Long.parseLong(digits);
    Optional<Review> r = reviews.find(ctx.handle(), id);
    Actor a = ctx.actor();
    boolean mine = r.isPresent() && (r.get().requestedBy().equalsIgnoreCase(a.address())
        || a.providerId() != null && a.providerId().equals(r.get().providerId()));
    if (r.isEmpty() || !(a.has(Role.OPERATOR) || mine)) {
      return Outcome.refused(ctx.m("history.review.not-yours", "id", id), ctx.m("history.review.example", "id", id));
    }
    List<AuditLog.Entry> entries = audit.forEntity(ctx.handle(), "review", String.valueOf(id));
    return Outcome.done(render(ctx, ctx.m("history.title.review", "id", id, "title", ctx.zh() ? r.get().titleZh()
        : r.get().titleEn(), "count", entries.size()), entries, "history.review-state.", false));
  }

  private String render(CommandContext ctx, String title, List<AuditLog.Entry> all, String statePrefix, boolean asBuyer) {
    List<String> lines = new ArrayList<>();
    lines.add(title);
    if (all.isEmpty()) {
      lines.add(ctx.m("history.empty"));
    }
    List<AuditLog.Entry> entries = all.size() > MAX_ENTRIES ? all.subList(all.size() - MAX_ENTRIES, all.size()) : all;
    if (entries.size() < all.size()) {
      lines.add(ctx.m("history.earlier-left-out", "count", all.size() - entries.size()));
    }
    int n = all.size() - entries.size();
    for (AuditLog.Entry e : entries) {
      n++;
      String when = WHEN.format(Instant.ofEpochMilli(e.at()).atZone(zone));
      boolean own = e.actor() != null && e.actor().equalsIgnoreCase(ctx.actor().address());
      String before = state(ctx, statePrefix, e.before());
      String after = state(ctx, statePrefix, e.after());
      if (asBuyer && !own && e.actor() != null && e.actor().contains("@")) {
        // a buyer reads states, not the other side's words
        before = statePrefix.isEmpty() || isState(ctx, statePrefix, e.before()) ? before : "";
        after = isState(ctx, statePrefix, e.after()) ? after : "";
      }
      lines.add(ctx.m("history.entry", "n", n, "when", when, "action", e.action(), "before", before, "after", after));
      lines.add(ctx.m("history.entry.by", "who", who(ctx, e, asBuyer, own), "role", role(ctx, e, asBuyer, own),
          "from", from(ctx, e, asBuyer && !own), "auth", e.auth() == null ? "" : ctx.m("history.auth." + e.auth())));
    }
    if (!all.isEmpty()) {
      // where there is nothing, there is nothing chained to check
      lines.add(ctx.m("history.footer"));
    }
    return String.join("\n", lines);
  }

  private static String who(CommandContext ctx, AuditLog.Entry e, boolean asBuyer, boolean own) {
    if (own) {
      return ctx.m("history.who.you", "address", e.actor());
    }
    if (e.actor() == null || !e.actor().contains("@")) {
      return ctx.m("history.who.system");
    }
    if (asBuyer) {
      String role = e.actorRole() == null ? "" : e.actorRole();
      return ctx.m(role.contains("operator") ? "history.who.operator" : "history.who.provider");
    }
    return e.actor();
  }

  private static String role(CommandContext ctx, AuditLog.Entry e, boolean asBuyer, boolean own) {
    if (e.actorRole() == null || asBuyer && !own) {
      return "";
    }
    List<String> words = new ArrayList<>();
    for (String r : e.actorRole().split(",")) {
      words.add(ctx.m("history.role." + r.strip()));
    }
    return String.join(ctx.m("history.role.separator"), words);
  }

  private static String from(CommandContext ctx, AuditLog.Entry e, boolean hideMail) {
    if (e.source() == null) {
      return ctx.m(e.inboundId() != null ? "history.from.old-mail" : "history.from.unknown");
    }
    if (e.source().equals("mail")) {
      if (hideMail) {
        return ctx.m("history.from.mail-hidden");
      }
      return ctx.m("history.from.mail", "subject", e.subject() == null ? "" : e.subject(),
          "messageId", e.messageId() == null ? "" : e.messageId());
    }
    return ctx.m("history.from." + e.source());
  }

  private static boolean isState(CommandContext ctx, String prefix, String value) {
    return value != null && !prefix.isEmpty() && ctx.mailer().catalog().has(ctx.language().code(), prefix + value.strip());
  }

  private static String state(CommandContext ctx, String prefix, String value) {
    if (value == null || value.isBlank()) {
      return "";
    }
    return isState(ctx, prefix, value) ? ctx.m(prefix + value.strip()) : value;
  }

  private static String firstWord(String args) {
    String s = args == null ? "" : args.strip();
    int sp = s.indexOf(' ');
    s = sp < 0 ? s : s.substring(0, sp);
    return s.replaceAll("[!?.,\\u3002\\uff0c\\uff01\\uff1f]+$", "");
  }
}
