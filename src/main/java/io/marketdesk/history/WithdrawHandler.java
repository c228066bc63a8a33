package io.marketdesk.history;

import io.marketdesk.text.Dates;
import io.marketdesk.command.Actor;
import io.marketdesk.command.CommandContext;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.command.DeclaredCommand;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.command.Role;
import io.marketdesk.command.TeamRole;
import io.marketdesk.identity.Directory;
import io.marketdesk.review.Review;
import io.marketdesk.review.Reviews;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code 撤回 审核 ID} / {@code withdraw review ID}, or {@code 撤回} / {@code withdraw} alone in a reply
 * to the acknowledgement of the request (the thread names the review): a provider withdraws an open
 * review it asked for (account change, product, price change). The review becomes {@code withdrawn},
 * the operators are mailed, and a later answer is told it was withdrawn (docs/undo.md). Refused for
 * someone else's review and for one already decided (saying by whom and how). Stateless.
 */
final class WithdrawHandler extends DeclaredCommand {
  static final CommandSpec SPEC = new CommandSpec("review.withdraw", Set.of(Role.PROVIDER), CommandSpec.Body.NONE);
  /** The kinds a provider asks for and so may withdraw. */
  static final Set<String> KINDS = Set.of("account", "product", "price");
  private static final DateTimeFormatter WHEN = Dates.MINUTE;

  private final Reviews reviews;
  private final Directory directory;
  private final ZoneId zone;

  WithdrawHandler(Reviews reviews, Directory directory, ZoneId zone) {
    super(SPEC, true);
    this.reviews = reviews;
    this.directory = directory;
    this.zone = zone;
  }

  @Override
  public Outcome handle(CommandContext ctx, ParsedCommand cmd) {
    String arg = cmd.args().strip().replaceAll("[!?.,\\u3002\\uff0c\\uff01\\uff1f]+$", "");
    for (String w : ctx.words("withdraw.word.review")) {
      if (arg.toLowerCase(Locale.ROOT).startsWith(w)) {
        arg = arg.substring(w.length()).strip();
        break;
      }
    }
    if (arg.startsWith("#")) {
      arg = arg.substring(1);
    }
    Long id;
    if (arg.isEmpty()) {
      id = fromThread(ctx).orElse(null);
      if (id == null) {
        return Outcome.refused(ctx.m("withdraw.missing"), ctx.m("withdraw.example", "id", "12"));
      }
    } else if (arg.matches("\\d{1,18}")) {
      id = Long.parseLong(arg);
    } else {
      return Outcome.refused(ctx.m("withdraw.bad-id", "arg", arg), ctx.m("withdraw.example", "id", "12"));
    }
    Actor a = ctx.actor();
    Optional<Review> found = reviews.find(ctx.handle(), id);
    if (found.isEmpty() || !mine(a, found.get())) {
      return Outcome.refused(ctx.m("withdraw.not-yours", "id", id), "");
    }
    Review r = found.get();
    if (!KINDS.contains(r.kind())) {
      return Outcome.refused(ctx.m("withdraw.kind", "id", id), "");
    }
    if (!r.open()) {
      return decided(ctx, r);
    }
    String provider = r.providerId() == null ? a.name()
        : directory.provider(ctx.handle(), r.providerId()).map(p -> p.companyName()).orElse(a.name());
    String accountId = a.accountId() == null ? "" : a.accountId();
    String when = WHEN.format(ctx.now().atZone(zone));
    // each operator gets the title in the language of their mail
    if (reviews.withdrawByAsker(ctx.handle(), ctx.actedBy(), r, "review-withdrawn",
        lang -> new WithdrawnMail(r.id(), reviews.title(r, lang.code()), r.kind(), r.subject(), provider, accountId,
            a.address(), when)) instanceof Reviews.Closed closed) {
      return decided(ctx, closed.review());
    }
    return Outcome.done(ctx.m("withdraw.done", "id", r.id(), "title", reviews.title(r, ctx.language().code())));
  }

  /** One's own request, or any request of one's account for its admin (docs/teams.md). */
  private static boolean mine(Actor a, Review r) {
    return r.requestedBy().equalsIgnoreCase(a.address()) || a.providerId() != null && a.providerId().equals(r.providerId())
        && a.teamRole() == TeamRole.ADMIN;
  }

  private Outcome decided(CommandContext ctx, Review r) {
    String when = r.decidedAt() == null ? "" : WHEN.format(Instant.ofEpochMilli(r.decidedAt()).atZone(zone));
    return Outcome.refused(ctx.m("withdraw.decided", "id", r.id(), "status", r.status(),
        "by", r.decidedBy() == null ? "" : r.decidedBy(), "when", when), "");
  }

  /**
   * The review asked for by the mail this one answers: our acknowledgement (the reply) is an outbox
   * mail for the request's inbound mail, and the review remembers that inbound mail.
   */
  private static Optional<Long> fromThread(CommandContext ctx) {
    if (ctx.mail() == null) {
      return Optional.empty();
    }
    List<String> thread = new ArrayList<>();
    if (ctx.mail().inReplyTo() != null) {
      thread.add(ctx.mail().inReplyTo());
    }
    thread.addAll(ctx.mail().references());
    if (thread.isEmpty()) {
      return Optional.empty();
    }
    List<String> ids = new ArrayList<>();
    for (String t : thread) {
      ids.add(t);
      ids.add("<" + t + ">");
    }
    return ctx.handle().createQuery("SELECT r.id FROM review r JOIN outbox o ON o.inbound_id = r.inbound_id"
            + " WHERE o.message_id IN (<ids>) AND r.requested_by = :me ORDER BY r.id DESC")
        .bindList("ids", ids)
        .bind("me", ctx.actor().address())
        .setMaxRows(1)
        .mapTo(Long.class)
        .findFirst();
  }
}
