package io.marketdesk.preference;

import io.marketdesk.text.Language;
import io.marketdesk.outbox.Mailer;
import io.marketdesk.schedule.Scheduler;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The daily summary of the order notices held for people whose order mails are daily
 * (docs/preferences.md): once a day at {@code reviews.digest-hour} ({@code time.zone}), or at the
 * first tick after it, each such person gets one mail with every notice held since their last
 * summary, oldest first. {@link Scheduler#once} makes it run once per day across restarts and
 * instances, and the notices are marked in the transaction that queues the summary, so none is
 * lost or sent twice. Thread-safe.
 */
public final class DailyOrderMail implements Scheduler.Job {
  /** The job name, also its {@code job_run} key. */
  public static final String JOB = "order-mail-daily";

  /** One held notice in the summary: its subject and its text without the signature. */
  public record Item(int number, String subject, String body) {}

  /** The summary mail's model. */
  public record Model(String address, String date, List<Item> items, String serviceAddress) {
    public Model {
      items = List.copyOf(items);
    }
  }

  private final Jdbi jdbi;
  private final Mailer mailer;
  private final ZoneId zone;
  private final int hour;

  public DailyOrderMail(Jdbi jdbi, Mailer mailer, ZoneId zone, int hour) {
    this.jdbi = jdbi;
    this.mailer = mailer;
    this.zone = zone;
    this.hour = hour;
  }

  @Override
  public String name() {
    return JOB;
  }

  private record Held(long id, String address, String lang, String subject, String body) {}

  @Override
  public void tick(Instant now) {
    ZonedDateTime local = now.atZone(zone);
    LocalDate day = local.toLocalDate();
    if (local.getHour() < hour) {
      return;
    }
    boolean[] sent = {false};
    jdbi.useTransaction(h -> {
      if (!Scheduler.once(h, JOB, day.toString(), now.toEpochMilli())) {
        return;
      }
      List<Held> held = h.createQuery("SELECT id, address, lang, subject, body FROM held_notice"
              + " WHERE summary_at IS NULL AND created_at <= :now ORDER BY address, created_at, id")
          .bind("now", now.toEpochMilli())
          .map((rs, c) -> new Held(rs.getLong("id"), rs.getString("address"), rs.getString("lang"),
              rs.getString("subject"), rs.getString("body")))
          .list();
      int i = 0;
      while (i < held.size()) {
        String address = held.get(i).address();
        List<Item> items = new ArrayList<>();
        String lang = held.get(i).lang();
        List<Long> ids = new ArrayList<>();
        for (; i < held.size() && held.get(i).address().equals(address); i++) {
          Held x = held.get(i);
          items.add(new Item(items.size() + 1, x.subject(), withoutSignature(x.body())));
          ids.add(x.id());
          lang = x.lang();
        }
        mailer.send(h, Language.of(lang), address, Preferences.DAILY_TEMPLATE,
            new Model(address, day.toString(), items, mailer.config().mailAddress), null, null);
        h.createUpdate("UPDATE held_notice SET summary_at = :now WHERE id IN (<ids>)")
            .bind("now", now.toEpochMilli()).bindList("ids", ids).execute();
        sent[0] = true;
      }
    });
    if (sent[0]) {
    }
  }

  /** A notice's text above its signature line ({@code --}). */
  static String withoutSignature(String body) {
    int sig = body.lastIndexOf("\n--\n");
    return (sig < 0 ? body : body.substring(0, sig)).strip();
  }
}
