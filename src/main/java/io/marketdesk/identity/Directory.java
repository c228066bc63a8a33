package io.marketdesk.identity;

import io.marketdesk.command.Actor;
import io.marketdesk.command.Role;
import io.marketdesk.command.TeamRole;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongFunction;
import org.jdbi.v3.core.Handle;

/**
 * Providers and operators, and who a sender address is (docs/accounts.md). Addresses compare without case.
 * Other features add roles with {@link #addLookup} (the orders feature adds buyers): this class
 * reads only the identity tables. Thread-safe.
 */
public final class Directory {
  /** Adds roles found elsewhere (for example: the address is the buyer of some order). */
  @FunctionalInterface
  public interface RoleLookup {
    Set<Role> rolesOf(Handle h, String address);
  }

  private final Clock clock;
  private final List<RoleLookup> lookups = new CopyOnWriteArrayList<>();

  public Directory(Clock clock) {
    this.clock = clock;
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
    Found p = null;
    Found o = null;
    for (Found row : h.createQuery(
            "SELECT 'p' AS kind, p.id, p.account_id, p.company_name AS name, a.team_role FROM provider_address a"
                + " JOIN provider p ON p.id = a.provider_id WHERE a.address = :a"
                + " UNION ALL SELECT 'o' AS kind, o.id, NULL AS account_id, o.name, NULL AS team_role FROM operator_address a"
                + " JOIN operator o ON o.id = a.operator_id WHERE a.address = :a")
        .bind("a", a)
        .map((rs, c) -> new Found(rs.getString("kind"), rs.getLong("id"), rs.getString("account_id"), rs.getString("name"),
            rs.getString("team_role")))
        .list()) {
      if (row.kind().equals("p")) {
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
    String name = o != null ? o.name() : p != null ? p.name() : a;
    return new Actor(
        a,
        roles,
        p == null ? null : p.id(),
        p == null ? null : p.accountId(),
        o == null ? null : o.id(),
        name,
        p == null ? null : TeamRole.of(p.teamRole()).orElse(TeamRole.READONLY));
  }

  /** A provider ({@code p}) or operator ({@code o}) row that an address belongs to. */
  private record Found(String kind, long id, String accountId, String name, String teamRole) {}

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
    List<String> addresses = addresses(h, "provider_address", "provider_id", id);
    return h.createQuery(
            "SELECT id, account_id, company_name, company_address, credit_code, cs_phone, cs_email, cs_hours,"
                + " contact_name, contact_phone, contact_email FROM provider WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> new Provider(rs.getLong("id"), rs.getString("account_id"), rs.getString("company_name"),
            rs.getString("company_address"), rs.getString("credit_code"), rs.getString("cs_phone"), rs.getString("cs_email"),
            rs.getString("cs_hours"), rs.getString("contact_name"), rs.getString("contact_phone"),
            rs.getString("contact_email"), addresses))
        .findFirst();
  }

  public List<Provider> providers(Handle h) {
    return all(h, "SELECT id FROM provider ORDER BY account_id", id -> provider(h, id));
  }

  public Optional<Operator> operatorByAddress(Handle h, String address) {
    return h.createQuery("SELECT operator_id FROM operator_address WHERE address = :a")
        .bind("a", normalize(address))
        .mapTo(Long.class)
        .findFirst()
        .flatMap(id -> operator(h, id));
  }

