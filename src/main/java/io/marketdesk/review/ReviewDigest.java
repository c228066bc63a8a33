package io.marketdesk.review;

import io.marketdesk.calendar.WorkingDayCalendar;
import io.marketdesk.text.Language;
import io.marketdesk.command.WrittenLanguages;
import io.marketdesk.identity.Directory;
import io.marketdesk.outbox.Mailer;
import io.marketdesk.schedule.Scheduler;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The daily digest of open reviews to every operator not away (docs/reviews.md), overdue first and
 * numbered, with a token per address so that a reply can decide items by number, sent once per working
 * day at {@code reviews.digest-hour} ({@code time.zone}) or at the first tick after it. {@link
 * Scheduler#once} makes it go once per day across restarts and instances; a day with no open review
 * sends nothing. Thread-safe.
 */
public final class ReviewDigest implements Scheduler.Job {
  /** The job name, also its {@code job_run} key. */
  public static final String JOB = "review-digest";

  /**
   * One review in the digest: its number in the list, what changes (old → new, short), who asked and
   * how long it has waited, so that it can be decided from the digest alone.
   */
  public record Item(int number, long id, String kind, String kindLabel, String subject, String title,
      String requester, String due, boolean overdue, String changes, String waited) {
    /** The title, already in the mail's language (for templates that chose between zh and en). */
    public String titleZh() {
      return title;
    }

    /** The title, already in the mail's language (for templates that chose between zh and en). */
    public String titleEn() {
      return title;
    }
  }

  /** The digest mail's model. */
  public record Model(String date, List<Item> items, int open, int overdue, String serviceAddress) {
    public Model {
      items = List.copyOf(items);
    }
  }

  private final Jdbi jdbi;
  private final Reviews reviews;
  private final Directory directory;
  private final Mailer mailer;
  private final WorkingDayCalendar calendar;
  private final ZoneId zone;
  private final int hour;
  private final ReviewLists lists;

  public ReviewDigest(Jdbi jdbi, Reviews reviews, Directory directory, Mailer mailer, WorkingDayCalendar calendar, ZoneId zone,
      int hour) {
    this.jdbi = jdbi;
    this.reviews = reviews;
    this.directory = directory;
    this.mailer = mailer;
    this.calendar = calendar;
    this.zone = zone;
    this.hour = hour;
    this.lists = new ReviewLists(reviews.tokens(), reviews.tokenTtl());
  }

  @Override
  public String name() {
    return JOB;
  }

  @Override
  public void tick(Instant now) {
    ZonedDateTime local = now.atZone(zone);
    LocalDate day = local.toLocalDate();
    if (local.getHour() < hour || !calendar.isWorkingDay(day)) {
      return;
    }
    jdbi.useTransaction(h -> {
      if (!Scheduler.once(h, JOB, day.toString(), now.toEpochMilli())) {
        return;
      }
      List<Review> open = reviews.openReviews(h);
      if (open.isEmpty()) {
        return;
      }
      int overdue = (int) open.stream().filter(r -> r.overdue(now.toEpochMilli())).count();
      Map<Language, Model> models = new HashMap<>();
      for (String address : reviews.reviewers().addresses(h, now.toEpochMilli())) {
        // Each address gets its own numbered list and token: a decision by number is that operator's;
        // and the digest in the language the operator last wrote in (docs/languages.md).
        ReviewLists.Made list = lists.create(h, address, "digest", open, now.toEpochMilli());
        Language lang = WrittenLanguages.of(h, address);
        Model model = models.computeIfAbsent(lang, l -> new Model(day.toString(), items(open, l.code(), now),
            open.size(), overdue, mailer.config().mailAddress));
        mailer.send(h, lang, address, "review-digest", model, list.token(), null);
      }
    });
  }

  private List<Item> items(List<Review> open, String lang, Instant now) {
    List<Item> items = new ArrayList<>();
    for (Review r : open) {
      items.add(new Item(items.size() + 1, r.id(), r.kind(), mailer.catalog().text(lang, "review-kind." + r.kind()),
          r.subject(), reviews.title(r, lang), r.requestedBy(), reviews.dueText(r.dueAt()), r.overdue(now.toEpochMilli()),
          ListWords.changes(mailer.catalog(), lang, r), ListWords.waited(mailer.catalog(), lang, r, now.toEpochMilli())));
    }
    return items;
  }
}
