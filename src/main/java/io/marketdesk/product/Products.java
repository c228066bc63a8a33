package io.marketdesk.product;

import io.marketdesk.text.Refusal;

import io.marketdesk.command.Language;
import io.marketdesk.text.Message;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketdesk.command.CommandContext;
import io.marketdesk.command.Outcome;
import io.marketdesk.identity.Directory;
import io.marketdesk.identity.Operator;
import io.marketdesk.money.Money;
import io.marketdesk.product.ProductForm.Field;
import io.marketdesk.review.Change;
import io.marketdesk.review.Review;
import io.marketdesk.review.Reviews;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The product workflow of docs/products.md: submit a new product, a revision or a relist for review; approve
 * makes the version live, reject drops it; delist takes a listed product off sale. Every submitted
 * version is kept in {@code product_version}; {@code product} holds the live version's fields and
 * the state. Commands, the review kind, the confirmation and the demo data all go through here, so
 * the rules live in one place. Stateless (state is in the store) and thread-safe.
 *
 * <pre>
 * (new) --新建商品--> in_review --approve--> listed --下架(确定)--> delisted --上架商品/修改商品--> in_review
 *                     in_review --reject---> rejected --修改商品--> in_review
 * listed --修改商品--> listed + revision in review --approve--> listed (new live version)
 *                                                   --reject---> listed (live version unchanged)
 * in_review (relist of a delisted product) --reject--> delisted
 * </pre>
 */
public final class Products {
  /** The review kind of products (new, revision, relist). */
  public static final String REVIEW_KIND = "product";
  /** The confirmation purpose of 下架商品. */
  public static final String DELIST_PURPOSE = "product.delist";
  static final String NEW = "new";
  static final String REVISION = "revision";
  static final String RELIST = "relist";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a review of a product carries: which version of which product, submitted as what. */
  public record Payload(String product, int version, String action) {}

  private final ProductDao dao;
  private final Reviews reviews;
  private final Directory directory;
  private final String baseUrl;

  public Products(ProductDao dao, Reviews reviews, Directory directory, String baseUrl) {
    this.dao = dao;
    this.reviews = reviews;
    this.directory = directory;
    this.baseUrl = baseUrl;
  }

  public ProductDao dao() {
    return dao;
  }

  /** The public page of a product. */
  public String pageUrl(String id) {
    return baseUrl + "/products/" + id;
  }

  // ---- commands ---------------------------------------------------------------------------

  /** What 新建商品 came to: the new product's ID (null when refused) and the outcome. */
  public record Created(String id, Outcome outcome) {}

  /** 新建商品: a new product in review. */
  public Created create(CommandContext ctx, Map<String, String> fields) {
    ProductForm.Result form = ProductForm.read(fields, null, ctx::words);
    if (!form.ok()) {
      return new Created(null, Outcome.refused(errors(ctx, form), ProductExamples.create(ctx)));
    }
    long now = ctx.now().toEpochMilli();
    String id = dao.nextId(ctx.handle(), now);
    ProductContent c = form.content();
    dao.insert(ctx.handle(), id, ctx.actor().providerId(), c.type(), now);
    ctx.audit("product", id, "created", null, ProductStatus.IN_REVIEW.code());
    Product p = dao.find(ctx.handle(), id).orElseThrow();
    Review r = submit(ctx, p, c, NEW);
    return new Created(id, Outcome.sentForReview(ctx.m("products.create.1", "id", id, "c", c.name(), "type", ctx.m(c.type().labelKey()), "price", Money.formatYuan(c.price()), "unit", c.unit(), "id2", r.id(), "reviewDays", c.type().reviewDays(), "dueAt", reviews.dueText(r.dueAt()), "pageUrl", pageUrl(id))));
  }