  public Optional<Operator> operator(Handle h, long id) {
    List<String> addresses = addresses(h, "operator_address", "operator_id", id);
    return h.createQuery("SELECT id, name FROM operator WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> new Operator(rs.getLong("id"), rs.getString("name"), addresses))
        .findFirst();
  }

  public List<Operator> operators(Handle h) {
    return all(h, "SELECT id FROM operator ORDER BY id", id -> operator(h, id));
  }

  /** The sender addresses of one provider or operator, sorted. */
  private static List<String> addresses(Handle h, String table, String ownerColumn, long id) {
    return h.createQuery("SELECT address FROM " + table + " WHERE " + ownerColumn + " = :id ORDER BY address")
        .bind("id", id)
        .mapTo(String.class)
        .list();
  }

  /** Every record whose ID the query lists, in its order. */
  private static <T> List<T> all(Handle h, String idQuery, LongFunction<Optional<T>> read) {
    List<T> out = new ArrayList<>();
    for (long id : h.createQuery(idQuery).mapTo(Long.class).list()) {
      read.apply(id).ifPresent(out::add);
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

  /** One address of a provider account's team and its role (docs/teams.md). */
  public record Member(String address, TeamRole role, Long addedAt, String addedBy) {}

  /** What adding a member came to. */
  public sealed interface AddResult {
    /** The address is now a member with that role. */
    record Added(Member member) implements AddResult {}

    /** The address was a member already; its role is now the one asked for. */
    record RoleChanged(Member member, TeamRole before) implements AddResult {}

    /** The address is a member with that role already: nothing changed. */
    record AlreadyMember(Member member) implements AddResult {}

    /** The address belongs to another provider account, or to an operator. */
    record Taken() implements AddResult {}

    /** The change would leave the account with no admin. */
    record LastAdmin() implements AddResult {}
  }

  /** What removing a member came to. */
  public sealed interface RemoveResult {
    record Removed(Member member) implements RemoveResult {}

    record NotMember() implements RemoveResult {}

    record LastAdmin() implements RemoveResult {}
  }

  /** The team of a provider account: the addresses registered at onboarding first, then by when added. */
  public List<Member> members(Handle h, long providerId) {
    return h.createQuery("SELECT address, team_role, added_at, added_by FROM provider_address WHERE provider_id = :id"
            + " ORDER BY COALESCE(added_at, 0), address")
        .bind("id", providerId)
        .map((rs, c) -> new Member(rs.getString("address"), TeamRole.of(rs.getString("team_role")).orElse(TeamRole.READONLY),
            rs.getObject("added_at") == null ? null : rs.getLong("added_at"), rs.getString("added_by")))
        .list();
  }

  /**
   * Adds {@code address} to the team with {@code role}, or changes the role of a member already in it.
   * Refuses an address of another account or of an operator, and a change that leaves no admin. The
   * account's row is locked first, so that two changes of one team at once are done one after the
   * other (the last admin stays on PostgreSQL too).
   */
  public AddResult addMember(Handle h, long providerId, String address, TeamRole role, String by) {
    String a = normalize(address);
    lockTeam(h, providerId);
    Optional<Long> owner = h.createQuery("SELECT provider_id FROM provider_address WHERE address = :a")
        .bind("a", a).mapTo(Long.class).findFirst();
    boolean operator = h.createQuery("SELECT COUNT(*) FROM operator_address WHERE address = :a")
        .bind("a", a).mapTo(Long.class).one() > 0;
    if (operator || owner.isPresent() && owner.get() != providerId) {
      return new AddResult.Taken();
    }
    if (owner.isEmpty()) {
      long now = clock.millis();
      h.createUpdate("INSERT INTO provider_address (address, provider_id, team_role, added_at, added_by)"
              + " VALUES (:a, :id, :role, :now, :by)")
          .bind("a", a).bind("id", providerId).bind("role", role.code()).bind("now", now).bind("by", normalize(by))
          .execute();
      return new AddResult.Added(new Member(a, role, now, normalize(by)));
    }
    Member current = member(h, providerId, a).orElseThrow();
    if (current.role() == role) {
      return new AddResult.AlreadyMember(current);
    }
    if (current.role() == TeamRole.ADMIN && admins(h, providerId) <= 1) {
      return new AddResult.LastAdmin();
    }
    h.createUpdate("UPDATE provider_address SET team_role = :role WHERE address = :a")
        .bind("role", role.code()).bind("a", a).execute();
    return new AddResult.RoleChanged(new Member(a, role, current.addedAt(), current.addedBy()), current.role());
  }

  /** Removes {@code address} from the team, unless it is the last admin. */
  public RemoveResult removeMember(Handle h, long providerId, String address) {
    String a = normalize(address);
    lockTeam(h, providerId);
    Optional<Member> current = member(h, providerId, a);
    if (current.isEmpty()) {
      return new RemoveResult.NotMember();
    }
    if (current.get().role() == TeamRole.ADMIN && admins(h, providerId) <= 1) {
      return new RemoveResult.LastAdmin();
    }
    h.createUpdate("DELETE FROM provider_address WHERE address = :a AND provider_id = :id")
        .bind("a", a).bind("id", providerId).execute();
    return new RemoveResult.Removed(current.get());
  }

  private Optional<Member> member(Handle h, long providerId, String address) {
    return members(h, providerId).stream().filter(m -> m.address().equals(address)).findFirst();
  }

  private static long admins(Handle h, long providerId) {
    return h.createQuery("SELECT COUNT(*) FROM provider_address WHERE provider_id = :id AND team_role = 'admin'")
        .bind("id", providerId).mapTo(Long.class).one();
  }

  /** A no-op update of the account's row: PostgreSQL holds its row lock to the end of the transaction. */
  private static void lockTeam(Handle h, long providerId) {
    h.createUpdate("UPDATE provider SET id = id WHERE id = :id").bind("id", providerId).execute();
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
