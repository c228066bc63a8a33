package io.marketdesk.review;

import io.marketdesk.command.Actor;
import io.marketdesk.command.Role;
import io.marketdesk.identity.Directory;
import io.marketdesk.feature.PageWords;
import io.marketdesk.feature.PersonalSection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The open reviews on the personal page, soonest due (overdue) first, each with what it changes: a
 * provider's own requests; for operators, the whole queue with the approve and reject links and how
 * many are overdue. Thread-safe.
 */
record ReviewSection(Reviews reviews, Directory directory, Clock clock, PageWords words) implements PersonalSection {

  @Override
  public List<Table> tables(Handle h, Actor actor, String lang) {
    List<Table> out = new ArrayList<>();
    if (actor.has(Role.PROVIDER) && actor.providerId() != null) {
      List<Review> mine = new ArrayList<>(reviews.list(h, "open", actor.providerId()));
      mine.sort(Comparator.comparingLong(Review::dueAt).thenComparingLong(Review::id));
      List<PersonalSection.Row> rows = new ArrayList<>();
      for (Review r : mine) {
        rows.add(row(r, List.of(), lang, null));
      }
      out.add(new Table("my-reviews", words.text(lang, "page.me.61"), List.of(words.text(lang, "page.reviews.col.id"),
          words.text(lang, "page.reviews.col.kind"), words.text(lang, "page.reviews.col.title"), words.text(lang, "page.me.62"),
          words.text(lang, "page.me.63"), words.text(lang, "page.reviews.col.state")), rows, words.text(lang, "page.me.65")));
    }
    if (actor.has(Role.OPERATOR)) {
      List<PersonalSection.Row> rows = new ArrayList<>();
      long overdue = 0;
      Map<Long, String> providers = new HashMap<>();
      for (Review r : reviews.openReviews(h)) {
        String provider = r.providerId() == null ? "" : providers.computeIfAbsent(r.providerId(), id -> directory
            .provider(h, id).map(p -> p.companyName() + " (" + p.accountId() + ")").orElse(""));
        PersonalSection.Row row = row(r, words.decide(lang, r.id()), lang, provider);
        overdue += row.warn() ? 1 : 0;
        rows.add(row);
      }
      out.add(new Table("review-queue", words.text(lang, "page.me.76"), List.of(words.text(lang, "page.reviews.col.id"),
          words.text(lang, "page.reviews.col.kind"), words.text(lang, "page.reviews.col.title"),
          words.text(lang, "page.reviews.col.provider"), words.text(lang, "page.me.78"), words.text(lang, "page.me.79"),
          words.text(lang, "page.reviews.col.state")), rows, words.text(lang, "page.me.81"), List.of(),
          overdue > 0 ? List.of(Cell.state(words.text(lang, "page.me.77") + " " + overdue, "overdue")) : List.of()));
    }
    return out;
  }

  /** A review's row; {@code provider} null leaves the provider's column out (the provider's own page). */
  private PersonalSection.Row row(Review r, List<PersonalSection.Action> actions, String lang, String provider) {
    boolean overdue = clock.millis() >= r.dueAt();
    List<Cell> cells = new ArrayList<>(List.of(Cell.of("#" + r.id()), Cell.of(words.label(lang, "review-kind.", r.kind())),
        Cell.of(reviews.title(r, lang))));
    if (provider != null) {
      cells.add(Cell.of(provider));
    }
    cells.add(Cell.of(words.time(r.submittedAt())));
    cells.add(Cell.of(words.dueDay(r.dueAt())));
    cells.add(overdue ? Cell.state(words.text(lang, "page.me.64"), "overdue") : Cell.of(""));
    List<Change> changes = new ArrayList<>();
    for (Reviews.ChangeLine l : Reviews.lines(words.catalog(), lang, r)) {
      changes.add(new Change(l.label(), l.before(), l.after()));
    }
    return new PersonalSection.Row(String.valueOf(r.id()), cells, actions, changes, overdue);
  }
}
