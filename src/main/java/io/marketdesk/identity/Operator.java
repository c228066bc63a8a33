package io.marketdesk.identity;

import java.util.List;

/** A marketplace operator (云市场运营人员), who reviews changes. Immutable. */
public record Operator(long id, String name, List<String> addresses) {
  public Operator {
    addresses = List.copyOf(addresses);
  }
}
