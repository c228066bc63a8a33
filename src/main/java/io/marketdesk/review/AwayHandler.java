package io.marketdesk.review;

import io.marketdesk.command.CommandContext;
import io.marketdesk.command.DeclaredCommand;
import io.marketdesk.command.CommandSpec;
import io.marketdesk.text.Language;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.command.Role;
import io.marketdesk.identity.Away;
import io.marketdesk.identity.Directory;
import io.marketdesk.identity.Operator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code 休假 至 DATE} / {@code away until DATE}: no review mails or digests to this operator up to
 * and including DATE (others get them; docs/reviews.md). {@code 休假 结束} / {@code away off} ends it;
 * {@code 休假} alone says whether one is away. The grammar words ({@code 至}, {@code 结束}...) come from
 * the message files ({@code away.word.until}, {@code away.word.off}). DATE is {@code yyyy-MM-dd}
 * (or with {@code /}), today or later, within a year. Stateless.
 */
final class AwayHandler extends DeclaredCommand {
  static final CommandSpec SPEC = new CommandSpec("operator.away", Set.of(Role.OPERATOR), CommandSpec.Body.NONE);
  private static final int MAX_DAYS = 366;

  private final Away away;
  private final Directory directory;
  private final ZoneId zone;

  AwayHandler(Away away, Directory directory, ZoneId zone) {
    super(SPEC, true);
    this.away = away;
    this.directory = directory;
    this.zone = zone;
  }

  @Override
  public Outcome handle(CommandContext ctx, ParsedCommand cmd) {
    Optional<Operator> op = directory.operatorByAddress(ctx.handle(), ctx.actor().address());
    if (op.isEmpty()) {
      return Outcome.refused(ctx.m("away.not-operator"), "");
    }
    long now = ctx.now().toEpochMilli();
    long id = op.get().id();
    String args = cmd.args().strip();
    if (args.isEmpty()) {
      Optional<Long> until = away.until(ctx.handle(), id, now);
      return Outcome.done(until.isPresent() ? ctx.m("away.status.away", "until", lastDay(until.get()))
          : ctx.m("away.status.here"));
    }
    if (isWord(ctx, "away.word.off", args)) {
      boolean was = away.clear(ctx.handle(), id, now);
      ctx.audit("operator", String.valueOf(id), "away-off", null, null);
      return Outcome.done(ctx.m(was ? "away.off" : "away.off-not-away"));
    }
    String date = args;
    for (Language lang : ctx.languages()) {
      for (String w : ctx.in(lang, "away.word.until").split("\\|")) {
        String word = w.strip();
        if (!word.isEmpty() && date.toLowerCase(Locale.ROOT).startsWith(word.toLowerCase(Locale.ROOT))) {
          date = date.substring(word.length()).strip();
        }
      }
    }
    LocalDate last;
    try {
      last = LocalDate.parse(date.replace('/', '-'));
    } catch (DateTimeParseException e) {
      return Outcome.refused(ctx.m("away.bad-date", "date", date), ctx.m("away.example"));
    }
    LocalDate today = ctx.now().atZone(zone).toLocalDate();
    if (last.isBefore(today) || last.isAfter(today.plusDays(MAX_DAYS))) {
      return Outcome.refused(ctx.m("away.date-out-of-range", "date", last.toString(), "today", today.toString()),
          ctx.m("away.example"));
    }
    long until = last.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    away.set(ctx.handle(), id, until, Away.Source.COMMAND, now);
    ctx.audit("operator", String.valueOf(id), "away", null, "until " + last);
    return Outcome.done(ctx.m("away.set", "until", last.toString()));
  }

  private String lastDay(long untilAt) {
    return Instant.ofEpochMilli(untilAt - 1).atZone(zone).toLocalDate().toString();
  }

  private static boolean isWord(CommandContext ctx, String key, String args) {
    for (Language lang : ctx.languages()) {
      for (String w : ctx.in(lang, key).split("\\|")) {
        if (!w.isBlank() && args.equalsIgnoreCase(w.strip())) {
          return true;
        }
      }
    }
    return false;
  }
}
