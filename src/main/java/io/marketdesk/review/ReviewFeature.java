package io.marketdesk.review;

import io.marketdesk.app.Feature;
import io.marketdesk.app.Wiring;

/** The review workflow: the {@link Reviews} service other features submit to. */
public final class ReviewFeature implements Feature {
  @Override
  public void wire(Wiring w) {
    Reviews reviews = new Reviews(w.clock, w.calendar, w.config.zone, w.tokens, w.mailer, w.directory, w.config.tokenTtl);
    w.provide(Reviews.class, reviews);
  }
}
