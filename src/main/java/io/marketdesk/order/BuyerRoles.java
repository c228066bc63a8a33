package io.marketdesk.order;

import io.marketdesk.command.Role;
import io.marketdesk.identity.Directory;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The buyer role, which the order feature adds to the directory: an address is a buyer when some
 * order was bought with it. The directory knows only providers and operators, the orders table
 * only this feature. Stateless; thread-safe.
 */
public final class BuyerRoles implements Directory.RoleLookup {
  private final OrderStore store;

  public BuyerRoles(OrderStore store) {
    this.store = store;
  }

  @Override
  public Set<Role> rolesOf(Handle h, String address) {
    return store.hasBuyer(h, address) ? Set.of(Role.BUYER) : Set.of();
  }
}
