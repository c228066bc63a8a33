package io.marketdesk.outbox;

import io.marketdesk.text.Dates;
import io.marketdesk.text.Language;
import io.marketdesk.template.Templates.RenderedMail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * {@code security.replies-per-hour}: at most that many replies go to one address in any hour. A reply
 * over the cap is never dropped: it is queued to go when the hour allows ({@link Outbox#nextRelease}),
 * after the replies queued before it, and the first reply held in an hour brings the address one
 * notice that says so and when replies resume (template {@code reply-held}). The notice is not a
 * reply and does not count against the cap. Thread-safe.
 */
public final class ReplyCap {
  /** The kinds the cap counts: answers to a person's mail. */
  public static final List<String> REPLY_KINDS = List.of("reply", "unregistered");
  /** The kind of the notice that replies are held. */
  public static final String HELD_KIND = "held";
  private static final Duration HOUR = Duration.ofHours(1);

  private final Outbox outbox;
  private final Mailer mailer;
  private final int perHour;
  private final Clock clock;
  private final DateTimeFormatter time;

  public ReplyCap(Mailer mailer, int perHour, Clock clock, ZoneId zone) {
    this.outbox = mailer.outbox();
    this.mailer = mailer;
    this.perHour = perHour;
    this.clock = clock;
    this.time = Dates.MINUTE.withZone(zone);
  }

  /** Where a reply went: its Message-ID, and when it goes (later than now when the cap holds it). */
  public record Queued(String messageId, long releaseAt, boolean held) {}

  /** The model of the {@code reply-held} notice. */
  public record HeldModel(int perHour, String resumeAt, String zone, String serviceAddress) {}

  /**
   * Queues a reply in the caller's transaction: at once, or held for its place in the hour.
   *
   * @param lang the language of the notice, should this reply be the first one held
   */
  public Queued queue(Handle h, Language lang, OutgoingMail reply, Long inboundId) {
    long now = clock.millis();
    long release = outbox.nextRelease(h, reply.to(), REPLY_KINDS, perHour, HOUR, now);
    boolean held = release > now;
    if (held && !toldWithinTheHour(h, reply.to(), now)) {
      RenderedMail notice = mailer.render(lang, "reply-held", new HeldModel(perHour,
          time.format(Instant.ofEpochMilli(release)), time.getZone().getId(), mailer.config().mailAddress));
      outbox.enqueue(h, mailer.mail(HELD_KIND, reply.to(), notice, null, reply.inReplyTo(), reply.references(),
          List.of()), inboundId);
    }
    String id = outbox.enqueue(h, reply, inboundId, release);
    return new Queued(id, release, held);
  }

  private boolean toldWithinTheHour(Handle h, String to, long now) {
    return outbox.countTo(h, to, List.of(HELD_KIND), now - HOUR.toMillis(), 1) > 0;
  }
}
