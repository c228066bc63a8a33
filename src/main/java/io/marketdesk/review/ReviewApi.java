package io.marketdesk.review;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.marketdesk.identity.Directory;
import io.marketdesk.feature.ApiException;
import io.marketdesk.feature.Web;
import io.marketdesk.feature.WebModule;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code GET /api/reviews[?status=open|approved|rejected|superseded|all][&kind=...]} and {@code GET
 * /api/reviews/{id}} (docs/web.md), bearer token required. Open reviews come overdue first (earliest
 * due first); the others newest first.
 */
final class ReviewApi implements WebModule {
  private static final Set<String> STATUSES = Set.of("open", "approved", "rejected", "superseded", "withdrawn", "all");
  private static final Set<String> KINDS = Set.of("account", "product", "price", "appeal");

  private final Jdbi jdbi;
  private final Reviews reviews;
  private final Directory directory;
  private final Clock clock;

  ReviewApi(Jdbi jdbi, Reviews reviews, Directory directory, Clock clock) {
    this.jdbi = jdbi;
    this.reviews = reviews;
    this.directory = directory;
    this.clock = clock;
  }

  @Override
  public void routes(Javalin app, Web web) {
    app.get("/api/reviews", ctx -> {
      list(ctx);
    });
    app.get("/api/reviews/{id}", ctx -> {
      long id;
      try {
        id = Long.parseLong(ctx.pathParam("id"));
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("the review id must be a number");
      }
      Map<String, Object> json = jdbi.withHandle(h -> reviews.find(h, id).map(r -> json(h, r)).orElse(null));
      if (json == null) {
        throw ApiException.notFound("no review " + id);
      }
      ctx.json(json);
    });
  }

  private void list(Context ctx) {
    String status = ctx.queryParam("status") == null ? "all" : ctx.queryParam("status");
    if (!STATUSES.contains(status)) {
      throw ApiException.badRequest("status must be one of open, approved, rejected, superseded, withdrawn, all");
    }
    String kind = ctx.queryParam("kind");
    if (kind != null && !KINDS.contains(kind)) {
      throw ApiException.badRequest("kind must be one of account, product, price, appeal");
    }
    List<Map<String, Object>> out = jdbi.withHandle(h -> {
      List<Review> found = status.equals("open") ? reviews.openReviews(h) : reviews.list(h, status.equals("all") ? null : status, null);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Review r : found) {
        if (kind == null || kind.equals(r.kind())) {
          rows.add(json(h, r));
        }
      }
      return rows;
    });
    ctx.json(out);
  }

  private Map<String, Object> json(Handle h, Review r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("kind", r.kind());
    m.put("subject", r.subject());
    m.put("status", r.status());
    m.put("due", reviews.dueText(r.dueAt()));
    m.put("dueAt", Instant.ofEpochMilli(r.dueAt()).toString());
    m.put("overdue", r.overdue(clock.millis()));
    m.put("title", r.titleEn());
    m.put("titleZh", r.titleZh());
    m.put("providerAccountId", r.providerId() == null ? null
        : directory.provider(h, r.providerId()).map(p -> p.accountId()).orElse(null));
    m.put("requestedBy", r.requestedBy());
    m.put("submittedAt", Instant.ofEpochMilli(r.submittedAt()).toString());
    m.put("decidedAt", r.decidedAt() == null ? null : Instant.ofEpochMilli(r.decidedAt()).toString());
    m.put("decidedBy", r.decidedBy());
    m.put("escalated", reviews.escalated(h, r.id()));
    m.put("decisionNote", r.decisionNote());
    List<Map<String, String>> changes = new ArrayList<>();
    for (Change c : r.changes()) {
      Map<String, String> cm = new LinkedHashMap<>();
      cm.put("field", c.field());
      cm.put("before", c.before());
      cm.put("after", c.after());
      changes.add(cm);
    }
    m.put("changes", changes);
    return m;
  }
}
