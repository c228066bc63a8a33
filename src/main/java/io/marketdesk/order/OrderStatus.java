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
  UNPAID,
  PAID,
  IMPLEMENTING,
  AWAITING_CONFIRMATION,
  COMPLETED,
  CANCELLED,
  DISPUTED,
  // refunds (docs/after-the-sale.md)
  REFUNDING,
  REFUNDED;

  /** The provider-side (and operator-side) labels are {@code state.order.CODE}. */
  @Override
  public String labelPrefix() {
    return "state.order.";
  }

  /** The message-catalog key of the buyer-side label of this state (待支付 / 处理中 / 分配完成 …). */
  public String buyerLabelKey() {
    return "state.order-buyer." + code();
  }

  /** The state stored as {@code code}. */
  public static OrderStatus of(String code) {
    return Coded.ofCode(OrderStatus.class, code);
  }

  /**
   * Reads a status a person wrote: its code (with a space or an underscore), or any of the words of
   * {@code words.state.order.CODE} in any language's message file.
   *
   * @param words the words of a catalog key in every language, NFKC and lower-case
   */
  public static Optional<OrderStatus> parse(String text, Function<String, List<String>> words) {
    return Coded.parse(OrderStatus.class, text, words);
  }
}
