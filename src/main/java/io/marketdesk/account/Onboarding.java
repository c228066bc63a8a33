package io.marketdesk.account;

import io.marketdesk.text.Refusal;
import io.marketdesk.template.Catalog;
import io.marketdesk.account.AccountFields.Field;
import io.marketdesk.account.AccountFields.Problem;
import io.marketdesk.audit.AuditLog;
import io.marketdesk.identity.Directory;
import io.marketdesk.identity.Operator;
import io.marketdesk.identity.Provider;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Onboarding (入驻) of providers and operators, for the CLI and the admin API alike: every field is
 * checked with the rules of {@link AccountFields}, the account ID and the sender addresses must be
 * free, and the creation is in the audit log. Posting the same person again changes nothing and says
 * so (idempotent, like the order feed). Stateless and thread-safe.
 */
public final class Onboarding {
  private static final Pattern ACCOUNT_ID = Pattern.compile("^[0-9]{5,20}$");
  private static final Pattern ADDRESS = Pattern.compile("^[A-Za-z0-9._%+\\-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?"
      + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?)+$");

  /** What an onboarding request came to. */
  public sealed interface Result permits Created, Unchanged, Rejected {}

  /** Created now. */
  public record Created(Object person) implements Result {}

  /** The very same person exists already; nothing changed. */
  public record Unchanged(Object person) implements Result {}

  /**
   * Not done: the one refusal type ({@link Refusal}: bad input 400, someone else's account ID or
   * address 409, against a rule 422) and each problem worded in English for the CLI and the API.
   */
  public record Rejected(Refusal refusal, List<String> problems) implements Result {
    public Rejected {
      problems = List.copyOf(problems);
    }
  }

  private Rejected rejected(Refusal refusal) {
    return new Rejected(refusal, List.of(words.text("en", refusal.reason())));
  }

  /** A provider to create: account ID, field values (missing ones empty) and sender addresses. */
  public record ProviderRequest(String accountId, Map<Field, String> values, List<String> addresses) {}

  private final Directory directory;
  private final Catalog words;
  private final AuditLog audit;
  private final String serviceAddress;

  public Onboarding(Directory directory, AuditLog audit, String serviceAddress, Catalog words) {
    this.words = words;
    this.directory = directory;
    this.audit = audit;
    this.serviceAddress = Directory.normalize(serviceAddress);
  }

  /** The format problems of a provider request, each on its own (empty when it is well-formed). */
  public List<String> problems(ProviderRequest req) {
    return checked(req).problems();
  }

  /** A provider request cleaned (account ID trimmed, fields and addresses cleaned), with its format problems. */
  private record Checked(String accountId, Map<Field, String> values, List<String> addresses, List<String> problems) {}

  private Checked checked(ProviderRequest req) {
    List<String> problems = new ArrayList<>();
    String accountId = req.accountId() == null ? "" : req.accountId().trim();
    if (!ACCOUNT_ID.matcher(accountId).matches()) {
      problems.add("accountId must be 5 to 20 digits");
    }
    Map<Field, String> values = new EnumMap<>(Field.class);
    for (Field f : Field.values()) {
      values.put(f, AccountFields.clean(f, req.values().getOrDefault(f, "")));
    }
    for (Problem p : AccountFields.checkAll(values)) {
      problems.add(p.field().key + ": " + words.text("en", p.reason()));
    }
    List<String> addresses = cleanAddresses(req.addresses(), problems);
    return new Checked(accountId, values, addresses, problems);
  }

  /** The format problems of an operator request (empty when it is well-formed). */
  public List<String> operatorProblems(String name, List<String> addresses) {
    List<String> problems = new ArrayList<>();
    String n = name == null ? "" : name.strip();
    if (n.isEmpty()) {
      problems.add("name must not be empty");
    } else if (n.length() > 100) {
      problems.add("name is too long (at most 100 characters)");
    }
    cleanAddresses(addresses, problems);
    return problems;
  }

