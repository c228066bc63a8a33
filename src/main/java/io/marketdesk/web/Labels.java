package io.marketdesk.web;

import java.util.List;
import java.util.Map;

/**
 * The words pages show for stored states (SPEC §3, §4, §5): the provider-side and the buyer-side order
 * labels (the seed's 用户-服务商状态对应), product states, service types and review kinds. An unknown
 * value is shown as stored.
 */
public final class Labels {
  /** Order states in the order of their life. */
  public static final List<String> ORDER_STATES =
      List.of("unpaid", "paid", "implementing", "awaiting_confirmation", "disputed", "completed", "cancelled");
  /** Product states. */
  public static final List<String> PRODUCT_STATES = List.of("in_review", "listed", "rejected", "delisted");

  private static final Map<String, String[]> ORDER = Map.of(
      "unpaid", new String[] {"待支付", "Unpaid"},
      "paid", new String[] {"已支付", "Paid"},
      "implementing", new String[] {"实施中", "Implementing"},
      "awaiting_confirmation", new String[] {"待确认完成", "Awaiting confirmation"},
      "completed", new String[] {"已完成", "Completed"},
      "cancelled", new String[] {"已取消", "Cancelled"},
      "disputed", new String[] {"申诉中", "Disputed"});
  private static final Map<String, String[]> BUYER = Map.of(
      "unpaid", new String[] {"待支付", "Awaiting payment"},
      "paid", new String[] {"处理中", "In progress"},
      "implementing", new String[] {"处理中", "In progress"},
      "awaiting_confirmation", new String[] {"处理中", "In progress"},
      "completed", new String[] {"分配完成", "Delivered"},
      "cancelled", new String[] {"已取消", "Cancelled"},
      "disputed", new String[] {"申诉中", "Under appeal"});
  private static final Map<String, String[]> PRODUCT = Map.of(
      "in_review", new String[] {"审核中", "In review"},
      "listed", new String[] {"已上架", "Listed"},
      "rejected", new String[] {"已驳回", "Rejected"},
      "delisted", new String[] {"已下架", "Delisted"});
  private static final Map<String, String[]> TYPE = Map.of(
      "ops", new String[] {"运维服务", "Ops service"},
      "software", new String[] {"软件服务", "Software"},
      "image", new String[] {"镜像服务", "Image"},
      "saas", new String[] {"SaaS", "SaaS"});
  private static final Map<String, String[]> REVIEW = Map.of(
      "account", new String[] {"账户信息变更", "Account change"},
      "product", new String[] {"商品审核", "Product"},
      "price", new String[] {"订单改价", "Order price change"},
      "appeal", new String[] {"订单申诉", "Order appeal"});

  private Labels() {}

  public static String orderStatus(String s, String lang) {
    return pick(ORDER, s, lang);
  }

  public static String buyerStatus(String s, String lang) {
    return pick(BUYER, s, lang);
  }

  public static String productStatus(String s, String lang) {
    return pick(PRODUCT, s, lang);
  }

  public static String type(String s, String lang) {
    return pick(TYPE, s, lang);
  }

  public static String reviewKind(String s, String lang) {
    return pick(REVIEW, s, lang);
  }

  private static String pick(Map<String, String[]> m, String s, String lang) {
    String[] v = s == null ? null : m.get(s);
    return v == null ? String.valueOf(s) : v["zh".equals(lang) ? 0 : 1];
  }
}