  /**
   * 修改商品: a revision in review. On a listed product the live version stays live; on a never
   * listed one the new version replaces the one in review (or the rejected one); on a delisted one
   * it is a relist with changes (the console guide relists with its 修改 button).
   */
  public Outcome update(CommandContext ctx, String rawId, Map<String, String> fields) {
    Owned owned = owned(ctx, rawId, ProductExamples.update(ctx, rawId));
    if (owned.refused()) {
      return owned.outcome(ctx);
    }
    Product p = owned.product();
    if (p.everListed() && p.status() != ProductStatus.LISTED) {
      return relist(ctx, p, fields);
    }
    if (fields.isEmpty() && p.status() != ProductStatus.REJECTED) {
      return Outcome.refused(ctx.m("products.update.1"), ProductExamples.update(ctx, p.id()));
    }
    ProductContent base = currentDraft(ctx.handle(), p);
    ProductForm.Result form = ProductForm.read(fields, base, ctx::words);
    if (!form.ok()) {
      return Outcome.refused(errors(ctx, form), ProductExamples.update(ctx, p.id()));
    }
    ProductContent c = form.content();
    if (p.everListed()) {
      if (c.type() != p.type()) {
        return typeFixed(ctx, p);
      }
      if (ProductForm.diff(p.live().orElseThrow(), c).isEmpty()) {
        return Outcome.refused(ctx.m("products.update.2"), ProductExamples.update(ctx, p.id()));
      }
    }
    boolean replaced = p.pendingRevision();
    Review r = submit(ctx, p, c, p.everListed() ? REVISION : NEW);
    String changed = changedNames(ctx, p.everListed() ? p.live().orElseThrow() : null, c);
    if (p.everListed()) {
      return Outcome.sentForReview(ctx.m("products.update.3", "id", p.id(), "c", c.name(), "id2", r.id(), "dueAt", reviews.dueText(r.dueAt()), "changed", changed, "replaced", replaced));
    }
    return Outcome.sentForReview(ctx.m("products.update.4", "id", p.id(), "c", c.name(), "id2", r.id(), "dueAt", reviews.dueText(r.dueAt()), "replaced", replaced));
  }

  /** 上架商品: a delisted product back into review, with or without changes. */
  public Outcome relist(CommandContext ctx, String rawId, Map<String, String> fields) {
    Owned owned = owned(ctx, rawId, ProductExamples.relist(ctx, rawId));
    if (owned.refused()) {
      return owned.outcome(ctx);
    }
    Product p = owned.product();
    if (p.status() == ProductStatus.LISTED) {
      return Outcome.refused(ctx.m("products.relist.1", "id", p.id()), ProductExamples.update(ctx, p.id()));
    }
    if (!p.everListed()) {
      return Outcome.refused(ctx.m("products.relist.2", "id", p.id(), "label", ctx.m(p.status().labelKey())), ProductExamples.update(ctx, p.id()));
    }
    return relist(ctx, p, fields);
  }

  private Outcome relist(CommandContext ctx, Product p, Map<String, String> fields) {
    ProductContent base = currentDraft(ctx.handle(), p);
    ProductForm.Result form = ProductForm.read(fields, base, ctx::words);
    if (!form.ok()) {
      return Outcome.refused(errors(ctx, form), ProductExamples.relist(ctx, p.id()));
    }
    ProductContent c = form.content();
    if (c.type() != p.type()) {
      return typeFixed(ctx, p);
    }
    boolean replaced = p.pendingRevision();
    Review r = submit(ctx, p, c, RELIST);
    List<Field> diff = ProductForm.diff(p.live().orElseThrow(), c);
    String what = diff.isEmpty() ? ctx.m("products.relist.3") : changedNames(ctx, p.live().orElseThrow(), c);
    return Outcome.sentForReview(ctx.m("products.relist.4", "id", p.id(), "c", c.name(), "what", what, "id2", r.id(), "dueAt", reviews.dueText(r.dueAt()), "replaced", replaced));
  }

  /** Checks 下架商品 before asking for confirmation; returns the product, or a refusal. */
  Owned checkDelist(CommandContext ctx, String rawId) {
    Owned owned = owned(ctx, rawId, ProductExamples.delist(ctx, rawId));
    if (owned.refused()) {
      return owned;
    }
    Product p = owned.product();
    if (p.status() != ProductStatus.LISTED) {
      Refusal why;
      if (p.status() == ProductStatus.DELISTED) {
        why = Refusal.conflict("products.relist.5", "id", p.id());
      } else if (p.everListed()) {
        why = Refusal.conflict("products.relist.6", "id", p.id());
      } else {
        why = Refusal.conflict("products.relist.7", "id", p.id(), "label", Message.of(p.status().labelKey()));
      }
      return Owned.no(why, ctx.m("products.relist.8"));
    }
    return owned;
  }

  /** Delists a listed product (after confirmation). A revision in review is withdrawn. */
  public Outcome delist(CommandContext ctx, String rawId) {
    Owned checked = checkDelist(ctx, rawId);
    if (checked.refused()) {
      return checked.outcome(ctx);
    }
    Product p = checked.product();
    Handle h = ctx.handle();
    long now = ctx.now().toEpochMilli();
    Integer pending = p.pendingVersion();
    if (pending != null) {
      dao.closeVersion(h, p.id(), pending, "withdrawn", now);
    }
    dao.delist(h, p.id(), now);
    ctx.audit("product", p.id(), "delisted", ProductStatus.LISTED.code(), ProductStatus.DELISTED.code());
    Long withdrawn = null;
    if (pending != null) {
      Optional<Review> open = reviews.openFor(h, REVIEW_KIND, p.id());
      // withdrawn for real: not rejected, so a later operator answer is told so (Reviews.alreadyDecided)
      if (open.isPresent() && reviews.withdraw(h, open.get().id(), ctx.actor().address())) {
        long rid = open.get().id();
        ctx.audit("review", String.valueOf(rid), "withdrawn", "open", "product " + p.id() + " delisted");
        for (Operator op : directory.operators(h)) {
          for (String address : op.addresses()) {
            ctx.send(address, "product-revision-withdrawn", new WithdrawnModel(p.id(), p.name(), rid, ctx.actor().address(),
                ctx.actor().accountId()));
          }
        }
        withdrawn = rid;
      }
    }
    return Outcome.done(ctx.m("products.delist.1", "id", p.id(), "p", p.name(), "withdrawn", withdrawn == null ? "" : withdrawn));
  }

