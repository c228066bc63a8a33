package io.marketdesk.command;

import java.util.Locale;
import java.util.Optional;

/**
 * What one address may do in its provider account's team (docs/teams.md): an admin everything, a
 * products member the product commands, an orders member the order commands, and every member the
 * read-only ones. Which role a command needs is declared once, in {@code team/command-roles.properties}.
 */
public enum TeamRole {
  ADMIN,
  PRODUCTS,
  ORDERS,
  READONLY;

  /** The stored and catalog form: {@code admin}, {@code products}, {@code orders}, {@code readonly}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<TeamRole> of(String code) {
    if (code == null) {
      return Optional.empty();
    }
    for (TeamRole r : values()) {
      if (r.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** True when a member with this role may run a command that needs {@code needed}. */
  public boolean allows(TeamRole needed) {
    return this == ADMIN || needed == READONLY || this == needed;
  }
}
