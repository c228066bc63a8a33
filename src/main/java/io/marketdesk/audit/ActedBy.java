package io.marketdesk.audit;

/**
 * Who did something, as the domain services and the audit log see it: a person writing a mail (their
 * address and the stored mail), the order-feed API, the command line, or a timer. Domain services
 * take it instead of a mail context, so the CLI, the API, timers and demo data call them the same
 * way (docs/architecture.md). Immutable.
 *
 * @param who the person's address, or {@code api}, {@code cli}, {@code timer}, {@code demo}
 * @param inboundId the stored mail that asked for it, or null when no mail did
 */
public record ActedBy(String who, Long inboundId) {
  /** The order-feed and admin API. */
  public static final ActedBy API = new ActedBy("api", null);
  /** The command line. */
  public static final ActedBy CLI = new ActedBy("cli", null);
  /** A timer (reminders, auto-confirm, escalations). */
  public static final ActedBy TIMER = new ActedBy("timer", null);
  /** The demo data loader. */
  public static final ActedBy DEMO = new ActedBy("demo", null);

  /** A person, by the mail they wrote. */
  public static ActedBy mail(String address, Long inboundId) {
    return new ActedBy(address, inboundId);
  }

  /** Something that is not a person: {@code api}, {@code cli}, {@code timer}... */
  public static ActedBy system(String who) {
    return new ActedBy(who, null);
  }

  /** True when a person acted by mail (not the API, the CLI, a timer or the demo loader). */
  public boolean byMail() {
    return inboundId != null;
  }
}
