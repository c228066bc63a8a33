package io.marketdesk.product;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * The product tables ({@code product}, {@code product_version}, {@code product_seq}): plain reads and
 * writes, every value bound. The rules of which write may follow which are in {@link ProductWorkflow}.
 * Stateless and thread-safe.
 */
public final class ProductDao {
  /** The first product is P1001: IDs are "P" and 1000 + the sequence number. */
  static final int ID_BASE = 1000;

  private static final String PRODUCT_COLUMNS = "p.id, p.provider_id, v.account_id, p.type, p.status, p.live_version,"
      + " p.pending_version, p.name, p.price, p.unit, p.summary, p.description, p.created_at, p.updated_at, p.delisted_at";
  private static final String VERSION_COLUMNS = "product_id, version, type, name, price, unit, summary, description,"
      + " status, review_id, action, submitted_by, submitted_at, decided_at";
  /** Rows to records by column name (provider_id is providerId); states and types by their code. */
  private static final RowMapper<Product> PRODUCT = ConstructorMapper.of(Product.class);
  private static final RowMapper<ProductVersion> VERSION = ConstructorMapper.of(ProductVersion.class);

  /** Product IDs as people write them: {@code p1001} and {@code P1001 } are P1001. */
  public static String normalizeId(String id) {
    return id == null ? "" : id.trim().toUpperCase(Locale.ROOT);
  }

  public Optional<Product> find(Handle h, String id) {
    return h.createQuery("SELECT " + PRODUCT_COLUMNS + " FROM product p JOIN provider v ON v.id = p.provider_id"
            + " WHERE p.id = :id")
        .bind("id", normalizeId(id))
        .registerColumnMapper(ProductType.class, TYPE).registerColumnMapper(ProductStatus.class, STATUS)
        .map(PRODUCT)
        .findFirst();
  }

  /** A provider's products, oldest first; {@code status} null for all. */
  public List<Product> list(Handle h, long providerId, ProductStatus status) {
    return h.createQuery("SELECT " + PRODUCT_COLUMNS + " FROM product p JOIN provider v ON v.id = p.provider_id"
            + " WHERE p.provider_id = :pid" + (status == null ? "" : " AND p.status = :st") + " ORDER BY p.created_at, LENGTH(p.id), p.id")
        .bind("pid", providerId)
        .bind("st", status == null ? "" : status.code())
        .registerColumnMapper(ProductType.class, TYPE).registerColumnMapper(ProductStatus.class, STATUS)
        .map(PRODUCT)
        .list();
  }

  /** Allocates the next product ID from {@code product_seq}. */
  public String nextId(Handle h, long now) {
    long n = h.createUpdate("INSERT INTO product_seq (at) VALUES (:at)")
        .bind("at", now)
        .executeAndReturnGeneratedKeys("n")
        .mapTo(Long.class)
        .one();
    return "P" + (ID_BASE + n);
  }

  public void insert(Handle h, String id, long providerId, ProductType type, long now) {
    h.createUpdate("INSERT INTO product (id, provider_id, type, status, created_at, updated_at)"
            + " VALUES (:id, :pid, :type, :st, :now, :now)")
        .bind("id", id)
        .bind("pid", providerId)
        .bind("type", type.code())
        .bind("st", ProductStatus.IN_REVIEW.code())
        .bind("now", now)
        .execute();
  }

  public int nextVersion(Handle h, String productId) {
    return h.createQuery("SELECT COALESCE(MAX(version), 0) + 1 FROM product_version WHERE product_id = :id")
        .bind("id", productId)
        .mapTo(Integer.class)
        .one();
  }

  public void insertVersion(Handle h, String productId, int version, ProductContent c, String action, String by,
      long now) {
    h.createUpdate("INSERT INTO product_version (product_id, version, type, name, price, unit, summary, description,"
            + " status, action, submitted_by, submitted_at) VALUES (:id, :v, :type, :name, :price, :unit, :summary,"
            + " :description, 'in_review', :action, :by, :now)")
        .bindMethods(c)
        .bind("type", c.type().code())
        .bind("id", productId)
        .bind("v", version)
        .bind("action", action)
        .bind("by", by)
        .bind("now", now)
        .execute();
  }

