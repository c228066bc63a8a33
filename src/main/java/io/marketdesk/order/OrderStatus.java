package io.marketdesk.order;

import java.text.Normalizer;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The states of an order (docs/orders.md) with the provider-side names and the buyer-side labels of the
 * console guide's 用户-服务商状态对应: 待支付, then 处理中 for paid, implementing and awaiting confirmation, then
 * 分配完成 for completed.
 */
public enum OrderStatus {
  UNPAID("unpaid"),
  PAID("paid"),
  IMPLEMENTING("implementing"),
  AWAITING_CONFIRMATION("awaiting_confirmation"),
  COMPLETED("completed"),
  CANCELLED("cancelled"),
  DISPUTED("disputed"),
  // refunds (docs/after-the-sale.md)
  REFUNDING("refunding"),
  REFUNDED("refunded");

  private final String code;

  OrderStatus(String code) {
    this.code = code;
  }

  /** The English state name stored and shown by the API ({@code awaiting_confirmation}). */
  public String code() {
    return code;
  }

  /** The message-catalog key of the provider-side (and operator-side) label of this state. */
  public String labelKey() {
    return "state.order." + code;
  }

  /** The message-catalog key of the buyer-side label of this state (待支付 / 处理中 / 分配完成 …). */
  public String buyerLabelKey() {
    return "state.order-buyer." + code;
  }


  public static OrderStatus of(String code) {
    for (OrderStatus s : values()) {
      if (s.code.equals(code)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown order status " + code);
  }

  /**
   * Reads a status a person wrote: its code (with a space or an underscore), or any of the words of
   * {@code words.state.order.CODE} in any language's message file.
   *
   * @param words the words of a catalog key in every language, NFKC and lower-case
   */
  public static Optional<OrderStatus> parse(String text, Function<String, List<String>> words) {
    String t = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT);
    for (OrderStatus s : values()) {
      if (s.code.equals(t.replace(' ', '_')) || words.apply("words.state.order." + s.code).contains(t)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
