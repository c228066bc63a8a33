package io.marketdesk.command;

/** What a sender is to marketdesk, decided from the sender address (docs/accounts.md). */
public enum Role {
  PROVIDER,
  OPERATOR,
  BUYER,
  /** An address marketdesk does not know. */
  NONE
}