  public void setVersionReview(Handle h, String productId, int version, long reviewId) {
    h.createUpdate("UPDATE product_version SET review_id = :r WHERE product_id = :id AND version = :v")
        .bind("r", reviewId).bind("id", productId).bind("v", version).execute();
  }

  /** Closes a version in review: approved, rejected, superseded or withdrawn. */
  public void closeVersion(Handle h, String productId, int version, String status, long now) {
    h.createUpdate("UPDATE product_version SET status = :st, decided_at = :now"
            + " WHERE product_id = :id AND version = :v AND status = 'in_review'")
        .bind("st", status).bind("now", now).bind("id", productId).bind("v", version).execute();
  }

  public Optional<ProductVersion> version(Handle h, String productId, int version) {
    return h.createQuery("SELECT " + VERSION_COLUMNS + " FROM product_version WHERE product_id = :id AND version = :v")
        .bind("id", productId).bind("v", version)
        .registerColumnMapper(ProductType.class, TYPE)
        .map(VERSION)
        .findFirst();
  }

  /** Every version of a product, newest first. */
  public List<ProductVersion> versions(Handle h, String productId) {
    return h.createQuery("SELECT " + VERSION_COLUMNS + " FROM product_version WHERE product_id = :id ORDER BY version DESC")
        .bind("id", productId)
        .registerColumnMapper(ProductType.class, TYPE)
        .map(VERSION)
        .list();
  }

  /** Sets the version in review and the state (the type too: it follows the version while never listed). */
  public void setPending(Handle h, String id, Integer pendingVersion, ProductStatus status, ProductType type, long now) {
    h.createUpdate("UPDATE product SET pending_version = :pv, status = :st, type = :type, updated_at = :now WHERE id = :id")
        .bind("pv", pendingVersion)
        .bind("st", status.code())
        .bind("type", type.code())
        .bind("now", now)
        .bind("id", id)
        .execute();
  }

  /** Makes a version live and lists the product. */
  public void makeLive(Handle h, String id, int version, ProductContent c, long now) {
    h.createUpdate("UPDATE product SET live_version = :v, pending_version = NULL, status = 'listed', type = :type,"
            + " name = :name, price = :price, unit = :unit, summary = :summary, description = :description,"
            + " delisted_at = NULL, updated_at = :now WHERE id = :id")
        .bindMethods(c)
        .bind("type", c.type().code())
        .bind("v", version)
        .bind("now", now)
        .bind("id", id)
        .execute();
  }

  /** Takes a listed product off sale; returns false when it was not listed. */
  /** 撤销 of a delisting (docs/undo.md): delisted -> listed with the live version it had. */
  public boolean undoDelist(Handle h, String id, long now) {
    return h.createUpdate("UPDATE product SET status = 'listed', delisted_at = NULL, updated_at = :now"
            + " WHERE id = :id AND status = 'delisted' AND live_version IS NOT NULL")
        .bind("now", now).bind("id", id).execute() == 1;
  }

  public boolean delist(Handle h, String id, long now) {
    return h.createUpdate("UPDATE product SET status = 'delisted', pending_version = NULL, delisted_at = :now,"
            + " updated_at = :now WHERE id = :id AND status = 'listed'")
        .bind("now", now).bind("id", id).execute() == 1;
  }

  /** ProductWorkflow by state, and how many listed ones have a revision in review. */
  public Map<String, Long> counts(Handle h) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (ProductStatus s : ProductStatus.values()) {
      out.put(s.code(), 0L);
    }
    h.createQuery("SELECT status, COUNT(*) FROM product GROUP BY status")
        .map((rs, c) -> Map.entry(rs.getString(1), rs.getLong(2)))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    out.put("revisions_in_review", h.createQuery(
            "SELECT COUNT(*) FROM product WHERE status = 'listed' AND pending_version IS NOT NULL")
        .mapTo(Long.class).one());
    return out;
  }

  private static final ColumnMapper<ProductType> TYPE = (rs, i, ctx) -> ProductType.ofCode(rs.getString(i));
  private static final ColumnMapper<ProductStatus> STATUS = (rs, i, ctx) -> ProductStatus.ofCode(rs.getString(i));
}
