package io.marketdesk.order;

import io.marketdesk.text.Message;
import io.marketdesk.review.Decision;
import io.marketdesk.review.Review;
import io.marketdesk.review.ReviewKind;

/**
 * The buyer's appeal (申诉) decided by operators like a review: approve upholds it (the order is
 * cancelled with a refund flag in the buyer's favour); reject dismisses it (the order resumes in the
 * state it was frozen in). The provider is mailed either way; the buyer gets the review result.
 */
final class AppealReviewKind implements ReviewKind {
  static final String KIND = "appeal";
  private final OrderWorkflow workflow;

  AppealReviewKind(OrderWorkflow workflow) {
    this.workflow = workflow;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Message approve(Decision d, Review review) {
    return workflow.decideAppeal(d.handle(), d.by(), review.subject(), true, review.decisionNote());
  }

  @Override
  public void reject(Decision d, Review review) {
    workflow.decideAppeal(d.handle(), d.by(), review.subject(), false, review.decisionNote());
  }
}
