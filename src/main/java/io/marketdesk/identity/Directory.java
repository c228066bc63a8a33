package io.marketdesk.identity;

import io.marketdesk.command.Actor;
import io.marketdesk.command.Role;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Providers and operators, and who a sender address is (SPEC §1). Addresses compare without case.
 * Other features add roles with {@link #addLookup} (the orders feature adds buyers). Thread-safe
 * once built.
 */
public final class Directory {
  /** Adds roles found elsewhere (for example: the address is the buyer of some order). */
  @FunctionalInterface
  public interface RoleLookup {
    Set<Role> rolesOf(Handle h, String address);
  }

  private final Clock clock;
  private final List<RoleLookup> lookups = new ArrayList<>();

  public Directory(Clock clock) {
    this.clock = clock;
  }

  /** Buyers: an address recorded on some order. */
  public static RoleLookup buyerLookup() {
    return (h, address) -> h.createQuery("SELECT 1 FROM orders WHERE buyer_email = :a LIMIT 1").bind("a", address)
        .mapTo(Integer.class).findFirst().isPresent() ? Set.of(Role.BUYER) : Set.of();
  }

  public Directory addLookup(RoleLookup lookup) {
    lookups.add(lookup);
    return this;
  }

  public static String normalize(String address) {
    return address == null ? null : address.trim().toLowerCase(Locale.ROOT);
  }

  /** Who this address is. */
  public Actor actor(Handle h, String address) {
    String a = normalize(address);
    if (a == null || a.isEmpty()) {
      return Actor.unknown("");
    }
    // one indexed lookup, not the whole provider and operator records: this runs for every mail
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Object[] p = null;
    Object[] o = null;
    for (Object[] row : h.createQuery(
            "SELECT 'p', p.id, p.account_id, p.company_name FROM provider_address a JOIN provider p ON p.id = a.provider_id"
                + " WHERE a.address = :a"
                + " UNION ALL SELECT 'o', o.id, NULL, o.name FROM operator_address a JOIN operator o ON o.id = a.operator_id"
                + " WHERE a.address = :a")
        .bind("a", a)
        .map((rs, c) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)})
        .list()) {
      if (row[0].equals("p")) {
        p = row;
      } else {
        o = row;
      }
    }
    if (p != null) {
      roles.add(Role.PROVIDER);
    }
    if (o != null) {
      roles.add(Role.OPERATOR);
    }
    for (RoleLookup l : lookups) {
      roles.addAll(l.rolesOf(h, a));
    }
    roles.remove(Role.NONE);
    String name = o != null ? (String) o[3] : p != null ? (String) p[3] : a;
    return new Actor(
        a,
        roles,
        p == null ? null : (Long) p[1],
        p == null ? null : (String) p[2],
        o == null ? null : (Long) o[1],
        name);
  }

  public Optional<Provider> providerByAddress(Handle h, String address) {
    return h.createQuery("SELECT provider_id FROM provider_address WHERE address = :a")
        .bind("a", normalize(address))
        .mapTo(Long.class)
        .findFirst()
        .flatMap(id -> provider(h, id));
  }

  public Optional<Provider> providerByAccountId(Handle h, String accountId) {
    return h.createQuery("SELECT id FROM provider WHERE account_id = :a")
        .bind("a", accountId)
        .mapTo(Long.class)
        .findFirst()
        .flatMap(id -> provider(h, id));
  }

  public Optional<Provider> provider(Handle h, long id) {
    List<String> addresses =
        h.createQuery("SELECT address FROM provider_address WHERE provider_id = :id ORDER BY address")
            .bind("id", id)
            .mapTo(String.class)
            .list();
    return h.createQuery(
            "SELECT id, account_id, company_name, company_address, credit_code, cs_phone, cs_email, cs_hours,"
                + " contact_name, contact_phone, contact_email FROM provider WHERE id = :id")
        .bind("id", id)
        .map(
            (rs, ctx) ->
                new Provider(
                    rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                    rs.getString(11), addresses))
        .findFirst();
  }

  public List<Provider> providers(Handle h) {
    List<Long> ids = h.createQuery("SELECT id FROM provider ORDER BY account_id").mapTo(Long.class).list();
    List<Provider> out = new ArrayList<>();
    for (long id : ids) {
      provider(h, id).ifPresent(out::add);
    }
    return out;
  }

  public Optional<Operator> operatorByAddress(Handle h, String address) {
    return h.createQuery("SELECT operator_id FROM operator_address WHERE address = :a")
        .bind("a", normalize(address))
        .mapTo(Long.class)
        .findFirst()
        .flatMap(id -> operator(h, id));
  }

  public Optional<Operator> operator(Handle h, long id) {
    List<String> addresses =
        h.createQuery("SELECT address FROM operator_address WHERE operator_id = :id ORDER BY address")
            .bind("id", id)
            .mapTo(String.class)
            .list();
    return h.createQuery("SELECT id, name FROM operator WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> new Operator(rs.getLong(1), rs.getString(2), addresses))
        .findFirst();
  }

  public List<Operator> operators(Handle h) {
    List<Long> ids = h.createQuery("SELECT id FROM operator ORDER BY id").mapTo(Long.class).list();
    List<Operator> out = new ArrayList<>();
    for (long id : ids) {
      operator(h, id).ifPresent(out::add);
    }
    return out;
  }

  /**
   * Creates a provider. The caller validates the fields; this refuses only an account ID or an
   * address already taken, with IllegalArgumentException.
   */
  public Provider createProvider(Handle h, Provider p) {
    if (providerByAccountId(h, p.accountId()).isPresent()) {
      throw new IllegalArgumentException("account ID " + p.accountId() + " is already registered");
    }
    for (String a : p.addresses()) {
      if (addressTaken(h, a)) {
        throw new IllegalArgumentException("address " + a + " is already registered");
      }
    }
    long id =
        h.createUpdate(
                "INSERT INTO provider (account_id, company_name, company_address, credit_code, cs_phone,"
                    + " cs_email, cs_hours, contact_name, contact_phone, contact_email, created_at) VALUES"
                    + " (:accountId, :companyName, :companyAddress, :creditCode, :csPhone, :csEmail, :csHours,"
                    + " :contactName, :contactPhone, :contactEmail, :now)")
            .bindMethods(p)
            .bind("now", clock.millis())
            .executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class)
            .one();
    for (String a : p.addresses()) {
      h.createUpdate("INSERT INTO provider_address (address, provider_id) VALUES (:a, :id)")
          .bind("a", normalize(a))
          .bind("id", id)
          .execute();
    }
    return provider(h, id).orElseThrow();
  }

  public Operator createOperator(Handle h, String name, List<String> addresses) {
    for (String a : addresses) {
      if (addressTaken(h, a)) {
        throw new IllegalArgumentException("address " + a + " is already registered");
      }
    }
    long id =
        h.createUpdate("INSERT INTO operator (name, created_at) VALUES (:name, :now)")
            .bind("name", name)
            .bind("now", clock.millis())
            .executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class)
            .one();
    for (String a : addresses) {
      h.createUpdate("INSERT INTO operator_address (address, operator_id) VALUES (:a, :id)")
          .bind("a", normalize(a))
          .bind("id", id)
          .execute();
    }
    return operator(h, id).orElseThrow();
  }

  private boolean addressTaken(Handle h, String address) {
    String a = normalize(address);
    return h.createQuery(
                "SELECT COUNT(*) FROM provider_address WHERE address = :a")
            .bind("a", a).mapTo(Long.class).one()
        + h.createQuery("SELECT COUNT(*) FROM operator_address WHERE address = :a")
            .bind("a", a).mapTo(Long.class).one()
        > 0;
  }
}
