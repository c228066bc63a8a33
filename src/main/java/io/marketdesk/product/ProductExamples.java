package io.marketdesk.product;

import io.marketdesk.command.CommandContext;

/** Correct examples of the product commands, for refusals (every refusal shows one). */
final class ProductExamples {
  private ProductExamples() {}

  static String create(CommandContext ctx) {
    return ctx.m("product-examples.create.1");
  }

  static String update(CommandContext ctx, String id) {
    String p = id(id);
    return ctx.m("product-examples.update.1", "p", p);
  }

  static String relist(CommandContext ctx, String id) {
    String p = id(id);
    return ctx.m("product-examples.relist.1", "p", p);
  }

  static String delist(CommandContext ctx, String id) {
    return ctx.m("product-examples.delist.1", "id", id(id));
  }

  static String view(CommandContext ctx, String id) {
    return ctx.m("product-examples.view.1", "id", id(id));
  }

  private static String id(String id) {
    String n = ProductDao.normalizeId(id);
    return n.matches("P\\d{1,9}") ? n : "P1001";
  }
}
