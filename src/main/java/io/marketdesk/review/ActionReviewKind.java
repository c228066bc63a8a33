package io.marketdesk.review;

import io.marketdesk.text.Message;

/**
 * A review kind made of its name and the methods that approve and reject it, for features that keep
 * the decision beside the rest of the feature (refunds, statement disputes), as
 * {@code command.ActionCommand} is for commands. Stateless and thread-safe when its methods are.
 *
 * @param mailsItsOwnResult true when the methods mail the outcome to the people concerned, so the
 *     asker gets no separate review-result mail
 */
public record ActionReviewKind(String kind, Approval approval, Rejection rejection, boolean mailsItsOwnResult)
    implements ReviewKind {
  /** What an approval does; returns a note for the asker and the operator, or null. */
  @FunctionalInterface
  public interface Approval {
    Message approve(Decision d, Review review);
  }

  /** What a rejection does besides leaving the live data as it is. */
  @FunctionalInterface
  public interface Rejection {
    void reject(Decision d, Review review);
  }

  @Override
  public Message approve(Decision d, Review review) {
    return approval.approve(d, review);
  }

  @Override
  public void reject(Decision d, Review review) {
    rejection.reject(d, review);
  }
}
