package io.marketdesk.settlement;

import java.util.List;

/**
 * A settlement statement (结算单) with its lines. Immutable.
 *
 * @param id {@code S} + month + {@code -} + account ID: {@code S202611-100012345678}
 * @param month {@code 2026-11}
 * @param status {@code sent}, {@code confirmed}, {@code disputed} or {@code resolved}
 */
public record Statement(String id, long providerId, String accountId, String month, String status, int revision, long gross,
    long refunded, long commission, long net, long createdAt, List<StatementMath.StatementLine> lines) {
  public Statement {
    lines = List.copyOf(lines);
  }

  public static String idOf(String month, String accountId) {
    return "S" + month.replace("-", "") + "-" + accountId;
  }
}
