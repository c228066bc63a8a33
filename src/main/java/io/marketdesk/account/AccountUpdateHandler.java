package io.marketdesk.account;

import io.marketdesk.account.AccountFields.Field;
import io.marketdesk.account.AccountFields.Problem;
import io.marketdesk.command.CommandContext;
import io.marketdesk.command.CommandHandler;
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
public final class AccountUpdateHandler implements CommandHandler {
  static final CommandSpec SPEC = new CommandSpec("account.update", List.of("修改账户信息", "修改账号信息", "修改帐户信息"),
      List.of("account update", "update account"), Set.of(Role.PROVIDER), CommandSpec.Body.FIELDS);
  /** SPEC §5: account changes are reviewed within 3 working days. */
  public static final int WORKING_DAYS = 3;

  private final Directory directory;
  private final Reviews reviews;

  public AccountUpdateHandler(Directory directory, Reviews reviews) {
    this.directory = directory;
    this.reviews = reviews;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  private static String example(CommandContext ctx) {
    return ctx.t("修改账户信息\n客服电话: 400-800-1234\n联系邮箱: contact@example.com",
        "account update\nservice phone: 400-800-1234\ncontact email: contact@example.com");
  }

  @Override
  public Outcome handle(CommandContext ctx, ParsedCommand cmd) {
    Optional<Provider> found = directory.provider(ctx.handle(), ctx.actor().providerId());
    if (found.isEmpty()) {
      return Outcome.refused(ctx.t("没有找到您的服务商账户。", "Your provider account was not found."), "");
    }
    Provider p = found.get();
    if (cmd.fields().isEmpty()) {
      return Outcome.refused(ctx.t("没有要修改的字段：请在命令下面每行写一个“字段: 新值”。可改字段：" + names(true) + "。",
          "No field to change: write one \"field: new value\" line per field under the command. Fields: " + names(false) + "."),
          example(ctx));
    }
    Map<Field, String> current = AccountFields.values(p);
    Map<Field, String> proposed = new EnumMap<>(Field.class);
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> e : cmd.fields().entrySet()) {
      Optional<Field> f = AccountFields.byName(e.getKey());
      if (f.isEmpty()) {
        problems.add(ctx.t("“" + e.getKey() + "”不是账户字段。可改字段：" + names(true) + "。",
            "\"" + e.getKey() + "\" is not an account field. Fields: " + names(false) + "."));
        continue;
      }
      String v = AccountFields.clean(f.get(), e.getValue());
      Problem pr = AccountFields.check(f.get(), v);
      if (pr != null) {
        problems.add(ctx.t(pr.zh(), pr.en()));
        continue;
      }
      proposed.put(f.get(), v);
    }
    for (Field f : Field.values()) {
      if (f.required && !proposed.containsKey(f) && current.get(f).isEmpty()) {
        boolean mentioned = cmd.fields().keySet().stream().anyMatch(k -> AccountFields.byName(k).orElse(null) == f);
        if (!mentioned) {
          problems.add(ctx.t(f.labelZh + "是必填项，目前为空：请加一行“" + f.labelZh + ": …”。",
              f.labelEn + " is required and is empty now: add a line \"" + f.labelEn + ": ...\"."));
        }
      }
    }
    if (!problems.isEmpty()) {
      return Outcome.refused(ctx.t("账户信息没有提交审核，请改正以下问题后重发：", "The account change was not submitted; please fix:")
          + "\n" + String.join("\n", problems.stream().map(x -> ctx.t("· ", "- ") + x).toList()), example(ctx));
    }
    List<Change> changes = new ArrayList<>();
    Map<String, String> payload = new LinkedHashMap<>();
    for (Map.Entry<Field, String> e : proposed.entrySet()) {
      Field f = e.getKey();
      if (!current.get(f).equals(e.getValue())) {
        changes.add(new Change(f.key, f.labelZh, f.labelEn, current.get(f), e.getValue()));
        payload.put(f.key, e.getValue());
      }
    }
    if (changes.isEmpty()) {
      return Outcome.refused(ctx.t("这些字段与现在的账户信息相同，没有需要审核的修改。",
          "These values are the same as the account has now; there is nothing to review."), example(ctx));
    }
    Optional<Review> previous = reviews.openFor(ctx.handle(), AccountReviewKind.KIND, p.accountId());
    Review r = reviews.submit(ctx, new Reviews.Submission(AccountReviewKind.KIND, p.accountId(), p.id(),
        "服务商 " + p.companyName() + "（账号 ID " + p.accountId() + "）修改账户信息",
        "Account change of " + p.companyName() + " (account ID " + p.accountId() + ")",
        AccountReviewKind.payloadJson(payload), changes, WORKING_DAYS));
    StringBuilder sb = new StringBuilder(ctx.t(
        "账户信息修改已提交审核（审核 #" + r.id() + "），审核期限 " + reviews.dueText(r.dueAt()) + "（" + WORKING_DAYS
            + " 个工作日）。审核通过后才会生效，结果会邮件通知您。",
        "The account change is in review (review #" + r.id() + "), due " + reviews.dueText(r.dueAt()) + " (" + WORKING_DAYS
            + " working days). It takes effect only when approved; you will be told the result by mail."));
    previous.ifPresent(old -> sb.append('\n').append(ctx.t("它取代了之前未审核的修改（审核 #" + old.id() + "）。",
        "It replaces your earlier pending change (review #" + old.id() + ").")));
    for (Change c : changes) {
      sb.append('\n').append(ctx.t("· " + c.labelZh() + "：" + show(c.before(), true) + " → " + c.after(),
          "- " + c.labelEn() + ": " + show(c.before(), false) + " -> " + c.after()));
    }
    return Outcome.done(sb.toString());
  }

  private static String show(String v, boolean zh) {
    return v.isEmpty() ? (zh ? "（空）" : "(empty)") : v;
  }

  private static String names(boolean zh) {
    List<String> out = new ArrayList<>();
    for (Field f : Field.values()) {
      out.add(zh ? f.labelZh : f.labelEn);
    }
    return String.join(zh ? "、" : ", ", out);
  }
}
