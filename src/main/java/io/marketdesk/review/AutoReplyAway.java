package io.marketdesk.review;

import io.marketdesk.identity.Away;
import io.marketdesk.identity.Directory;
import io.marketdesk.identity.Operator;
import io.marketdesk.feature.OutOfOfficeListener;
import io.marketdesk.token.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * An operator's out-of-office auto-reply to a review mail or digest (its thread carries a token we
 * mailed to that address) sets them away for {@link #DAYS} days, unless they are away longer
 * already (docs/reviews.md). Other auto-replies change nothing. Stateless and thread-safe.
 */
final class AutoReplyAway implements OutOfOfficeListener {
  static final int DAYS = 3;

  private final Directory directory;
  private final Away away;
  private final Tokens tokens;
  private final Clock clock;

  AutoReplyAway(Directory directory, Away away, Tokens tokens, Clock clock) {
    this.directory = directory;
    this.away = away;
    this.tokens = tokens;
    this.clock = clock;
  }

  @Override
  public void outOfOffice(Handle h, String from, List<String> presented) {
    Optional<Operator> op = directory.operatorByAddress(h, from);
    if (op.isEmpty() || !aboutReviews(h, from, presented)) {
      return;
    }
    long now = clock.millis();
    long until = now + Duration.ofDays(DAYS).toMillis();
    if (away.until(h, op.get().id(), now).map(u -> u >= until).orElse(false)) {
      return;
    }
    away.set(h, op.get().id(), until, Away.Source.AUTO_REPLY, now);
  }

  private boolean aboutReviews(Handle h, String from, List<String> presented) {
    for (String t : presented) {
      Optional<Tokens.Token> token = tokens.find(h, t);
      if (token.isPresent() && token.get().address().equalsIgnoreCase(from)
          && (token.get().purpose().equals(Reviews.TOKEN_PURPOSE) || token.get().purpose().equals(ReviewLists.TOKEN_PURPOSE))) {
        return true;
      }
    }
    return false;
  }
}
