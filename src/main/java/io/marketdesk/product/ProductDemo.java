package io.marketdesk.product;

import io.marketdesk.audit.ActedBy;
import io.marketdesk.command.Actor;
import io.marketdesk.text.Language;
import io.marketdesk.feature.DemoData;
import io.marketdesk.identity.Directory;
import io.marketdesk.review.Review;
import io.marketdesk.review.Reviews;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.jdbi.v3.core.Handle;

/**
 * The demo products (docs/demo.md), made through the real workflow (submitted by the provider, decided
 * by the demo operator), so their versions, reviews, audit entries and mails are what a user would
 * have produced. Other features rely on these IDs:
 *
 * <pre>
 * P1001 alice ops       服务器运维托管          listed          (the orders demo uses it)
 * P1002 bob   ops       数据迁移服务            listed          (the orders demo uses it)
 * P1003 alice software  云帆 CRM 客户管理系统   listed, a revision (price, summary) in review
 * P1004 bob   software  北辰日志分析平台        listed
 * P1005 alice image     云帆 LAMP 一键部署镜像  in review, never listed
 * P1006 bob   image     北辰 Docker CE 镜像     listed
 * P1007 alice saas      云帆在线表单            delisted
 * P1008 bob   saas      北辰网站监控            listed
 * P1009 bob   ops       应急响应服务            rejected (never listed)
 * </pre>
 */
final class ProductDemo implements DemoData.Loader {
  private final ProductWorkflow products;
  private final Reviews reviews;
  private final Directory directory;

  ProductDemo(ProductWorkflow products, Reviews reviews, Directory directory) {
    this.products = products;
    this.reviews = reviews;
    this.directory = directory;
  }

  @Override
  public void load(Handle h) {
    ProductWorkflow.Asker alice = asker(h, DemoData.ALICE, Language.ZH);
    ProductWorkflow.Asker bob = asker(h, DemoData.BOB, Language.EN);
    ActedBy ops = new ActedBy(DemoData.OPERATOR, null);
    Properties t = DemoData.text();
    String p1 = listed(h, alice, ops, t, 1);
    String p2 = listed(h, bob, ops, t, 2);
    String p3 = listed(h, alice, ops, t, 3);
    listed(h, bob, ops, t, 4);
    submit(h, alice, t, 5);
    listed(h, bob, ops, t, 6);
    String p7 = listed(h, alice, ops, t, 7);
    listed(h, bob, ops, t, 8);
    String p9 = submit(h, bob, t, 9);
    decide(h, ops, p9, false, t.getProperty("product.9.rejected"));
    Map<String, String> revision = new LinkedHashMap<>();
    revision.put("price", "2,680");
    revision.put("summary", t.getProperty("product.3.revision.summary"));
    expectInReview(products.update(h, alice, p3, revision), p3);
    if (!(products.delist(h, alice, p7) instanceof ProductWorkflow.Delisted)) {
      throw new IllegalStateException("demo product " + p7 + " was not delisted");
    }
    if (!p1.equals("P1001") || !p2.equals("P1002")) {
      throw new IllegalStateException("demo products must start at P1001 (alice) and P1002 (bob), got " + p1 + ", " + p2);
    }
  }

  /** A provider of the demo, acting without a mail. */
  private ProductWorkflow.Asker asker(Handle h, String address, Language lang) {
    Actor actor = directory.actor(h, address);
    return new ProductWorkflow.Asker(new ActedBy(address, null), lang, actor.name(), actor.providerId(), actor.accountId());
  }

  private String listed(Handle h, ProductWorkflow.Asker who, ActedBy ops, Properties t, int n) {
    String id = submit(h, who, t, n);
    decide(h, ops, id, true, "");
    return id;
  }

  /** Submits demo product {@code n} of {@code config/demo.properties}: name | type | price | unit | summary | description. */
  private String submit(Handle h, ProductWorkflow.Asker who, Properties t, int n) {
    String[] v = t.getProperty("product." + n).split("\\s*\\|\\s*", 6);
    String name = v[0];
    Map<String, String> f = new LinkedHashMap<>();
    f.put("name", name);
    f.put("type", v[1]);
    f.put("price", v[2]);
    f.put("unit", v[3]);
    f.put("summary", v[4]);
    f.put("description", v[5]);
    return expectInReview(products.create(h, who, f), name);
  }

  /** The demo operator decides, as a person acting without a mail. */
  private void decide(Handle h, ActedBy ops, String id, boolean approve, String note) {
    Review r = reviews.openFor(h, ProductWorkflow.REVIEW_KIND, id).orElseThrow();
    if (!(reviews.decide(h, ops, r.id(), approve, note) instanceof Reviews.Decided)) {
      throw new IllegalStateException("demo product " + id + ": review " + r.id() + " was not decided");
    }
  }

  private static String expectInReview(ProductWorkflow.Submitted s, String what) {
    if (!(s instanceof ProductWorkflow.InReview done)) {
      throw new IllegalStateException("demo product " + what + ": " + s);
    }
    return done.product().id();
  }
}
