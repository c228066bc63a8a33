package io.marketdesk.review;

import io.marketdesk.feature.Contribution;
import io.marketdesk.feature.Shared;
import io.marketdesk.identity.Away;
import io.marketdesk.feature.OutOfOfficeListener;
import io.marketdesk.feature.PageWords;

/**
 * The review workflow: the {@link Reviews} service other features submit to, the operators'
 * commands (同意/拒绝 in a reply, by number from a list, 审核 ID, 待审核, 休假), the daily digest,
 * escalation, time away (also from out-of-office replies), the status section and {@code
 * GET /api/reviews}. Built before every feature that submits reviews, which registers its review
 * kinds on {@link #reviews}.
 */
public record ReviewFeature(Reviews reviews, Away away, OutOfOfficeListener outOfOffice, Contribution contribution) {
  public static ReviewFeature build(Shared s) {
    Away away = new Away(s.directory());
    Reviews reviews = new Reviews(s.clock(), s.calendar(), s.config().zone, s.tokens(), s.mailer(), s.directory(),
        s.config().tokenTtl, new Reviewers(s.directory(), away, s.config().reviewsLead), s.audit());
    ReviewAnswers answers = new ReviewAnswers(reviews, s.tokens(), s.config().zone);
    ReviewLists lists = new ReviewLists(s.tokens(), s.config().tokenTtl);
    BatchDecisions batch = new BatchDecisions(reviews, lists, s.tokens(), s.config().zone);
    Contribution adds = Contribution.builder()
        .command(new ApproveHandler(answers, batch))
        .command(new RejectHandler(answers, batch))
        .command(new ReviewDecideHandler(reviews))
        .command(new PendingHandler(reviews, lists))
        .command(new AwayHandler(away, s.directory(), s.config().zone))
        .job(new ReviewDigest(s.jdbi(), reviews, s.directory(), s.mailer(), s.calendar(), s.config().zone, s.config().digestHour))
        .job(new ReviewEscalation(s.jdbi(), reviews, s.mailer(), s.calendar(), s.config().zone, s.config().digestHour))
        .status(new ReviewStatusSection(s.jdbi(), reviews, s.clock()))
        .personal(new ReviewSection(reviews, s.directory(), s.clock(), new PageWords(s.templates().catalog(), s.config().mailAddress, s.config().zone)))
        .web(new ReviewApi(s.jdbi(), reviews, s.directory(), s.clock()))
        .build();
    return new ReviewFeature(reviews, away, new AutoReplyAway(s.directory(), away, s.tokens(), s.clock()), adds);
  }
}
