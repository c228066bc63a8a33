package io.marketdesk.confirm;

import io.marketdesk.command.CommandContext;
import io.marketdesk.command.Outcome;

/**
 * An action that needs the person's confirmation first (the console guide's 【确定】 dialogs): 下架商品,
 * 开始实施, 已完成. The feature registers it with {@link Confirmations}; the action runs when the
 * person answers the confirmation mail with {@code 确定}/{@code confirm}, or at once when the
 * command line itself says {@code 确定}. Implementations must check again that the action is still
 * allowed: time passes between the question and the answer.
 */
public interface Confirmable {
  /** The token purpose, such as {@code product.delist}. */
  String purpose();

  /**
   * Does the action.
   *
   * @param subjectId what the action is about (a product ID, an order number)
   * @param payload what the feature stored with the question, or null
   */
  Outcome perform(CommandContext ctx, String subjectId, String payload);
}
