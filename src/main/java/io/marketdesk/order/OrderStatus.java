package io.marketdesk.order;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The states of an order (SPEC §4) with the provider-side names and the buyer-side labels of the
 * seed's 用户-服务商状态对应: 待支付, then 处理中 for paid, implementing and awaiting confirmation, then
 * 分配完成 for completed.
 */
public enum OrderStatus {
  UNPAID("unpaid", "待支付", "待支付", "awaiting payment"),
  PAID("paid", "已支付", "处理中", "in progress"),
  IMPLEMENTING("implementing", "实施中", "处理中", "in progress"),
  AWAITING_CONFIRMATION("awaiting_confirmation", "待确认完成", "处理中", "in progress"),
  COMPLETED("completed", "已完成", "分配完成", "completed"),
  CANCELLED("cancelled", "已取消", "已取消", "cancelled"),
  DISPUTED("disputed", "申诉中", "申诉中", "under appeal"),
  // refunds (docs/after-the-sale.md): labels only in the message catalog (state.order.refunding...)
  REFUNDING("refunding", null, null, "refund requested"),
  REFUNDED("refunded", null, null, "refunded");

  private final String code;
  private final String zh;
  private final String buyerZh;
  private final String buyerEn;

  OrderStatus(String code, String zh, String buyerZh, String buyerEn) {
    this.code = code;
    this.zh = zh;
    this.buyerZh = buyerZh;
    this.buyerEn = buyerEn;
  }

  /** The English state name stored and shown by the API ({@code awaiting_confirmation}). */
  public String code() {
    return code;
  }

  /** The provider-side Chinese name (已支付, 实施中...). */
  public String zh() {
    return zh == null ? en() : zh;
  }

  /** The English name as people read it ("awaiting confirmation"). */
  public String en() {
    return code.replace('_', ' ');
  }

  /** The buyer-side label in Chinese (待支付 / 处理中 / 分配完成 / 已取消 / 申诉中). */
  public String buyerZh() {
    return buyerZh == null ? buyerEn : buyerZh;
  }

  public String buyerEn() {
    return buyerEn;
  }

  /** The message-catalog key of the provider-side (and operator-side) label of this state. */
  public String labelKey() {
    return "state.order." + code;
  }

  /** The message-catalog key of the buyer-side label of this state (待支付 / 处理中 / 分配完成 …). */
  public String buyerLabelKey() {
    return "state.order-buyer." + code;
  }

  public String label(boolean zhLang) {
    return zhLang ? zh : en();
  }

  public String buyerLabel(boolean zhLang) {
    return zhLang ? buyerZh : buyerEn;
  }

  public static OrderStatus of(String code) {
    for (OrderStatus s : values()) {
      if (s.code.equals(code)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown order status " + code);
  }

  /** Reads a status a person wrote: the English name (with space or underscore) or the Chinese one. */
  public static Optional<OrderStatus> parse(String text) {
    String t = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT)
        .replace(' ', '_');
    for (OrderStatus s : values()) {
      if (s.code.equals(t) || t.equals(s.zh)) {
        return Optional.of(s);
      }
    }
    if (t.equals("awaiting") || t.equals("待确认")) {
      return Optional.of(AWAITING_CONFIRMATION);
    }
    return Optional.empty();
  }
}
