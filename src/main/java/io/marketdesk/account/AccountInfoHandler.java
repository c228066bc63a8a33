package io.marketdesk.account;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code 账户信息 / account}: the provider's account ID (SPEC §1, Q&A 1), every account field, the
 * sender addresses, and the pending account change if there is one. Read-only; stateless.
 */
public final class AccountInfoHandler implements CommandHandler {
  static final CommandSpec SPEC = new CommandSpec("account", List.of("账户信息", "账号信息", "帐户信息"),
      List.of("account", "account info"), Set.of(Role.PROVIDER), CommandSpec.Body.NONE);

  private final Directory directory;
  private final Reviews reviews;

  public AccountInfoHandler(Directory directory, Reviews reviews) {
    this.directory = directory;
    this.reviews = reviews;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public boolean changesState() {
    return false;
  }

  @Override
  public Outcome handle(CommandContext ctx, ParsedCommand cmd) {
    Optional<Provider> found = directory.provider(ctx.handle(), ctx.actor().providerId());
    if (found.isEmpty()) {
      return Outcome.refused(ctx.t("没有找到您的服务商账户。", "Your provider account was not found."), "");
    }
    Provider p = found.get();
    StringBuilder sb = new StringBuilder();
    sb.append(ctx.t("账号 ID：", "Account ID: ")).append(p.accountId()).append('\n');
    for (Map.Entry<AccountFields.Field, String> e : AccountFields.values(p).entrySet()) {
      sb.append(ctx.t(e.getKey().labelZh + "：", e.getKey().labelEn + ": "))
          .append(e.getValue().isEmpty() ? ctx.t("（未填写）", "(not set)") : e.getValue()).append('\n');
    }
    sb.append(ctx.t("登记的发件邮箱：", "Registered sender addresses: ")).append(String.join(ctx.t("、", ", "), p.addresses()))
        .append('\n');
    Optional<Review> pending = reviews.openFor(ctx.handle(), AccountReviewKind.KIND, p.accountId());
    if (pending.isPresent()) {
      Review r = pending.get();
      sb.append('\n').append(ctx.t(
          "待审核的修改（审核 #" + r.id() + "，期限 " + reviews.dueText(r.dueAt()) + "）：",
          "Pending change (review #" + r.id() + ", due " + reviews.dueText(r.dueAt()) + "):")).append('\n');
      for (Change c : r.changes()) {
        sb.append(ctx.t("· " + c.labelZh() + "：" + c.before() + " → " + c.after(),
            "- " + c.labelEn() + ": " + c.before() + " -> " + c.after())).append('\n');
      }
      sb.append(ctx.t("审核通过前，上面显示的仍是现在生效的信息。", "Until it is approved, the values above stay in force."));
    } else {
      sb.append(ctx.t("没有待审核的修改。修改请发送“修改账户信息”，每行一个字段。",
          "No change is pending. To change a field, send \"account update\" with one field per line."));
    }
    return Outcome.done(sb.toString().stripTrailing());
  }
}
