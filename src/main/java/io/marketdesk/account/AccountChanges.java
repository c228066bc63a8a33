package io.marketdesk.account;

import io.marketdesk.account.AccountFields.Field;
import io.marketdesk.account.AccountFields.Problem;
import io.marketdesk.command.CommandContext;
import io.marketdesk.text.Language;
import io.marketdesk.identity.Directory;
import io.marketdesk.identity.Provider;
import io.marketdesk.review.Change;
import io.marketdesk.review.Review;
import io.marketdesk.review.Reviews;
import io.marketdesk.template.Catalog;
import io.marketdesk.text.Message;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Changes to a provider's account: every field is checked and each problem kept; a valid request
 * becomes an account-change review (3 working days, docs/reviews.md) that replaces the provider's
 * open one. The live account changes only when an operator approves ({@link AccountReviewKind}).
 * Called by the 修改账户信息 command, and by anyone else with who asked ({@link Reviews.Requester});
 * the words of the reply are the caller's. Stateless and thread-safe.
 */
public final class AccountChanges {
  /** docs/reviews.md: account changes are reviewed within 3 working days. */
  public static final int WORKING_DAYS = 3;

  /** What a request to change an account came to. */
  public sealed interface Proposal permits InReview, Refused {}

  /**
   * In review.
   *
   * @param replaced the provider's open account review this one replaces, or null
   * @param changes each changed field, old beside new
   */
  public record InReview(Review review, Long replaced, List<Change> changes) implements Proposal {}

  /** Not submitted, and why: one reason, with the problems of the fields when they are the reason. */
  public record Refused(Why why, List<FieldProblem> problems) implements Proposal {}

  /** Why a request was not submitted. */
  public enum Why { NO_ACCOUNT, NO_FIELDS, INVALID, NOTHING_CHANGED }

  /** What is wrong with one written field. */
  public sealed interface FieldProblem permits UnknownField, BadValue, Missing {}

  /** A field name that names no account field. */
  public record UnknownField(String written) implements FieldProblem {}

  /** A value the field does not take. */
  public record BadValue(Field field, Message reason) implements FieldProblem {}

  /** A required field that is empty and not given. */
  public record Missing(Field field) implements FieldProblem {}

  private final Directory directory;
  private final Reviews reviews;
  private final Catalog catalog;

  public AccountChanges(Directory directory, Reviews reviews, Catalog catalog) {
    this.directory = directory;
    this.reviews = reviews;
    this.catalog = catalog;
  }

  /** Proposes new values ({@code 字段: 值} as written, Chinese or English names) for a provider's account. */
  public Proposal propose(Handle h, Reviews.Requester who, Long providerId, Map<String, String> fields) {
    Optional<Provider> found = directory.provider(h, providerId);
    if (found.isEmpty()) {
      return new Refused(Why.NO_ACCOUNT, List.of());
    }
    Provider p = found.get();
    if (fields.isEmpty()) {
      return new Refused(Why.NO_FIELDS, List.of());
    }
    Map<Field, String> current = AccountFields.values(p);
    Map<Field, String> proposed = new EnumMap<>(Field.class);
    List<FieldProblem> problems = new ArrayList<>();
    for (Map.Entry<String, String> e : fields.entrySet()) {
      Optional<Field> f = AccountFields.byName(e.getKey(), this::words);
      if (f.isEmpty()) {
        problems.add(new UnknownField(e.getKey()));
        continue;
      }
      String v = AccountFields.clean(f.get(), e.getValue());
      Problem pr = AccountFields.check(f.get(), v);
      if (pr != null) {
        problems.add(new BadValue(f.get(), pr.reason()));
        continue;
      }
      proposed.put(f.get(), v);
    }
    for (Field f : Field.values()) {
      if (f.required && !proposed.containsKey(f) && current.get(f).isEmpty()) {
        boolean mentioned = fields.keySet().stream().anyMatch(k -> AccountFields.byName(k, this::words).orElse(null) == f);
        if (!mentioned) {
          problems.add(new Missing(f));
        }
      }
    }
    if (!problems.isEmpty()) {
      return new Refused(Why.INVALID, problems);
    }
    List<Change> changes = new ArrayList<>();
    Map<String, String> payload = new LinkedHashMap<>();
    for (Map.Entry<Field, String> e : proposed.entrySet()) {
      Field f = e.getKey();
      if (!current.get(f).equals(e.getValue())) {
        changes.add(new Change(f.key, catalog.text(Language.ZH.code(), f.labelKey()),
            catalog.text(Language.EN.code(), f.labelKey()), current.get(f), e.getValue()).labelled(f.labelKey()));
        payload.put(f.key, e.getValue());
      }
    }
    if (changes.isEmpty()) {
      return new Refused(Why.NOTHING_CHANGED, List.of());
    }
    Optional<Review> previous = reviews.openFor(h, AccountReviewKind.KIND, p.accountId());
    Review r = reviews.submit(h, who, new Reviews.Submission(AccountReviewKind.KIND, p.accountId(), p.id(),
        Message.of("account.review.title", "company", p.companyName(), "accountId", p.accountId()),
        AccountReviewKind.payloadJson(payload), changes, WORKING_DAYS));
    return new InReview(r, previous.map(Review::id).orElse(null), changes);
  }

  private List<String> words(String key) {
    return CommandContext.words(catalog, key);
  }
}
