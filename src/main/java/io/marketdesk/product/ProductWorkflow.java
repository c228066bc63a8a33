package io.marketdesk.product;

import io.marketdesk.text.Refusal;

import io.marketdesk.text.Language;
import io.marketdesk.text.Message;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketdesk.audit.ActedBy;
import io.marketdesk.audit.AuditLog;
import io.marketdesk.command.CommandContext;
import io.marketdesk.identity.Directory;
import io.marketdesk.identity.Operator;
import io.marketdesk.outbox.Mailer;
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
public final class ProductWorkflow {
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

  /**
   * Who changes a product: the person (by the mail they wrote, or by no mail: demo data, the CLI, a
   * test), the language they read and their name (for the review mail), and the provider account
   * they act for (null when none).
   */
  public record Asker(ActedBy by, Language language, String name, Long providerId, String accountId) {
    /** The sender of a mail. */
    public static Asker of(CommandContext ctx) {
      return new Asker(ctx.actedBy(), ctx.language(), ctx.actor().name(), ctx.actor().providerId(),
          ctx.actor().accountId());
    }

    Reviews.Requester requester() {
      return new Reviews.Requester(by, language, name);
    }
  }

  /** The example a refusal's reply shows: a command's, or a hint. */
  public enum Example { CREATE, UPDATE, RELIST, DELIST, VIEW, NOT_FOUND, NOT_YOURS, NOT_LISTED }

  /** What submitting a product (new, revision, relist) came to. */
  public sealed interface Submitted permits InReview, Refused, Invalid {}

  /** What 下架商品 came to. */
  public sealed interface Delisting permits Delisted, Refused {}

  /** A product the asker's provider owns, or why not. */
  public sealed interface Owned permits Mine, Refused {}

  /**
   * A version in review.
   *
   * @param product the product as it was before (its live version, its status)
   * @param action {@code new}, {@code revision} or {@code relist}
   * @param replaced true when it superseded a version that was in review
   */
  public record InReview(Product product, ProductContent content, Review review, String action, boolean replaced)
      implements Submitted {}

  /** A listed product taken off sale; {@code withdrawnReview} is the review of the revision withdrawn with it, or null. */
  public record Delisted(Product product, Long withdrawnReview) implements Delisting {}

  /** The asker's product. */
  public record Mine(Product product) implements Owned {}

  /**
   * Refused: the one {@link Refusal} (bad input, not found, someone else's, a state that does not
   * allow it) and the example the reply shows, for product {@code exampleId} (as written when no
   * product was found).
   */
  public record Refused(Refusal refusal, Example example, String exampleId) implements Submitted, Delisting, Owned {}

  /** Fields that do not make a product: what is wrong with each. */
  public record Invalid(List<Message> errors, Example example, String exampleId) implements Submitted {}

  private final ProductDao dao;
  private final Reviews reviews;
  private final Directory directory;
  private final Mailer mailer;
  private final AuditLog audit;
  private final String baseUrl;

  public ProductWorkflow(ProductDao dao, Reviews reviews, Directory directory, Mailer mailer, AuditLog audit, String baseUrl) {
    this.dao = dao;
    this.reviews = reviews;
    this.directory = directory;
    this.mailer = mailer;
    this.audit = audit;
    this.baseUrl = baseUrl;
  }

  public ProductDao dao() {
    return dao;
  }

  /** The public page of a product. */
  public String pageUrl(String id) {
    return baseUrl + "/products/" + id;
  }

  // ---- changes ----------------------------------------------------------------------------

  /** 新建商品: a new product of the asker's provider, in review. */
  public Submitted create(Handle h, Asker who, Map<String, String> fields) {
    ProductForm.Result form = ProductForm.read(fields, null, this::words);
    if (!form.ok()) {
      return new Invalid(form.errors(), Example.CREATE, "");
    }
    long now = now();
    String id = dao.nextId(h, now);
    ProductContent c = form.content();
    dao.insert(h, id, who.providerId(), c.type(), now);
    audit(h, who.by(), id, "created", null, ProductStatus.IN_REVIEW.code());
    Product p = dao.find(h, id).orElseThrow();
    return new InReview(p, c, submit(h, who, p, c, NEW), NEW, false);
  }