  /** Creates a provider, or says why not. {@code actor} is who asked ("api", "cli"), for the audit log. */
  public Result createProvider(Handle h, ProviderRequest req, String actor) {
    Checked checked = checked(req);
    String accountId = checked.accountId();
    Map<Field, String> values = checked.values();
    List<String> addresses = new ArrayList<>(new LinkedHashSet<>(checked.addresses()));
    if (!checked.problems().isEmpty()) {
      return new Rejected(Refusal.badInput("onboarding.invalid"), checked.problems());
    }
    Optional<Result> rule = addressRule(addresses);
    if (rule.isPresent()) {
      return rule.get();
    }
    Provider wanted = new Provider(0, accountId, values.get(Field.COMPANY_NAME), values.get(Field.COMPANY_ADDRESS),
        values.get(Field.CREDIT_CODE), values.get(Field.CS_PHONE), values.get(Field.CS_EMAIL), values.get(Field.CS_HOURS),
        values.get(Field.CONTACT_NAME), values.get(Field.CONTACT_PHONE), values.get(Field.CONTACT_EMAIL), addresses);
    Optional<Provider> existing = directory.providerByAccountId(h, accountId);
    if (existing.isPresent()) {
      if (same(existing.get(), wanted)) {
        return new Unchanged(existing.get());
      }
      return rejected(Refusal.conflict("onboarding.account-taken", "accountId", accountId));
    }
    for (String a : addresses) {
      if (directory.providerByAddress(h, a).isPresent() || directory.operatorByAddress(h, a).isPresent()) {
        return rejected(Refusal.conflict("onboarding.address-taken", "address", a));
      }
    }
    Provider p = directory.createProvider(h, wanted);
    audit.record(h, actor, null, "provider", p.accountId(), "created", null, AccountReviewKind.describe(p)
        + "; addresses=" + String.join(",", p.addresses()));
    return new Created(p);
  }

  /** Creates an operator, or says why not. */
  public Result createOperator(Handle h, String name, List<String> rawAddresses, String actor) {
    List<String> problems = new ArrayList<>();
    String n = name == null ? "" : name.strip();
    if (n.isEmpty()) {
      problems.add("name must not be empty");
    } else if (n.length() > 100) {
      problems.add("name is too long (at most 100 characters)");
    }
    List<String> addresses = new ArrayList<>(new LinkedHashSet<>(cleanAddresses(rawAddresses, problems)));
    if (!problems.isEmpty()) {
      return new Rejected(Refusal.badInput("onboarding.invalid"), problems);
    }
    Optional<Result> rule = addressRule(addresses);
    if (rule.isPresent()) {
      return rule.get();
    }
    Optional<Operator> existing = directory.operatorByAddress(h, addresses.get(0));
    if (existing.isPresent() && existing.get().name().equals(n)
        && Set.copyOf(existing.get().addresses()).equals(Set.copyOf(addresses))) {
      return new Unchanged(existing.get());
    }
    for (String a : addresses) {
      if (directory.providerByAddress(h, a).isPresent() || directory.operatorByAddress(h, a).isPresent()) {
        return rejected(Refusal.conflict("onboarding.address-taken", "address", a));
      }
    }
    Operator o = directory.createOperator(h, n, addresses);
    audit.record(h, actor, null, "operator", String.valueOf(o.id()), "created", null,
        "name=" + o.name() + "; addresses=" + String.join(",", o.addresses()));
    return new Created(o);
  }

  private static List<String> cleanAddresses(List<String> raw, List<String> problems) {
    List<String> out = new ArrayList<>();
    if (raw == null || raw.isEmpty()) {
      problems.add("addresses: at least one sender address is required");
      return out;
    }
    for (String a : raw) {
      String v = a == null ? "" : a.strip().toLowerCase(Locale.ROOT);
      if (!ADDRESS.matcher(v).matches()) {
        problems.add("addresses: \"" + (a == null ? "" : a) + "\" is not an email address");
      } else {
        out.add(v);
      }
    }
    return out;
  }

  private Optional<Result> addressRule(List<String> addresses) {
    for (String a : addresses) {
      String local = a.substring(0, a.indexOf('@'));
      String plain = (local.contains("+") ? local.substring(0, local.indexOf('+')) : local) + a.substring(a.indexOf('@'));
      if (plain.equals(serviceAddress)) {
        return Optional.of(rejected(Refusal.rule("onboarding.service-address", "address", a)));
      }
    }
    return Optional.empty();
  }

  private static boolean same(Provider a, Provider b) {
    return AccountFields.values(a).equals(AccountFields.values(b))
        && Set.copyOf(a.addresses()).equals(Set.copyOf(b.addresses()));
  }
}
