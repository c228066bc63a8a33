package io.marketdesk.history;

import io.marketdesk.command.Actor;
import io.marketdesk.command.Role;
import java.util.Locale;
import java.util.stream.Collectors;

/** The roles of an actor as the audit log records them: {@code operator,provider}, or null. Stateless. */
public final class AuditRoles {
  private AuditRoles() {}

  public static String of(Actor actor) {
    if (actor == null || !actor.registered()) {
      return null;
    }
    return actor.roles().stream().filter(r -> r != Role.NONE).map(r -> r.name().toLowerCase(Locale.ROOT)).sorted()
        .collect(Collectors.joining(","));
  }
}