  /**
   * 修改商品: a revision in review. On a listed product the live version stays live; on a never
   * listed one the new version replaces the one in review (or the rejected one); on a delisted one
   * it is a relist with changes (the console guide relists with its 修改 button).
   */
  public Submitted update(Handle h, Asker who, String rawId, Map<String, String> fields) {
    Owned owned = owned(h, who, rawId, Example.UPDATE);
    if (owned instanceof Refused r) {
      return r;
    }
    Product p = ((Mine) owned).product();
    if (p.everListed() && p.status() != ProductStatus.LISTED) {
      return relist(h, who, p, fields);
    }
    if (fields.isEmpty() && p.status() != ProductStatus.REJECTED) {
      return new Refused(Refusal.badInput("products.update.1"), Example.UPDATE, p.id());
    }
    ProductContent base = currentDraft(h, p);
    ProductForm.Result form = ProductForm.read(fields, base, this::words);
    if (!form.ok()) {
      return new Invalid(form.errors(), Example.UPDATE, p.id());
    }
    ProductContent c = form.content();
    if (p.everListed()) {
      if (c.type() != p.type()) {
        return typeFixed(p);
      }
      if (ProductForm.diff(p.live().orElseThrow(), c).isEmpty()) {
        return new Refused(Refusal.badInput("products.update.2"), Example.UPDATE, p.id());
      }
    }
    String action = p.everListed() ? REVISION : NEW;
    return new InReview(p, c, submit(h, who, p, c, action), action, p.pendingRevision());
  }

  /** 上架商品: a delisted product back into review, with or without changes. */
  public Submitted relist(Handle h, Asker who, String rawId, Map<String, String> fields) {
    Owned owned = owned(h, who, rawId, Example.RELIST);
    if (owned instanceof Refused r) {
      return r;
    }
    Product p = ((Mine) owned).product();
    if (p.status() == ProductStatus.LISTED) {
      return new Refused(Refusal.conflict("products.relist.1", "id", p.id()), Example.UPDATE, p.id());
    }
    if (!p.everListed()) {
      return new Refused(Refusal.conflict("products.relist.2", "id", p.id(), "label", Message.of(p.status().labelKey())),
          Example.UPDATE, p.id());
    }
    return relist(h, who, p, fields);
  }

  private Submitted relist(Handle h, Asker who, Product p, Map<String, String> fields) {
    ProductContent base = currentDraft(h, p);
    ProductForm.Result form = ProductForm.read(fields, base, this::words);
    if (!form.ok()) {
      return new Invalid(form.errors(), Example.RELIST, p.id());
    }
    ProductContent c = form.content();
    if (c.type() != p.type()) {
      return typeFixed(p);
    }
    return new InReview(p, c, submit(h, who, p, c, RELIST), RELIST, p.pendingRevision());
  }

  /** Checks 下架商品 before asking for confirmation: the asker's listed product, or a refusal. */
  public Owned checkDelist(Handle h, Asker who, String rawId) {
    Owned owned = owned(h, who, rawId, Example.DELIST);
    if (owned instanceof Refused) {
      return owned;
    }
    Product p = ((Mine) owned).product();
    if (p.status() != ProductStatus.LISTED) {
      Refusal why;
      if (p.status() == ProductStatus.DELISTED) {
        why = Refusal.conflict("products.relist.5", "id", p.id());
      } else if (p.everListed()) {
        why = Refusal.conflict("products.relist.6", "id", p.id());
      } else {
        why = Refusal.conflict("products.relist.7", "id", p.id(), "label", Message.of(p.status().labelKey()));
      }
      return new Refused(why, Example.NOT_LISTED, p.id());
    }
    return owned;
  }

