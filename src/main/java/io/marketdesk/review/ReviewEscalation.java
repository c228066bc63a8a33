package io.marketdesk.review;

import io.marketdesk.calendar.WorkingDayCalendar;
import io.marketdesk.text.Language;
import io.marketdesk.command.WrittenLanguages;
import io.marketdesk.outbox.Mailer;
import io.marketdesk.schedule.Scheduler;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Escalation of open reviews (docs/reviews.md): a reminder to the reviewers when 80 % of a review's
 * working-day time has passed, and once it is overdue a mail to the lead ({@code reviews.lead};
 * empty: the reviewers) every day from {@code reviews.digest-hour} until it is decided. {@link
 * Scheduler#once} keys (the review; the review and the day) make each mail go once across restarts
 * and instances. Thread-safe.
 */
public final class ReviewEscalation implements Scheduler.Job {
  static final String REMIND = "review-remind";
  static final String OVERDUE = "review-overdue";

  /** The reminder and escalation mails' model. */
  public record Model(Reviews.MailModel review, String changes, String waited, boolean overdue) {}

  private final Jdbi jdbi;
  private final Reviews reviews;
  private final Mailer mailer;
  private final WorkingDayCalendar calendar;
  private final ZoneId zone;
  private final int hour;

  ReviewEscalation(Jdbi jdbi, Reviews reviews, Mailer mailer, WorkingDayCalendar calendar, ZoneId zone, int hour) {
    this.jdbi = jdbi;
    this.reviews = reviews;
    this.mailer = mailer;
    this.calendar = calendar;
    this.zone = zone;
    this.hour = hour;
  }

  @Override
  public String name() {
    return "review-escalation";
  }

  /**
   * The moment 80 % of the review's working time has passed: its time is the working days after
   * the submission day up to the due day, 24 hours each, and only working days count.
   */
  Instant remindAt(Review r) {
    LocalDate submitted = Instant.ofEpochMilli(r.submittedAt()).atZone(zone).toLocalDate();
    LocalDate dueDay = Instant.ofEpochMilli(r.dueAt() - 1).atZone(zone).toLocalDate();
    int days = calendar.workingDaysBetween(submitted, dueDay);
    long left = days * 24L * 3_600_000L * 8 / 10;
    for (LocalDate d = submitted.plusDays(1); !d.isAfter(dueDay); d = d.plusDays(1)) {
      if (!calendar.isWorkingDay(d)) {
        continue;
      }
      if (left < 24L * 3_600_000L) {
        return d.atStartOfDay(zone).toInstant().plusMillis(left);
      }
      left -= 24L * 3_600_000L;
    }
    return Instant.ofEpochMilli(r.dueAt());
  }

  @Override
  public void tick(Instant now) {
    long millis = now.toEpochMilli();
    ZonedDateTime local = now.atZone(zone);
    String day = local.toLocalDate().toString();
    boolean escalateToday = local.getHour() >= hour;
    jdbi.useTransaction(h -> {
      for (Review r : reviews.openReviews(h)) {
        boolean overdue = r.overdue(millis);
        if (!overdue && now.isBefore(remindAt(r))) {
          continue;
        }
        List<String> to;
        if (overdue) {
          if (!escalateToday || !Scheduler.once(h, OVERDUE, r.id() + "/" + day, millis)) {
            continue;
          }
          h.createUpdate("UPDATE review SET escalated_at = :now WHERE id = :id AND escalated_at IS NULL")
              .bind("now", millis).bind("id", r.id()).execute();
          to = reviews.reviewers().escalation(h, millis);
        } else {
          if (!Scheduler.once(h, REMIND, String.valueOf(r.id()), millis)) {
            continue;
          }
          to = reviews.reviewers().addresses(h, millis);
        }
        for (String address : to) {
          String token = reviews.tokens().issue(h, Reviews.TOKEN_PURPOSE, String.valueOf(r.id()), address, null,
              reviews.tokenTtl());
          // in the language the operator last wrote in (docs/languages.md)
          Language lang = WrittenLanguages.of(h, address);
          String code = lang.code();
          Model model = new Model(reviews.mailModel(h, r, lang), ListWords.changes(mailer.catalog(), code, r),
              ListWords.waited(mailer.catalog(), code, r, millis), overdue);
          mailer.send(h, lang, address, overdue ? "review-overdue" : "review-reminder", model, token, null);
        }
      }
    });
  }
}
