package io.marketdesk.intake;

import io.marketdesk.config.Config;
import io.marketdesk.outbox.Bounces;
import io.marketdesk.outbox.Mailer;
import io.marketdesk.outbox.ReplyCap;
import java.time.Clock;

/**
 * The guards a mail meets before and after its commands (docs/security.md): bounces are settled and
 * not answered, automatic mail is not answered ({@link LoopGuard}), the sender's proof is read from
 * the receiving server's Authentication-Results ({@link SenderAuthentication}), and replies to one
 * address are capped per hour ({@link ReplyCap}). Immutable; each guard is thread-safe.
 */
public record MailGuards(LoopGuard loops, SenderAuthentication senders, Bounces bounces, ReplyCap replies) {
  /** The guards {@code config} asks for. */
  public static MailGuards of(Config config, Mailer mailer, Clock clock) {
    return new MailGuards(new LoopGuard(config.mailAddress), new SenderAuthentication(config.authservId),
        new Bounces(mailer.outbox(), config.mailAddress), new ReplyCap(mailer, config.repliesPerHour, clock, config.zone));
  }
}