  /**
   * Delists a listed product (after confirmation). A revision in review is withdrawn and every
   * operator is told, in the asker's language.
   */
  public Delisting delist(Handle h, Asker who, String rawId) {
    Owned checked = checkDelist(h, who, rawId);
    if (checked instanceof Refused r) {
      return r;
    }
    Product p = ((Mine) checked).product();
    long now = now();
    Integer pending = p.pendingVersion();
    if (pending != null) {
      dao.closeVersion(h, p.id(), pending, "withdrawn", now);
    }
    dao.delist(h, p.id(), now);
    ActedBy by = who.by();
    audit(h, by, p.id(), "delisted", ProductStatus.LISTED.code(), ProductStatus.DELISTED.code());
    Long withdrawn = null;
    if (pending != null) {
      Optional<Review> open = reviews.openFor(h, REVIEW_KIND, p.id());
      // withdrawn for real: not rejected, so a later operator answer is told so (Reviews.alreadyDecided)
      if (open.isPresent() && reviews.withdraw(h, open.get().id(), by.who())) {
        long rid = open.get().id();
        audit.record(h, by.who(), by.inboundId(), "review", String.valueOf(rid), "withdrawn", "open",
            "product " + p.id() + " delisted");
        for (Operator op : directory.operators(h)) {
          for (String address : op.addresses()) {
            mailer.send(h, who.language(), address, "product-revision-withdrawn",
                new WithdrawnModel(p.id(), p.name(), rid, by.who(), who.accountId()), null, by.inboundId());
          }
        }
        withdrawn = rid;
      }
    }
    return new Delisted(p, withdrawn);
  }

  /**
   * 撤销 of 下架商品 (docs/undo.md): the product is listed again with its live version, as it was. A
   * revision withdrawn by the delisting stays withdrawn (its review was closed). False when the
   * product is no longer delisted.
   */
  public boolean undoDelist(Handle h, ActedBy by, String id) {
    if (!dao.undoDelist(h, id, now())) {
      return false;
    }
    audit(h, by, id, "undo delist", ProductStatus.DELISTED.code(), ProductStatus.LISTED.code());
    return true;
  }

  /** The model of the mail telling operators a revision was withdrawn. */
  public record WithdrawnModel(String productId, String name, long reviewId, String provider, String accountId) {}

  // ---- review decisions -------------------------------------------------------------------

  /** Applies an approved review: the version goes live and the product is listed. */
  Message approve(Handle h, ActedBy by, Review review) {
    Payload pl = payload(review);
    Optional<Product> found = dao.find(h, pl.product());
    if (found.isEmpty() || !Integer.valueOf(pl.version()).equals(found.get().pendingVersion())) {
      return stale(pl);
    }
    Product p = found.get();
    ProductVersion v = dao.version(h, p.id(), pl.version()).orElseThrow();
    long now = now();
    dao.closeVersion(h, p.id(), v.version(), "approved", now);
    dao.makeLive(h, p.id(), v.version(), v.content(), now);
    audit(h, by, p.id(), "approved v" + v.version(), p.status().code()
        + (p.liveVersion() == null ? "" : " v" + p.liveVersion()), "listed v" + v.version());
    return null;
  }

  /** Drops a rejected version: the live version stays; a never listed product becomes rejected. */
  void reject(Handle h, ActedBy by, Review review) {
    Payload pl = payload(review);
    Optional<Product> found = dao.find(h, pl.product());
    if (found.isEmpty() || !Integer.valueOf(pl.version()).equals(found.get().pendingVersion())) {
      return;
    }
    Product p = found.get();
    long now = now();
    dao.closeVersion(h, p.id(), pl.version(), "rejected", now);
    ProductStatus next = p.status() == ProductStatus.LISTED ? ProductStatus.LISTED
        : p.everListed() ? ProductStatus.DELISTED : ProductStatus.REJECTED;
    dao.setPending(h, p.id(), null, next, p.type(), now);
    audit(h, by, p.id(), "rejected v" + pl.version(), p.status().code(), next.code());
  }

  private static Message stale(Payload pl) {
    return Message.of("products.approve.stale", "product", pl.product(), "version", pl.version());
  }

