package io.marketdesk.review;

import io.marketdesk.command.CommandContext;
import io.marketdesk.command.CommandHandler;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.command.Role;
import java.util.List;
import java.util.Set;

/** {@code 待审核 / pending}: the open reviews, overdue first, with due dates. Read-only; stateless. */
final class PendingHandler implements CommandHandler {
  static final CommandSpec SPEC = new CommandSpec("review.pending", List.of("待审核"), List.of("pending"),
      Set.of(Role.OPERATOR), CommandSpec.Body.NONE);

  private final Reviews reviews;

  PendingHandler(Reviews reviews) {
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
    List<Review> open = reviews.openReviews(ctx.handle());
    if (open.isEmpty()) {
      return Outcome.done(ctx.t("没有待审核的申请。", "No review is open."));
    }
    long now = ctx.now().toEpochMilli();
    long overdue = open.stream().filter(r -> r.overdue(now)).count();
    StringBuilder sb = new StringBuilder(ctx.t("待审核 " + open.size() + " 项，其中逾期 " + overdue + " 项（逾期的排在前面）：",
        open.size() + " open review" + (open.size() == 1 ? "" : "s") + ", " + overdue + " overdue (overdue first):"));
    for (Review r : open) {
      sb.append("\n\n").append(describe(ctx, reviews, r, false));
    }
    sb.append("\n\n").append(ctx.t("答复：回复该审核邮件写“同意”或“拒绝 理由”，或写“审核 编号 同意”。",
        "To answer: reply to its review mail with approve or reject REASON, or send review ID approve."));
    return Outcome.done(sb.toString());
  }

  /** One review as a few lines of text (with its changes when {@code full}). */
  static String describe(CommandContext ctx, Reviews reviews, Review r, boolean full) {
    long now = ctx.now().toEpochMilli();
    StringBuilder sb = new StringBuilder();
    sb.append(ctx.t("#" + r.id() + (r.overdue(now) ? " 【逾期】" : " ") + r.titleZh(),
        "#" + r.id() + (r.overdue(now) ? " [OVERDUE] " : " ") + r.titleEn()));
    sb.append('\n').append(ctx.t("  类型 " + kindZh(r.kind()) + "，对象 " + r.subject() + "，申请人 " + r.requestedBy()
            + "，期限 " + reviews.dueText(r.dueAt()),
        "  kind " + r.kind() + ", subject " + r.subject() + ", asked by " + r.requestedBy() + ", due " + reviews.dueText(r.dueAt())));
    if (!r.open()) {
      sb.append('\n').append(ctx.t("  状态 " + r.status() + "，处理人 " + r.decidedBy(), "  status " + r.status() + ", decided by "
          + r.decidedBy()));
    }
    if (full) {
      for (Change c : r.changes()) {
        sb.append('\n').append(ctx.t("  · " + c.labelZh() + "：" + c.before() + " → " + c.after(),
            "  - " + c.labelEn() + ": " + c.before() + " -> " + c.after()));
      }
    }
    return sb.toString();
  }

  static String kindZh(String kind) {
    switch (kind) {
      case "account":
        return "账户信息";
      case "product":
        return "商品";
      case "price":
        return "订单改价";
      case "appeal":
        return "申诉";
      default:
        return kind;
    }
  }
}
