package io.marketdesk.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The audit log (SPEC §9): every state change, with who made it (address and role), where it came
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
   * names them ({@code product} and its IDs...), so that this reads no table but its own.
   *
   * @param ids per entity name, the IDs of the things; entities with no IDs are left out
   */
  public List<Entry> about(Handle h, Map<String, ? extends Collection<String>> ids, int limit) {
    StringBuilder where = new StringBuilder();
    List<Map.Entry<String, ? extends Collection<String>>> parts = new ArrayList<>();
    for (Map.Entry<String, ? extends Collection<String>> e : ids.entrySet()) {
      if (!e.getValue().isEmpty()) {
        where.append(parts.isEmpty() ? "" : " OR ").append("(entity = :e").append(parts.size())
            .append(" AND entity_id IN (<i").append(parts.size()).append(">))");
        parts.add(e);
      }
    }
    if (parts.isEmpty()) {
      return List.of();
    }
    var q = h.createQuery(SELECT + " WHERE " + where + " ORDER BY at DESC, id DESC LIMIT :limit").bind("limit", limit);
    for (int i = 0; i < parts.size(); i++) {
      q.bind("e" + i, parts.get(i).getKey()).bindList("i" + i, List.copyOf(parts.get(i).getValue()));
    }
    return q.map(AuditLog::entry).list();
  }

  private static Entry entry(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Entry(rs.getLong("id"), rs.getLong("at"), rs.getString("actor"), rs.getString("actor_role"),
        rs.getString("source"), rs.getString("message_id"), rs.getString("subject"), rs.getString("auth"),
        rs.getObject("inbound_id") == null ? null : rs.getLong("inbound_id"), rs.getString("entity"),
        rs.getString("entity_id"), rs.getString("action"), rs.getString("before_state"), rs.getString("after_state"));
  }
}
