package io.marketdesk.command;

import java.util.Set;

/**
 * Who sent a mail, as far as marketdesk knows: the address and every role it has. Immutable.
 *
 * @param address the sender address, lower-cased
 * @param roles the roles; empty when the address is not registered
 * @param providerId the provider's id when PROVIDER is among the roles, else null
 * @param accountId the provider's account ID (账号 ID) when a provider, else null
 * @param operatorId the operator's id when OPERATOR is among the roles, else null
 * @param name a display name (company or operator name), or the address
 * @param teamRole the address's role in its provider account's team when a provider, else null
 *     (docs/teams.md)
 */
public record Actor(
    String address, Set<Role> roles, Long providerId, String accountId, Long operatorId, String name,
    TeamRole teamRole) {
  public Actor {
    roles = Set.copyOf(roles);
    if (teamRole == null && roles.contains(Role.PROVIDER)) {
      teamRole = TeamRole.ADMIN;
    }
  }

  /** An actor whose team role, when a provider, is admin. */
  public Actor(String address, Set<Role> roles, Long providerId, String accountId, Long operatorId, String name) {
    this(address, roles, providerId, accountId, operatorId, name, null);
  }

  public static Actor unknown(String address) {
    return new Actor(address, Set.of(), null, null, null, address, null);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean registered() {
    return !roles.isEmpty();
  }

  /** The role help is written for: operator, then provider, then buyer. */
  public Role primaryRole() {
    if (has(Role.OPERATOR)) {
      return Role.OPERATOR;
    }
    if (has(Role.PROVIDER)) {
      return Role.PROVIDER;
    }
    if (has(Role.BUYER)) {
      return Role.BUYER;
    }
    return Role.NONE;
  }
}