  /**
   * 撤销 of 下架商品 (docs/undo.md): the product is listed again with its live version, as it was. A
   * revision withdrawn by the delisting stays withdrawn (its review was closed). False when the
   * product is no longer delisted.
   */
  public boolean undoDelist(CommandContext ctx, String id) {
    if (!dao.undoDelist(ctx.handle(), id, ctx.now().toEpochMilli())) {
      return false;
    }
    ctx.audit("product", id, "undo delist", ProductStatus.DELISTED.code(), ProductStatus.LISTED.code());
    return true;
  }

  /** The model of the mail telling operators a revision was withdrawn. */
  public record WithdrawnModel(String productId, String name, long reviewId, String provider, String accountId) {}

  // ---- review decisions -------------------------------------------------------------------

  /** Applies an approved review: the version goes live and the product is listed. */
  Message approve(CommandContext ctx, Review review) {
    Payload pl = payload(review);
    Handle h = ctx.handle();
    Optional<Product> found = dao.find(h, pl.product());
    if (found.isEmpty() || !Integer.valueOf(pl.version()).equals(found.get().pendingVersion())) {
      return stale(pl);
    }
    Product p = found.get();
    ProductVersion v = dao.version(h, p.id(), pl.version()).orElseThrow();
    long now = ctx.now().toEpochMilli();
    dao.closeVersion(h, p.id(), v.version(), "approved", now);
    dao.makeLive(h, p.id(), v.version(), v.content(), now);
    ctx.audit("product", p.id(), "approved v" + v.version(), p.status().code()
        + (p.liveVersion() == null ? "" : " v" + p.liveVersion()), "listed v" + v.version());
    return null;
  }

  /** Drops a rejected version: the live version stays; a never listed product becomes rejected. */
  void reject(CommandContext ctx, Review review) {
    Payload pl = payload(review);
    Handle h = ctx.handle();
    Optional<Product> found = dao.find(h, pl.product());
    if (found.isEmpty() || !Integer.valueOf(pl.version()).equals(found.get().pendingVersion())) {
      return;
    }
    Product p = found.get();
    long now = ctx.now().toEpochMilli();
    dao.closeVersion(h, p.id(), pl.version(), "rejected", now);
    ProductStatus next = p.status() == ProductStatus.LISTED ? ProductStatus.LISTED
        : p.everListed() ? ProductStatus.DELISTED : ProductStatus.REJECTED;
    dao.setPending(h, p.id(), null, next, p.type(), now);
    ctx.audit("product", p.id(), "rejected v" + pl.version(), p.status().code(), next.code());
  }

  private static Message stale(Payload pl) {
    return Message.of("products.approve.stale", "product", pl.product(), "version", pl.version());
  }

  // ---- shared --------------------------------------------------------------------------

  /** Puts a version into review, superseding the one in review. */
  private Review submit(CommandContext ctx, Product p, ProductContent c, String action) {
    Handle h = ctx.handle();
    long now = ctx.now().toEpochMilli();
    int version = dao.nextVersion(h, p.id());
    if (p.pendingVersion() != null) {
      dao.closeVersion(h, p.id(), p.pendingVersion(), "superseded", now);
    }
    dao.insertVersion(h, p.id(), version, c, action, ctx.actor().address(), now);
    ProductStatus status = p.status() == ProductStatus.LISTED ? ProductStatus.LISTED : ProductStatus.IN_REVIEW;
    dao.setPending(h, p.id(), version, status, p.everListed() ? p.type() : c.type(), now);
    List<Change> changes = new ArrayList<>();
    ProductContent before = p.live().orElse(null);
    if (RELIST.equals(action)) {
      changes.add(Change.words(ctx, "product.status", Message.of(ProductStatus.DELISTED.labelKey()),
          Message.of(ProductStatus.LISTED.labelKey())));
    }
    for (Field f : ProductForm.diff(before, c)) {
      if (f == Field.TYPE) {
        // a type is words: each reader reads it in their language (docs/languages.md)
        changes.add(Change.words(ctx, "product." + f.key(),
            before == null ? Message.of("change.value.empty") : typeWords(before.type()), typeWords(c.type())));
      } else {
        changes.add(Change.of(ctx, "product." + f.key(), both(ctx, before, f), both(ctx, c, f)));
      }
    }
    String titleKey = NEW.equals(action) ? "product.review.title.new" : RELIST.equals(action) ? "product.review.title.relist"
        : "product.review.title.revision";
    io.marketdesk.text.Message title = io.marketdesk.text.Message.of(titleKey, "id", p.id(), "name", c.name(), "type",
        io.marketdesk.text.Message.of(c.type().labelKey()));
    Review r = reviews.submit(ctx, new Reviews.Submission(REVIEW_KIND, p.id(), p.providerId(), title,
        json(new Payload(p.id(), version, action)), changes, c.type().reviewDays()));
    dao.setVersionReview(h, p.id(), version, r.id());
    ctx.audit("product", p.id(), "submitted v" + version + " (" + action + ")", p.status().code(), status.code());
    return r;
  }

