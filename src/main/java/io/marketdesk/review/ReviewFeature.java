package io.marketdesk.review;

import io.marketdesk.app.Feature;
import io.marketdesk.app.Wiring;
import io.marketdesk.identity.Away;
import io.marketdesk.intake.OutOfOfficeListener;

/**
 * The review workflow: the {@link Reviews} service other features submit to, the operators'
 * commands (同意/拒绝 in a reply, by number from a list, 审核 ID, 待审核, 休假), the daily digest,
 * escalation, time away (also from out-of-office replies), the status section and {@code
 * GET /api/reviews}. Listed before every feature that submits reviews.
 */
public final class ReviewFeature implements Feature {
  @Override
  public void wire(Wiring w) {
    Away away = new Away(w.directory);
    Reviews reviews = new Reviews(w.clock, w.calendar, w.config.zone, w.tokens, w.mailer, w.directory, w.config.tokenTtl,
        new Reviewers(w.directory, away, w.config.reviewsLead), w.audit);
    w.provide(Reviews.class, reviews);
    w.provide(Away.class, away);
    ReviewAnswers answers = new ReviewAnswers(reviews, w.tokens, w.config.zone);
    ReviewLists lists = new ReviewLists(w.tokens, w.config.tokenTtl);
    BatchDecisions batch = new BatchDecisions(reviews, lists, w.tokens, w.config.zone);
    w.commands.register(new ApproveHandler(answers, batch));
    w.commands.register(new RejectHandler(answers, batch));
    w.commands.register(new ReviewDecideHandler(reviews));
    w.commands.register(new PendingHandler(reviews, lists));
    w.commands.register(new AwayHandler(away, w.directory, w.config.zone));
    w.provide(OutOfOfficeListener.class, new AutoReplyAway(w.directory, away, w.tokens, w.clock));
    w.scheduler.add(new ReviewDigest(w.db.jdbi(), reviews, w.directory, w.mailer, w.calendar, w.config.zone,
        w.config.digestHour));
    w.scheduler.add(new ReviewEscalation(w.db.jdbi(), reviews, w.mailer, w.calendar, w.config.zone, w.config.digestHour));
    w.status.add(new ReviewStatus(w.db.jdbi(), reviews, w.clock));
    w.web.add(new ReviewApi(w.db.jdbi(), reviews, w.directory, w.clock));
  }
}
