package io.marketdesk.history;

import io.marketdesk.text.Dates;
import io.marketdesk.audit.ActedBy;
import io.marketdesk.command.CommandContext;
import io.marketdesk.command.DeclaredCommand;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.command.Role;
import io.marketdesk.order.Order;
import io.marketdesk.order.OrderResult;
import io.marketdesk.order.OrderWorkflow;
import io.marketdesk.product.ProductWorkflow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;

/**
 * {@code 撤销} / {@code undo}: within {@code undo.window} (default 10 minutes) of the sender's last
 * confirmed 下架商品, 开始实施 or 已完成, puts it back as it was and tells whoever was mailed about it
 * (the buyer for 开始实施 and 已完成); after the window, refused with the time it closed
 * (docs/undo.md). The last of these actions is read from the audit log: an undo is itself the last
 * action then, so a second undo finds nothing to undo. Stateless and thread-safe.
 */
final class UndoHandler extends DeclaredCommand {
  static final CommandSpec SPEC = new CommandSpec("undo", Set.of(Role.PROVIDER), CommandSpec.Body.NONE);
  private static final DateTimeFormatter WHEN = Dates.SECOND;

  private record Last(long at, String entity, String entityId, String action) {}

  private final OrderWorkflow orders;
  private final ProductWorkflow products;
  private final Duration window;
  private final ZoneId zone;

  UndoHandler(OrderWorkflow orders, ProductWorkflow products, Duration window, ZoneId zone) {
    super(SPEC, true);
    this.orders = orders;
    this.products = products;
    this.window = window;
    this.zone = zone;
  }

  @Override
  public Outcome handle(CommandContext ctx, ParsedCommand cmd) {
    Optional<Last> found = ctx.handle().createQuery("SELECT at, entity, entity_id, action FROM audit_log WHERE actor = :me"
            + " AND ((entity = 'product' AND action IN ('delisted', 'undo delist'))"
            + " OR (entity = 'order' AND action IN ('started', 'done', 'undo start', 'undo done'))) ORDER BY id DESC")
        .bind("me", ctx.actor().address())
        .setMaxRows(1)
        .map((rs, c) -> new Last(rs.getLong("at"), rs.getString("entity"), rs.getString("entity_id"), rs.getString("action")))
        .findFirst();
    long minutes = window.toMinutes();
    if (found.isEmpty() || found.get().action().startsWith("undo")) {
      return Outcome.refused(ctx.m("undo.nothing", "minutes", minutes), "");
    }
    Last last = found.get();
    String what = ctx.m("undo.what." + last.action(), "id", last.entityId());
    Instant closes = Instant.ofEpochMilli(last.at()).plus(window);
    if (ctx.now().isAfter(closes)) {
      return Outcome.refused(ctx.m("undo.window-closed", "what", what, "closed", WHEN.format(closes.atZone(zone)),
          "minutes", minutes), "");
    }
    if (last.entity().equals("product")) {
      if (!products.undoDelist(ctx.handle(), ctx.actedBy(), last.entityId())) {
        return Outcome.refused(ctx.m("undo.changed", "what", what), "");
      }
      return Outcome.done(ctx.m("undo.done.delisted", "id", last.entityId()));
    }
    Optional<Order> order = orders.find(ctx.handle(), last.entityId());
    if (order.isEmpty()) {
      return Outcome.refused(ctx.m("undo.changed", "what", what), "");
    }
    ActedBy by = ctx.actedBy();
    OrderResult r = last.action().equals("started") ? orders.undoStart(ctx.handle(), by, order.get())
        : orders.undoDone(ctx.handle(), by, order.get());
    if (!r.ok()) {
      return Outcome.refused(ctx.m("undo.changed", "what", what), "");
    }
    return Outcome.done(ctx.m("undo.done." + last.action(), "id", last.entityId()));
  }
}
