package io.marketdesk.order;

import io.marketdesk.text.Coded;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The states of an order (docs/orders.md) with the provider-side names and the buyer-side labels of the
 * console guide's 用户-服务商状态对应: 待支付, then 处理中 for paid, implementing and awaiting confirmation, then
 * 分配完成 for completed.
 */
public enum OrderStatus implements Coded {
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
  @Override
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

  /** The state stored as {@code code}. */
  public static OrderStatus of(String code) {
    return Coded.of(OrderStatus.class, code);
  }

  /**
   * Reads a status a person wrote: its code (with a space or an underscore), or any of the words of
   * {@code words.state.order.CODE} in any language's message file.
   *
   * @param words the words of a catalog key in every language, NFKC and lower-case
   */
  public static Optional<OrderStatus> parse(String text, Function<String, List<String>> words) {
    return Coded.parse(OrderStatus.class, text, "words.state.order.", words);
  }
}
