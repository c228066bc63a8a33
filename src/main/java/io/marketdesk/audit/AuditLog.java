package io.marketdesk.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The audit log (docs/reliability.md): every state change, with who made it (address and role), where it came
 * from (a mail with its Message-ID, subject and authentication result, or the API, the CLI, a timer),
 * and the state before and after. Written in the transaction of the change itself; sealed into the
 * hash chain afterwards by {@link AuditChain} (docs/history.md). Thread-safe.
 */
public final class AuditLog {
  /**
   * One entry.
   *
   * @param actorRole the actor's roles when it was written ({@code provider}, {@code operator},
   *     {@code buyer}, comma-separated), or null (API, CLI, timer, and entries older than V170)
   * @param source {@code mail}, {@code api}, {@code cli}, {@code timer} or {@code system}; null in
   *     entries older than V170
   * @param auth how the mail's sender was proven ({@code pass}, {@code token}, {@code trust},
   *     {@code none}), null when not from a mail
   */
  public record Entry(long id, long at, String actor, String actorRole, String source, String messageId, String subject,
      String auth, Long inboundId, String entity, String entityId, String action, String before, String after) {}

  /** How many IDs {@link #about} binds in one statement. */
  static final int IDS_PER_QUERY = 500;
  private static final String SELECT = "SELECT id, at, actor, actor_role, source, message_id, subject, auth, inbound_id,"
      + " entity, entity_id, action, before_state, after_state FROM audit_log";

  private final Clock clock;
  private final BiFunction<Handle, String, String> roleOf;

  /** A log that records no roles (tools and tests that have no directory). */
  public AuditLog(Clock clock) {
    this(clock, (h, actor) -> null);
  }

  /**
   * @param roleOf the roles of an address at the time of writing, or null when it has none
   */
  public AuditLog(Clock clock, BiFunction<Handle, String, String> roleOf) {
    this.clock = clock;
    this.roleOf = roleOf;
  }

  /** Writes an entry for whoever acted (a person by mail, the API, the CLI, a timer, the demo loader). */
  public void record(Handle h, ActedBy by, String entity, String entityId, String action, String before, String after) {
    record(h, by.who(), by.inboundId(), entity, entityId, action, before, after);
  }

  public void record(Handle h, String actor, Long inboundId, String entity, String entityId, String action,
      String before, String after) {
    String source;
    String messageId = null;
    String subject = null;
    String auth = null;
    if (inboundId != null) {
      source = "mail";
      var mail = h.createQuery("SELECT message_id, subject, auth_result FROM inbound_mail WHERE id = :id")
          .bind("id", inboundId)
          .map((rs, ctx) -> new String[] {rs.getString("message_id"), rs.getString("subject"), rs.getString("auth_result")})
          .findFirst();
      if (mail.isPresent()) {
        messageId = mail.get()[0];
        subject = mail.get()[1];
        auth = mail.get()[2];
      }
    } else {
      source = sourceOf(actor);
    }
    String role = actor != null && actor.contains("@") ? roleOf.apply(h, actor) : null;
    h.createUpdate(
            "INSERT INTO audit_log (at, actor, actor_role, source, message_id, subject, auth, inbound_id, entity, entity_id,"
                + " action, before_state, after_state)"
                + " VALUES (:at, :actor, :role, :source, :mid, :subject, :auth, :inbound, :entity, :eid, :action, :before, :after)")
        .bind("at", clock.millis())
        .bind("actor", actor)
        .bind("role", role)
        .bind("source", source)
        .bind("mid", cut(messageId, 1000))
        .bind("subject", cut(subject, 1000))
        .bind("auth", auth)
        .bind("inbound", inboundId)
        .bind("entity", entity)
        .bind("eid", entityId)
        .bind("action", action)
        .bind("before", before)
        .bind("after", after)
        .execute();
  }

  /** Where a change that came by no mail came from: the API, the CLI, or a timer. */
  static String sourceOf(String actor) {
    if (actor == null) {
      return "system";
    }
    String a = actor.toLowerCase(Locale.ROOT);
    if (a.equals("api") || a.equals("cli") || a.equals("timer")) {
      return a;
    }
    return a.contains("@") ? "system" : "timer";
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  /** Every entry about one thing, oldest first. */
  public List<Entry> forEntity(Handle h, String entity, String entityId) {
    return h.createQuery(SELECT + " WHERE entity = :e AND entity_id = :id ORDER BY at, id")
        .bind("e", entity)
        .bind("id", entityId)
        .map(AuditLog::entry)
        .list();
  }

  /**
   * The newest entries about any of these things, newest first, at most {@code limit}: the caller
   * names them ({@code product} and its IDs...), so that this reads no table but its own. The IDs go
   * to the database {@value #IDS_PER_QUERY} at a time (a provider may have more orders than a
   * statement may bind values).
   *
   * @param ids per entity name, the IDs of the things
   */
  public List<Entry> about(Handle h, Map<String, ? extends Collection<String>> ids, int limit) {
    List<Entry> found = new ArrayList<>();
    for (Map.Entry<String, ? extends Collection<String>> e : ids.entrySet()) {
      List<String> all = List.copyOf(e.getValue());
      for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
        found.addAll(h.createQuery(SELECT + " WHERE entity = :e AND entity_id IN (<ids>) ORDER BY at DESC, id DESC LIMIT :limit")
            .bind("e", e.getKey())
            .bindList("ids", all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY)))
            .bind("limit", limit)
            .map(AuditLog::entry)
            .list());
      }
    }
    found.sort(Comparator.comparingLong(Entry::at).thenComparingLong(Entry::id).reversed());
    return List.copyOf(found.subList(0, Math.min(limit, found.size())));
  }

  private static Entry entry(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Entry(rs.getLong("id"), rs.getLong("at"), rs.getString("actor"), rs.getString("actor_role"),
        rs.getString("source"), rs.getString("message_id"), rs.getString("subject"), rs.getString("auth"),
        rs.getObject("inbound_id") == null ? null : rs.getLong("inbound_id"), rs.getString("entity"),
        rs.getString("entity_id"), rs.getString("action"), rs.getString("before_state"), rs.getString("after_state"));
  }
}