  // ---- shared --------------------------------------------------------------------------

  /** Puts a version into review, superseding the one in review. */
  private Review submit(Handle h, Asker who, Product p, ProductContent c, String action) {
    long now = now();
    int version = dao.nextVersion(h, p.id());
    if (p.pendingVersion() != null) {
      dao.closeVersion(h, p.id(), p.pendingVersion(), "superseded", now);
    }
    dao.insertVersion(h, p.id(), version, c, action, who.by().who(), now);
    ProductStatus status = p.status() == ProductStatus.LISTED ? ProductStatus.LISTED : ProductStatus.IN_REVIEW;
    dao.setPending(h, p.id(), version, status, p.everListed() ? p.type() : c.type(), now);
    List<Change> changes = new ArrayList<>();
    ProductContent before = p.live().orElse(null);
    if (RELIST.equals(action)) {
      changes.add(Change.words(mailer.catalog(), "product.status", Message.of(ProductStatus.DELISTED.labelKey()),
          Message.of(ProductStatus.LISTED.labelKey())));
    }
    for (Field f : ProductForm.diff(before, c)) {
      if (f == Field.TYPE) {
        // a type is words: each reader reads it in their language (docs/languages.md)
        changes.add(Change.words(mailer.catalog(), "product." + f.key(),
            before == null ? Message.of("change.value.empty") : typeWords(before.type()), typeWords(c.type())));
      } else {
        changes.add(Change.of(mailer.catalog(), "product." + f.key(), both(before, f), both(c, f)));
      }
    }
    String titleKey = NEW.equals(action) ? "product.review.title.new" : RELIST.equals(action) ? "product.review.title.relist"
        : "product.review.title.revision";
    Message title = Message.of(titleKey, "id", p.id(), "name", c.name(), "type",
        Message.of(c.type().labelKey()));
    Review r = reviews.submit(h, who.requester(), new Reviews.Submission(REVIEW_KIND, p.id(), p.providerId(), title,
        json(new Payload(p.id(), version, action)), changes, c.type().reviewDays()));
    dao.setVersionReview(h, p.id(), version, r.id());
    audit(h, who.by(), p.id(), "submitted v" + version + " (" + action + ")", p.status().code(), status.code());
    return r;
  }

  private void audit(Handle h, ActedBy by, String id, String action, String before, String after) {
    audit.record(h, by.who(), by.inboundId(), "product", id, action, before, after);
  }

  private long now() {
    return reviews.clock().millis();
  }

  /** What people may write for a catalog key's words, in every language (a type, a state). */
  private List<String> words(String key) {
    return CommandContext.words(mailer.catalog(), key);
  }

  private static Message typeWords(ProductType t) {
    return Message.of("change.value.type", "label", Message.of(t.labelKey()), "code", t.code());
  }

  private String both(ProductContent c, Field f) {
    return ProductForm.value(c, f, t -> mailer.catalog().text(Language.ZH.code(), t.labelKey()) + " " + t.code());
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

  /** The product of this ID if the asker's provider owns it; else the refusal, with the example of {@code command}. */
  public Owned owned(Handle h, Asker who, String rawId, Example command) {
    String id = ProductDao.normalizeId(rawId);
    if (id.isEmpty()) {
      return new Refused(Refusal.badInput("products.no.1"), command, rawId);
    }
    Optional<Product> p = dao.find(h, id);
    if (p.isEmpty()) {
      return new Refused(Refusal.notFound("products.no.2", "id", id), Example.NOT_FOUND, rawId);
    }
    Long mine = who.providerId();
    if (mine == null || p.get().providerId() != mine) {
      return new Refused(Refusal.rule("products.no.4", "id", id, "accountId", who.accountId()), Example.NOT_YOURS, rawId);
    }
    return new Mine(p.get());
  }

  private static Refused typeFixed(Product p) {
    return new Refused(Refusal.rule("products.type-fixed.1", "id", p.id(), "type", Message.of(p.type().labelKey())),
        Example.CREATE, p.id());
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
