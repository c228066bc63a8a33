package io.marketdesk.review;

import io.marketdesk.text.Dates;
import io.marketdesk.command.AsWritten;
import io.marketdesk.command.CommandContext;
import io.marketdesk.text.Language;
import io.marketdesk.command.Outcome;
import io.marketdesk.command.ParsedCommand;
import io.marketdesk.review.DecisionNumbers.Range;
import io.marketdesk.token.Tokens;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decisions by number in a reply to a numbered list (the daily digest or {@code 待审核}):
 * {@code 通过 1-6,9}, {@code 驳回 7 理由}, several lines in one mail (docs/reviews.md). Each number
 * means the item as it stood in that list: an item decided, withdrawn or replaced since is skipped
 * and the result says why. Each decision goes through {@link Reviews#decide}, so the asker gets the
 * usual result mail and the first answer wins across operators; every decision of one mail commits in
 * that mail's transaction. Stateless and thread-safe.
 */
final class BatchDecisions {
  private static final DateTimeFormatter WHEN = Dates.MINUTE;

  /** One decision line: approve or reject these numbers, with this comment or reason. */
  record DecisionLine(boolean approve, List<Range> ranges, String note) {}

  private final Reviews reviews;
  private final ReviewLists lists;
  private final Tokens tokens;
  private final ZoneId zone;

  BatchDecisions(Reviews reviews, ReviewLists lists, Tokens tokens, ZoneId zone) {
    this.reviews = reviews;
    this.lists = lists;
    this.tokens = tokens;
    this.zone = zone;
  }

  /**
   * The outcome of {@code cmd} read as a decision by numbers, or empty when it is not one (no
   * number first, or a number in a reply to a single review mail, which stays a comment).
   */
  Optional<Outcome> tryDecide(CommandContext ctx, boolean approve, ParsedCommand cmd) {
    DecisionNumbers.Result parsed = DecisionNumbers.parse(cmd.args());
    if (parsed instanceof DecisionNumbers.NotNumbers) {
      return Optional.empty();
    }
    Tokens.Check list = listToken(ctx);
    if (list == null) {
      if (presentsReviewToken(ctx)) {
        return Optional.empty();
      }
      return Optional.of(Outcome.refused(ctx.m("batch.no-list"), ctx.m("batch.example")));
    }
    if (parsed instanceof DecisionNumbers.Malformed bad) {
      return Optional.of(Outcome.refused(ctx.m("batch.malformed." + bad.problem().name().toLowerCase(Locale.ROOT),
          "line", cmd.args()), ctx.m("batch.example")));
    }
    DecisionNumbers.Numbers numbers = (DecisionNumbers.Numbers) parsed;
    List<DecisionLine> lines = new ArrayList<>();
    String note = AsWritten.tail(cmd.line(), numbers.rest());
    List<String> below = cmd.text().isEmpty() ? List.of() : List.of(cmd.text().split("\r?\n"));
    StringBuilder more = new StringBuilder();
    int i = 0;
    // A reject's free text runs to the end of the mail: decision lines under it are decisions too.
    for (; i < below.size(); i++) {
      if (decisionLine(ctx, below.get(i)).isPresent()) {
        break;
      }
      if (!approve) {
        more.append('\n').append(below.get(i));
      }
    }
    String fullNote = (note + more).strip();
    if (!approve && fullNote.isEmpty()) {
      return Optional.of(Outcome.refused(ctx.m("batch.reason-needed"), ctx.m("batch.example")));
    }
    lines.add(new DecisionLine(approve, numbers.ranges(), fullNote));
    for (; i < below.size(); i++) {
      Optional<DecisionLine> next = decisionLine(ctx, below.get(i));
      if (next.isPresent()) {
        lines.add(next.get());
      } else if (!lines.get(lines.size() - 1).approve() && !below.get(i).isBlank()) {
        DecisionLine last = lines.remove(lines.size() - 1);
        lines.add(new DecisionLine(false, last.ranges(), (last.note() + "\n" + below.get(i)).strip()));
      }
    }
    return Optional.of(decide(ctx, list, lines));
  }

  private Outcome decide(CommandContext ctx, Tokens.Check check, List<DecisionLine> lines) {
    if (!check.valid()) {
      String key = switch (check.status()) {
        case EXPIRED -> "batch.token.expired";
        case WRONG_ADDRESS -> "batch.token.wrong-address";
        default -> "batch.token.unknown";
      };
      return Outcome.refused(ctx.m(key), ctx.m("batch.example"));
    }
    ReviewLists.Listed list = lists.find(ctx.handle(), Long.parseLong(check.token().subjectId())).orElse(null);
    if (list == null) {
      return Outcome.refused(ctx.m("batch.token.unknown"), ctx.m("batch.example"));
    }
    StringBuilder out = new StringBuilder(ctx.m("batch.header", "date", when(list.createdAt()),
        "source", ctx.m("batch.source." + list.source()), "size", list.items().size()));
    int approved = 0;
    int rejected = 0;
    int skipped = 0;
    for (DecisionLine line : lines) {
      if (!line.approve() && line.note().isEmpty()) {
        out.append('\n').append(ctx.m("batch.reason-needed"));
        continue;
      }
      for (Range range : line.ranges()) {
        int last = Math.min(range.to(), list.items().size());
        for (int n = range.from(); n <= last; n++) {
          ReviewLists.Item item = list.item(n).orElseThrow();
          String result = one(ctx, item, line);
          if (result.startsWith("+")) {
            approved++;
          } else if (result.startsWith("-")) {
            rejected++;
          } else {
            skipped++;
          }
          out.append('\n').append(result.substring(1));
        }
        if (range.to() > list.items().size()) {
          int from = Math.max(range.from(), list.items().size() + 1);
          out.append('\n').append(ctx.m("batch.item.missing", "from", from, "to", range.to(), "size", list.items().size()));
        }
      }
    }
    out.append('\n').append(ctx.m("batch.summary", "approved", approved, "rejected", rejected, "skipped", skipped));
    return approved + rejected > 0 ? Outcome.done(out.toString()) : Outcome.refused(out.toString(), "");
  }

  /** One item's decision: its result line, prefixed "+" approved, "-" rejected, "=" skipped. */
  private String one(CommandContext ctx, ReviewLists.Item item, DecisionLine line) {
    Optional<Review> found = reviews.find(ctx.handle(), item.reviewId());
    if (found.isEmpty()) {
      return "=" + ctx.m("batch.item.gone", "n", item.number(), "id", item.reviewId());
    }
    Review r = found.get();
    String title = reviews.title(r, ctx.language().code());
    Object[] base = {"n", item.number(), "id", r.id(), "title", title};
    if (!r.open()) {
      return "=" + skipped(ctx, r, base);
    }
    Outcome o = DecisionReplies.outcome(ctx, reviews, reviews.decide(ctx.handle(), ctx.actedBy(), r.id(), line.approve(),
        line.note()));
    if (!o.done()) {
      return "=" + ctx.m("batch.item.refused", with(base, "reason", o.message().strip()));
    }
    return line.approve() ? "+" + ctx.m("batch.item.approved", base) : "-" + ctx.m("batch.item.rejected", base);
  }

  private String skipped(CommandContext ctx, Review r, Object[] base) {
    if (r.status().equals("superseded")) {
      Long newer = ctx.handle().createQuery("SELECT superseded_by FROM review WHERE id = :id").bind("id", r.id())
          .mapTo(Long.class).findOne().orElse(null);
      return ctx.m("batch.item.changed", with(base, "newer", newer == null ? "" : String.valueOf(newer)));
    }
    if (r.status().equals("withdrawn") || r.requestedBy().equalsIgnoreCase(r.decidedBy() == null ? "" : r.decidedBy())) {
      return ctx.m("batch.item.withdrawn", with(base, "when", when(r.decidedAt())));
    }
    return ctx.m("batch.item.decided", with(base, "by", r.decidedBy() == null ? "" : r.decidedBy(),
        "when", when(r.decidedAt()), "approved", r.status().equals("approved")));
  }

  private static Object[] with(Object[] base, Object... more) {
    Object[] all = Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  private String when(Long millis) {
    return millis == null ? "" : WHEN.format(Instant.ofEpochMilli(millis).atZone(zone));
  }

  /** A line {@code 通过 1-6,9} / {@code reject 7 REASON} under the first one, in any language. */
  private static Optional<DecisionLine> decisionLine(CommandContext ctx, String raw) {
    String line = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
    for (boolean approve : new boolean[] {true, false}) {
      for (Language lang : ctx.languages()) {
        for (String k : ctx.in(lang, approve ? "keyword.review.approve" : "keyword.review.reject").split("\\|")) {
          String kw = k.strip();
          if (kw.isEmpty() || !line.regionMatches(true, 0, kw, 0, kw.length())) {
            continue;
          }
          String rest = line.substring(kw.length());
          if (!rest.isEmpty() && Character.isLetter(rest.charAt(0)) && rest.charAt(0) < 0x2E80) {
            continue;
          }
          rest = rest.startsWith(":") || rest.startsWith(",") ? rest.substring(1) : rest;
          if (DecisionNumbers.parse(rest) instanceof DecisionNumbers.Numbers n) {
            return Optional.of(new DecisionLine(approve, n.ranges(), AsWritten.tail(raw, n.rest())));
          }
        }
      }
    }
    return Optional.empty();
  }

  private Tokens.Check listToken(CommandContext ctx) {
    Tokens.Check best = null;
    for (String t : ctx.presentedTokens()) {
      Tokens.Check c = tokens.check(ctx.handle(), t, ctx.actor().address(), ReviewLists.TOKEN_PURPOSE);
      if (c.valid()) {
        return c;
      }
      if (best == null && c.status() != Tokens.Status.UNKNOWN && c.status() != Tokens.Status.WRONG_PURPOSE) {
        best = c;
      }
    }
    return best;
  }

  private boolean presentsReviewToken(CommandContext ctx) {
    for (String t : ctx.presentedTokens()) {
      if (tokens.find(ctx.handle(), t).map(x -> x.purpose().equals(Reviews.TOKEN_PURPOSE)).orElse(false)) {
        return true;
      }
    }
    return false;
  }
}
