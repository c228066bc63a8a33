package io.marketdesk.review;

import io.marketdesk.app.Feature;
import io.marketdesk.app.Wiring;

/**
 * The review workflow: the {@link Reviews} service other features submit to, the operators'
 * commands (同意/拒绝 in a reply, 审核 ID, 待审核), the daily digest, the status section and {@code
 * GET /api/reviews}. Listed before every feature that submits reviews.
 */
public final class ReviewFeature implements Feature {
  @Override
  public void wire(Wiring w) {
    Reviews reviews = new Reviews(w.clock, w.calendar, w.config.zone, w.tokens, w.mailer, w.directory, w.config.tokenTtl);
    w.provide(Reviews.class, reviews);
    ReviewAnswers answers = new ReviewAnswers(reviews, w.tokens, w.config.zone);
    w.commands.register(new ApproveHandler(answers));
    w.commands.register(new RejectHandler(answers, w.commands));
    w.commands.register(new ReviewDecideHandler(reviews));
    w.commands.register(new PendingHandler(reviews));
    w.scheduler.add(new ReviewDigest(w.db.jdbi(), reviews, w.directory, w.mailer, w.calendar, w.config.zone,
        w.config.digestHour));
    w.status.add(new ReviewStatus(w.db.jdbi(), reviews, w.clock));
    w.web.add(new ReviewApi(w.db.jdbi(), reviews, w.directory, w.clock));
  }
}
