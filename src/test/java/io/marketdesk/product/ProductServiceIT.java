package io.marketdesk.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.audit.ActedBy;
import io.marketdesk.command.Actor;
import io.marketdesk.text.Language;
import io.marketdesk.review.Review;
import io.marketdesk.review.Reviews;
import io.marketdesk.testing.TestApp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The product service called without a mail, as the CLI, demo data and fixtures call it: who acted
 * in ({@link ActedBy}), a result value out; the audit log names who acted and no mail. Real SQLite
 * (or PostgreSQL with MARKETDESK_TEST_DB_URL), the app's own services.
 */
class ProductServiceIT {
  static TestApp t;
  static ProductWorkflow products;
  static Reviews reviews;

  @BeforeAll
  static void start() {
    t = TestApp.start(Map.of());
    products = t.app.core().product().products();
    reviews = t.app.core().review().reviews();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static ProductWorkflow.Asker asker(Handle h, String address, ActedBy by) {
    Actor a = t.app.core().shared().directory().actor(h, address);
    return new ProductWorkflow.Asker(by, Language.EN, a.name(), a.providerId(), a.accountId());
  }

  static Map<String, String> fields(String name) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("name", name);
    f.put("type", "ops");
    f.put("price", "100");
    f.put("unit", "hour");
    f.put("summary", "one line");
    f.put("description", "first\nsecond");
    return f;
  }

  @Test
  void shouldPutANewProductInReviewWhenTheCliCreatesIt() {
    ProductWorkflow.Submitted s = t.app.db().jdbi().inTransaction(h ->
        products.create(h, asker(h, DemoData.ALICE, ActedBy.CLI), fields("Backup service")));

    assertThat(s).isInstanceOf(ProductWorkflow.InReview.class);
    ProductWorkflow.InReview done = (ProductWorkflow.InReview) s;
    assertThat(done.action()).isEqualTo("new");
    String id = done.product().id();
    Review r = t.app.db().jdbi().withHandle(h -> reviews.openFor(h, ProductWorkflow.REVIEW_KIND, id)).orElseThrow();
    assertThat(r.id()).isEqualTo(done.review().id());
    assertThat(r.requestedBy()).isEqualTo("cli");
    List<String> actors = t.app.db().jdbi().withHandle(h -> h.createQuery(
            "SELECT actor FROM audit_log WHERE entity = 'product' AND entity_id = :id AND inbound_id IS NULL ORDER BY id")
        .bind("id", id).mapTo(String.class).list());
    assertThat(actors).containsExactly("cli", "cli");
  }

  @Test
  void shouldWriteNothingWhenTheFieldsDoNotMakeAProduct() {
    Map<String, String> f = fields("No price");
    f.remove("price");
    long before = count("product");

    ProductWorkflow.Submitted s = t.app.db().jdbi().inTransaction(h ->
        products.create(h, asker(h, DemoData.ALICE, ActedBy.CLI), f));

    assertThat(s).isInstanceOf(ProductWorkflow.Invalid.class);
    assertThat(((ProductWorkflow.Invalid) s).errors()).isNotEmpty();
    assertThat(count("product")).isEqualTo(before);
  }

  @Test
  void shouldRefuseAnotherProvidersProduct() {
    ProductWorkflow.Submitted s = t.app.db().jdbi().inTransaction(h ->
        products.update(h, asker(h, DemoData.ALICE, ActedBy.CLI), "P1002", Map.of("price", "1")));

    assertThat(s).isInstanceOf(ProductWorkflow.Refused.class);
    assertThat(((ProductWorkflow.Refused) s).example()).isEqualTo(ProductWorkflow.Example.NOT_YOURS);
  }

  @Test
  void shouldDelistAndUndoWithoutAMail() {
    ProductWorkflow.Delisting d = t.app.db().jdbi().inTransaction(h ->
        products.delist(h, asker(h, DemoData.BOB, ActedBy.CLI), "P1004"));

    assertThat(d).isInstanceOf(ProductWorkflow.Delisted.class);
    assertThat(status("P1004")).isEqualTo("delisted");
    assertThat(undo("P1004")).isTrue();
    assertThat(status("P1004")).isEqualTo("listed");
    assertThat(undo("P1004")).isFalse();
  }

  static boolean undo(String id) {
    return t.app.db().jdbi().inTransaction(h -> products.undoDelist(h, ActedBy.CLI, id));
  }

  static long count(String table) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
  }

  static String status(String id) {
    return t.app.db().jdbi().withHandle(h -> h.createQuery("SELECT status FROM product WHERE id = :id")
        .bind("id", id).mapTo(String.class).one());
  }
}
