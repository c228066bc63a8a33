package io.marketdesk.product;

import io.marketdesk.command.Actor;
import io.marketdesk.command.Role;
import io.marketdesk.review.Review;
import io.marketdesk.review.Reviews;
import io.marketdesk.feature.PageWords;
import io.marketdesk.feature.PersonalSection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The provider's products on the personal page, newest first: the live fields, or the latest
 * version's while never approved; a revision in review is marked. Links to view, change, delist or
 * relist each, and one to write a new product. Only the provider's own products. Thread-safe.
 */
record ProductSection(ProductDao dao, Reviews reviews, PageWords words) implements PersonalSection {

  @Override
  public List<Table> tables(Handle h, Actor actor, String lang) {
    if (!actor.has(Role.PROVIDER) || actor.providerId() == null) {
      return List.of();
    }
    Set<String> inReview = new HashSet<>();
    for (Review r : reviews.list(h, "open", actor.providerId())) {
      if (r.kind().equals("product")) {
        inReview.add(r.subject());
      }
    }
    List<Product> products = new ArrayList<>(dao.list(h, actor.providerId(), null));
    products.sort(Comparator.comparingLong(Product::createdAt).reversed().thenComparing(Product::id));
    List<PersonalSection.Row> rows = new ArrayList<>();
    for (Product p : products) {
      String status = p.status().code();
      String name = p.name();
      Long price = p.price();
      String unit = p.unit();
      if (!p.everListed()) {
        List<ProductVersion> versions = dao.versions(h, p.id());
        if (!versions.isEmpty()) {
          ProductContent latest = versions.get(0).content();
          name = name == null ? latest.name() : name;
          price = price == null ? Long.valueOf(latest.price()) : price;
          unit = unit == null ? latest.unit() : unit;
        }
      }
      boolean pending = p.pendingRevision() || inReview.contains(p.id());
      String state = words.label(lang, "state.product.", status);
      if (pending && !status.equals("in_review")) {
        state += " · " + words.text(lang, "page.me.47");
      }
      boolean hasPage = status.equals("listed") || status.equals("delisted");
      rows.add(new PersonalSection.Row(p.id(), List.of(
          hasPage ? Cell.link(p.id(), "/products/" + p.id()) : Cell.of(p.id()),
          Cell.of(name == null || name.isBlank() ? p.id() : name),
          Cell.of(words.label(lang, "type.", p.type().code())),
          Cell.of(price == null ? "" : PageWords.yuan(price) + (unit == null || unit.isBlank() ? "" : " / " + unit)),
          Cell.state(state, status)), actions(p, status, lang), List.of(), false));
    }
    PersonalSection.Action create = words.command(lang, words.text(lang, "me.16"), "product.new", "", words.text(lang, "me.18"));
    return List.of(new Table("products", words.text(lang, "page.me.38"), List.of("ID", words.text(lang, "page.me.39"),
        words.text(lang, "page.me.40"), words.text(lang, "page.me.41"), words.text(lang, "page.me.42")), rows,
        words.text(lang, "page.me.48"), List.of(create), List.of()));
  }

  private List<PersonalSection.Action> actions(Product p, String status, String lang) {
    List<PersonalSection.Action> a = new ArrayList<>();
    a.add(words.command(lang, words.text(lang, "me.23"), "product.view", p.id(), null));
    a.add(words.command(lang, words.text(lang, "me.25"), "product.update", p.id(), null));
    if (status.equals("listed")) {
      a.add(words.command(lang, words.text(lang, "me.27"), "product.delist", p.id(), null));
    } else if (status.equals("delisted")) {
      a.add(words.command(lang, words.text(lang, "me.29"), "product.relist", p.id(), null));
    }
    return a;
  }
}
