package io.marketdesk.product;

import io.marketdesk.command.CommandContext;

/** Correct examples of the product commands, for refusals (every refusal shows one). */
final class ProductExamples {
  private ProductExamples() {}

  static String create(CommandContext ctx) {
    return ctx.t("新建商品\n名称: 服务器运维托管\n服务类型: 运维服务\n价格: 880\n计费单位: 次\n简介: 7x24 小时服务器运维\n详情: 包括系统巡检、故障处理和安全加固。",
        "product new\nname: Server operations\ntype: ops\nprice: 880\nunit: time\nsummary: 24/7 server operations\n"
            + "description: Checks, incident handling and hardening.");
  }

  static String update(CommandContext ctx, String id) {
    String p = id(id);
    return ctx.t("修改商品 " + p + "\n价格: 800\n简介: 新的简介", "product update " + p + "\nprice: 800\nsummary: the new summary");
  }

  static String relist(CommandContext ctx, String id) {
    String p = id(id);
    return ctx.t("上架商品 " + p, "product relist " + p);
  }

  static String delist(CommandContext ctx, String id) {
    return ctx.t("下架商品 " + id(id), "product delist " + id(id));
  }

  static String view(CommandContext ctx, String id) {
    return ctx.t("查看商品 " + id(id), "product view " + id(id));
  }

  private static String id(String id) {
    String n = ProductDao.normalizeId(id);
    return n.matches("P\\d{1,9}") ? n : "P1001";
  }
}
