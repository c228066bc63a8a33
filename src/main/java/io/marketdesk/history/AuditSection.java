package io.marketdesk.history;

import io.marketdesk.audit.AuditLog;
import io.marketdesk.command.Actor;
import io.marketdesk.command.Role;
import io.marketdesk.identity.Directory;
import io.marketdesk.identity.Provider;
import io.marketdesk.order.OrderStore;
import io.marketdesk.product.Product;
import io.marketdesk.product.ProductDao;
import io.marketdesk.review.Reviews;
import io.marketdesk.feature.PageWords;
import io.marketdesk.feature.PersonalSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The provider's recent audit entries on the personal page (docs/history.md): about its account,
 * its products, its orders and its reviews, newest first. Each feature's store names the provider's
 * things; the audit log is read for those only. Who acted is shown as the address when it is one of
 * the provider's own, else only as an operator or "system or buyer". Thread-safe.
 */
record AuditSection(AuditLog audit, ProductDao products, OrderStore orders, Reviews reviews, Directory directory,
    PageWords words) implements PersonalSection {
  /** How many entries the page shows. */
  static final int LIMIT = 20;

  @Override
  public List<Table> tables(Handle h, Actor actor, String lang) {
    if (!actor.has(Role.PROVIDER) || actor.providerId() == null) {
      return List.of();
    }
    Optional<Provider> found = directory.provider(h, actor.providerId());
    if (found.isEmpty()) {
      return List.of();
    }
    Provider p = found.get();
    List<String> account = List.of(p.accountId(), String.valueOf(p.id()));
    List<String> orderNos = orders.orderNumbers(h, p.id());
    Map<String, List<String>> things = new LinkedHashMap<>();
    things.put("provider", account);
    things.put("account", account);
    things.put("product", products.list(h, p.id(), null).stream().map(Product::id).toList());
    things.put("order", orderNos);
    things.put("orders", orderNos);
    things.put("review", reviews.idsOf(h, p.id()).stream().map(String::valueOf).toList());
    List<PersonalSection.Row> rows = new ArrayList<>();
    for (AuditLog.Entry a : audit.about(h, things, LIMIT)) {
      String who = a.actor() != null && p.addresses().contains(a.actor()) ? a.actor()
          : directory.operatorByAddress(h, a.actor()).isPresent() ? words.text(lang, "me.19") : words.text(lang, "me.20");
      String detail = (a.before() == null || a.before().isBlank() ? "" : a.before() + " → ")
          + (a.after() == null ? "" : a.after());
      rows.add(new PersonalSection.Row(String.valueOf(a.id()), List.of(words.time(a.at()), who,
          a.entity() + " " + a.entityId() + " · " + a.action(), detail), List.of()));
    }
    return List.of(new Table("audit", words.text(lang, "page.me.66"), List.of(words.text(lang, "page.me.67"),
        words.text(lang, "page.me.68"), words.text(lang, "page.me.69"), words.text(lang, "page.me.70")), rows,
        words.text(lang, "page.me.75")));
  }
}
