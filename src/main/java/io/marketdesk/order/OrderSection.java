package io.marketdesk.order;

import io.marketdesk.command.Actor;
import io.marketdesk.command.Role;
import io.marketdesk.identity.Directory;
import io.marketdesk.identity.Provider;
import io.marketdesk.review.Review;
import io.marketdesk.review.Reviews;
import io.marketdesk.feature.PageWords;
import io.marketdesk.feature.PersonalSection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The orders on the personal page: a provider's orders by state in the order of an order's life,
 * with the link of each state's next step; for operators, the disputed orders with their appeal's
 * links; a buyer's own orders with the buyer-side labels (also shown to someone with no other role,
 * so that the page is never blank). Only the person's own orders: a provider's by its provider id, a
 * buyer's by address. Thread-safe.
 */
record OrderSection(OrderStore store, Reviews reviews, Directory directory, PageWords words) implements PersonalSection {
  /** At most this many orders in one table. */
  static final int LIMIT = 500;
  /** The order of the provider's table: an order's life, then where it ends. */
  private static final List<OrderStatus> LIFE = List.of(OrderStatus.UNPAID, OrderStatus.PAID, OrderStatus.IMPLEMENTING,
      OrderStatus.AWAITING_CONFIRMATION, OrderStatus.DISPUTED, OrderStatus.COMPLETED, OrderStatus.CANCELLED,
      OrderStatus.REFUNDING, OrderStatus.REFUNDED);

  @Override
  public List<Table> tables(Handle h, Actor actor, String lang) {
    List<Table> out = new ArrayList<>();
    if (actor.has(Role.PROVIDER) && actor.providerId() != null) {
      directory.provider(h, actor.providerId()).ifPresent(p -> out.add(provider(h, p, lang)));
    }
    if (actor.has(Role.OPERATOR)) {
      out.add(disputes(h, lang));
    }
    List<Order> bought = store.byBuyer(h, actor.address(), LIMIT);
    if (!bought.isEmpty() || !actor.has(Role.PROVIDER) && !actor.has(Role.OPERATOR)) {
      out.add(buyer(bought, lang));
    }
    return out;
  }

  private Table provider(Handle h, Provider p, String lang) {
    List<Order> orders = new ArrayList<>(store.recentByProvider(h, p.id(), LIMIT));
    orders.sort(Comparator.comparingInt(o -> LIFE.indexOf(o.status())));
    List<PersonalSection.Row> rows = new ArrayList<>();
    for (Order o : orders) {
      rows.add(new PersonalSection.Row(o.orderNo(), List.of(Cell.of(o.orderNo()), Cell.of(product(o)),
          Cell.of(o.buyerEmail()), Cell.of(PageWords.yuan(o.price())), Cell.of(words.time(o.createdAt())),
          Cell.state(words.label(lang, "state.order.", o.status().code()), o.status().code())),
          providerActions(p, o, lang), List.of(), false));
    }
    return new Table("orders", words.text(lang, "page.me.49"), List.of(words.text(lang, "page.me.50"),
        words.text(lang, "page.me.51"), words.text(lang, "page.me.52"), words.text(lang, "page.me.53"),
        words.text(lang, "page.me.54"), words.text(lang, "page.orders.col.state")), rows, words.text(lang, "page.me.60"));
  }

  private List<PersonalSection.Action> providerActions(Provider p, Order o, String lang) {
    String no = o.orderNo();
    List<PersonalSection.Action> a = new ArrayList<>();
    a.add(words.command(lang, words.text(lang, "me.31"), "order.view", no, null));
    switch (o.status()) {
      case UNPAID:
        a.add(words.mail(words.text(lang, "me.price.label"), "order.price", words.text(lang, "me.price.subject", "no", no),
            words.text(lang, "me.price.body", "no", no, "company", p.companyName(), "accountId", p.accountId())));
        break;
      case PAID:
        a.add(words.command(lang, words.text(lang, "me.33"), "order.start", no, null));
        break;
      case IMPLEMENTING:
        a.add(words.command(lang, words.text(lang, "me.35"), "order.done", no, null));
        break;
      case AWAITING_CONFIRMATION:
        a.add(words.command(lang, words.text(lang, "me.37"), "order.remind", no, null));
        break;
      default:
        break;
    }
    return a;
  }

  private Table disputes(Handle h, String lang) {
    List<Order> disputed = new ArrayList<>(store.byStatus(h, OrderStatus.DISPUTED));
    disputed.sort(Comparator.comparingLong(Order::updatedAt).thenComparing(Order::orderNo));
    List<PersonalSection.Row> rows = new ArrayList<>();
    for (Order o : disputed) {
      Optional<Review> appeal = reviews.openFor(h, "appeal", o.orderNo());
      rows.add(new PersonalSection.Row(o.orderNo(), List.of(o.orderNo(), o.productId(),
          o.accountId() == null ? "" : o.accountId(), PageWords.yuan(o.price()),
          o.statusBeforeDispute() == null ? "" : words.label(lang, "state.order.", o.statusBeforeDispute()),
          words.time(o.updatedAt())), appeal.map(r -> words.decide(lang, r.id())).orElse(List.of())));
    }
    return new Table("disputes", words.text(lang, "page.me.82"), List.of(words.text(lang, "page.me.83"),
        words.text(lang, "page.me.84"), words.text(lang, "page.me.85"), words.text(lang, "page.me.86"),
        words.text(lang, "page.me.87"), words.text(lang, "page.me.88")), rows, words.text(lang, "page.me.95"));
  }

  private Table buyer(List<Order> bought, String lang) {
    List<PersonalSection.Row> rows = new ArrayList<>();
    for (Order o : bought) {
      String no = o.orderNo();
      List<PersonalSection.Action> a = new ArrayList<>();
      a.add(words.command(lang, words.text(lang, "me.39"), "order.status", no, null));
      if (o.status() == OrderStatus.PAID || o.status() == OrderStatus.IMPLEMENTING) {
        a.add(words.command(lang, words.text(lang, "me.41"), "order.requirements", no, "\n"));
      }
      if (o.status() == OrderStatus.AWAITING_CONFIRMATION) {
        a.add(words.command(lang, words.text(lang, "me.43"), "order.confirm", no, null));
      }
      rows.add(new PersonalSection.Row(no, List.of(Cell.of(no), Cell.of(product(o)), Cell.of(PageWords.yuan(o.price())),
          Cell.state(words.label(lang, "state.order-buyer.", o.status().code()), "buyer-" + o.status().code()),
          Cell.of(words.time(o.createdAt()))), a, List.of(), false));
    }
    return new Table("buyer-orders", words.text(lang, "page.me.96"), List.of(words.text(lang, "page.me.97"),
        words.text(lang, "page.me.98"), words.text(lang, "page.me.99"), words.text(lang, "page.me.100"),
        words.text(lang, "page.me.101")), rows, words.text(lang, "page.me.107"));
  }

  private static String product(Order o) {
    return o.productName() == null || o.productName().isBlank() ? o.productId() : o.productName();
  }
}