  private static Message typeWords(ProductType t) {
    return Message.of("change.value.type", "label", Message.of(t.labelKey()), "code", t.code());
  }

  private static String both(CommandContext ctx, ProductContent c, Field f) {
    return ProductForm.value(c, f, t -> ctx.in(Language.ZH, t.labelKey()) + " " + t.code());
  }

  /** What a change is made on: the version in review if any, else the live one, else the last submitted. */
  ProductContent currentDraft(Handle h, Product p) {
    if (p.pendingVersion() != null) {
      return dao.version(h, p.id(), p.pendingVersion()).orElseThrow().content();
    }
    if (p.everListed()) {
      return p.live().orElseThrow();
    }
    return dao.versions(h, p.id()).get(0).content();
  }

  /**
   * A product the sender owns, or why not: the one {@link Refusal} (bad input, not found, someone
   * else's, a state that does not allow it) with a correct example for the reply.
   */
  record Owned(Product product, Refusal refusal, String example) {
    boolean refused() {
      return refusal != null;
    }

    static Owned no(Refusal refusal, String example) {
      return new Owned(null, refusal, example);
    }

    /** The refused outcome, worded in the reply's language. */
    Outcome outcome(CommandContext ctx) {
      return Outcome.refused(ctx.m(refusal.reason()), example);
    }
  }

  /** The product of this ID if the sender's provider owns it; else the refusal. */
  Owned owned(CommandContext ctx, String rawId, String example) {
    String id = ProductDao.normalizeId(rawId);
    if (id.isEmpty()) {
      return Owned.no(Refusal.badInput("products.no.1"), example);
    }
    Optional<Product> p = dao.find(ctx.handle(), id);
    if (p.isEmpty()) {
      return Owned.no(Refusal.notFound("products.no.2", "id", id), ctx.m("products.no.3"));
    }
    Long mine = ctx.actor().providerId();
    if (mine == null || p.get().providerId() != mine) {
      return Owned.no(Refusal.rule("products.no.4", "id", id, "accountId", ctx.actor().accountId()),
          ctx.m("products.no.5"));
    }
    return new Owned(p.get(), null, "");
  }

  private static Outcome typeFixed(CommandContext ctx, Product p) {
    return Outcome.refused(ctx.m("products.type-fixed.1", "id", p.id(), "type", ctx.m(p.type().labelKey())), ProductExamples.create(ctx));
  }

  private static String errors(CommandContext ctx, ProductForm.Result form) {
    return ctx.m("products.errors.1") + "- " + String.join("\n- ", form.errors().stream().map(ctx::m).toList());
  }

  private static String changedNames(CommandContext ctx, ProductContent before, ProductContent after) {
    List<String> parts = new ArrayList<>();
    for (Field f : ProductForm.diff(before, after)) {
      String old = before == null ? "" : ProductForm.value(before, f, t -> ctx.m(t.labelKey()));
      String now = ProductForm.value(after, f, t -> ctx.m(t.labelKey()));
      if (f == Field.DESCRIPTION || f == Field.SUMMARY) {
        parts.add(ctx.m("products.changed-names.1", "f", ctx.m(f.labelKey())));
      } else {
        parts.add(ctx.m("products.changed-names.2", "f", ctx.m(f.labelKey()), "old", old, "now", now));
      }
    }
    return String.join(ctx.m("products.changed-names.3"), parts);
  }

  static String json(Payload p) {
    try {
      return JSON.writeValueAsString(p);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Payload payload(Review r) {
    try {
      return JSON.readValue(r.payload(), Payload.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("review " + r.id() + " has a bad product payload", e);
    }
  }
}
