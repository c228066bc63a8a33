package io.marketdesk.account;

import io.marketdesk.command.Language;
import io.marketdesk.account.AccountFields.Field;
import io.marketdesk.account.AccountFields.Problem;
import io.marketdesk.command.CommandContext;
import io.marketdesk.command.DeclaredCommand;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.command.Role;
import io.marketdesk.identity.Directory;
import io.marketdesk.identity.Provider;
import io.marketdesk.review.Change;
import io.marketdesk.review.Review;
import io.marketdesk.review.Reviews;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code 修改账户信息 / account update} with {@code 字段: 值} lines (Chinese or English field names):
 * every field is checked and each problem reported on its own line; a valid request becomes an
 * account-change review (3 working days) that replaces the provider's open one. The live account
 * changes only when an operator approves. Stateless.
 */
public final class AccountUpdateHandler extends DeclaredCommand {
  static final CommandSpec SPEC = new CommandSpec("account.update", Set.of(Role.PROVIDER), CommandSpec.Body.FIELDS);
  /** SPEC §5: account changes are reviewed within 3 working days. */
  public static final int WORKING_DAYS = 3;

  private final Directory directory;
  private final Reviews reviews;

  public AccountUpdateHandler(Directory directory, Reviews reviews) {
    super(SPEC, true);
    this.directory = directory;
    this.reviews = reviews;
  }

  private static String example(CommandContext ctx) {
    return ctx.m("account-update-handler.example.1");
  }

  @Override
  public Outcome handle(CommandContext ctx, ParsedCommand cmd) {
    Optional<Provider> found = directory.provider(ctx.handle(), ctx.actor().providerId());
    if (found.isEmpty()) {
      return Outcome.refused(ctx.m("account-update-handler.handle.1"), "");
    }
    Provider p = found.get();
    if (cmd.fields().isEmpty()) {
      return Outcome.refused(ctx.m("account-update-handler.handle.2", "names", names(ctx)),
          example(ctx));
    }
    Map<Field, String> current = AccountFields.values(p);
    Map<Field, String> proposed = new EnumMap<>(Field.class);
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> e : cmd.fields().entrySet()) {
      Optional<Field> f = AccountFields.byName(e.getKey(), ctx::words);
      if (f.isEmpty()) {
        problems.add(ctx.m("account-update-handler.handle.3", "getKey", e.getKey(), "names", names(ctx)));
        continue;
      }
      String v = AccountFields.clean(f.get(), e.getValue());
      Problem pr = AccountFields.check(f.get(), v);
      if (pr != null) {
        problems.add(ctx.m(pr.reason()));
        continue;
      }
      proposed.put(f.get(), v);
    }
    for (Field f : Field.values()) {
      if (f.required && !proposed.containsKey(f) && current.get(f).isEmpty()) {
        boolean mentioned = cmd.fields().keySet().stream().anyMatch(k -> AccountFields.byName(k, ctx::words).orElse(null) == f);
        if (!mentioned) {
          problems.add(ctx.m("account-update-handler.handle.5", "label", ctx.m(f.labelKey())));
        }
      }
    }
    if (!problems.isEmpty()) {
      return Outcome.refused(ctx.m("account-update-handler.handle.6")
          + "\n" + String.join("\n", problems.stream().map(x -> ctx.m("account-update-handler.handle.7") + x).toList()), example(ctx));
    }
    List<Change> changes = new ArrayList<>();
    Map<String, String> payload = new LinkedHashMap<>();
    for (Map.Entry<Field, String> e : proposed.entrySet()) {
      Field f = e.getKey();
      if (!current.get(f).equals(e.getValue())) {
        changes.add(new Change(f.key, ctx.in(Language.ZH, f.labelKey()), ctx.in(Language.EN, f.labelKey()), current.get(f), e.getValue())
            .labelled(f.labelKey()));
        payload.put(f.key, e.getValue());
      }
    }
    if (changes.isEmpty()) {
      return Outcome.refused(ctx.m("account-update-handler.handle.8"), example(ctx));
    }
    Optional<Review> previous = reviews.openFor(ctx.handle(), AccountReviewKind.KIND, p.accountId());
    Review r = reviews.submit(ctx, new Reviews.Submission(AccountReviewKind.KIND, p.accountId(), p.id(),
        io.marketdesk.text.Message.of("account.review.title", "company", p.companyName(), "accountId", p.accountId()),
        AccountReviewKind.payloadJson(payload), changes, WORKING_DAYS));
    StringBuilder sb = new StringBuilder(ctx.m("account-update-handler.handle.9", "id", r.id(), "dueAt", reviews.dueText(r.dueAt()), "WORKING_DAYS", WORKING_DAYS));
    previous.ifPresent(old -> sb.append('\n').append(ctx.m("account-update-handler.handle.10", "id", old.id())));
    for (Change c : changes) {
      sb.append('\n').append(ctx.m("account-update-handler.handle.11", "label", ctx.m(c.labelKey()), "before", c.before(), "after", c.after()));
    }
    return Outcome.sentForReview(sb.toString());
  }

  private static String names(CommandContext ctx) {
    List<String> out = new ArrayList<>();
    for (Field f : Field.values()) {
      out.add(ctx.m(f.labelKey()));
    }
    return String.join(ctx.m("list.separator"), out);
  }
}
