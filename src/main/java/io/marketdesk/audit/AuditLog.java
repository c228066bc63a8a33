package io.marketdesk.audit;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The audit log (SPEC §9): every state change, with who made it, from which mail, and the state
 * before and after. Written in the transaction of the change itself. Thread-safe.
 */
public final class AuditLog {
  /** One entry. */
  public record Entry(long at, String actor, Long inboundId, String entity, String entityId, String action,
      String before, String after) {}

  private final Clock clock;

  public AuditLog(Clock clock) {
    this.clock = clock;
  }

  public void record(Handle h, String actor, Long inboundId, String entity, String entityId, String action,
      String before, String after) {
    h.createUpdate(
            "INSERT INTO audit_log (at, actor, inbound_id, entity, entity_id, action, before_state, after_state)"
                + " VALUES (:at, :actor, :inbound, :entity, :eid, :action, :before, :after)")
        .bind("at", clock.millis())
        .bind("actor", actor)
        .bind("inbound", inboundId)
        .bind("entity", entity)
        .bind("eid", entityId)
        .bind("action", action)
        .bind("before", before)
        .bind("after", after)
        .execute();
  }

  public List<Entry> forEntity(Handle h, String entity, String entityId) {
    return h.createQuery(
            "SELECT at, actor, inbound_id, entity, entity_id, action, before_state, after_state FROM audit_log"
                + " WHERE entity = :e AND entity_id = :id ORDER BY id")
        .bind("e", entity)
        .bind("id", entityId)
        .map((rs, ctx) -> new Entry(rs.getLong(1), rs.getString(2), rs.getObject(3) == null ? null : rs.getLong(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
        .list();
  }
}
