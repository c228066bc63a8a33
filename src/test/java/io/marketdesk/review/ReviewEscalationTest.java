package io.marketdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.calendar.WorkingDayCalendar;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 80 % reminder moment counts working days only (docs/reviews.md, "Escalation"). */
class ReviewEscalationTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static Instant at(String local) {
    return ZonedDateTime.of(LocalDateTime.parse(local), SHANGHAI).toInstant();
  }

  private static Instant remindAt(String submitted, int workingDays) throws Exception {
    WorkingDayCalendar calendar = WorkingDayCalendar.load(Path.of("config/calendar"));
    Instant s = at(submitted);
    Instant due = calendar.due(s, workingDays, SHANGHAI);
    Review r = new Review(1, "product", "P1", null, "a@b.test", "t", "t", "{}", List.of(), "open", s.toEpochMilli(),
        due.toEpochMilli(), null, null, null);
    return new ReviewEscalation(null, null, null, calendar, SHANGHAI, 9).remindAt(r);
  }

  @Test
  void shouldRemindAfterTwoPointFourWorkingDaysSkippingTheNationalDayHoliday() throws Exception {
    // Due 2026-10-10 (Oct 8, 9 and the make-up Saturday 10): 80 % is 2.4 days into them.
    assertThat(remindAt("2026-09-30T15:00", 3)).isEqualTo(at("2026-10-10T09:36"));
  }

  @Test
  void shouldRemindAfterFivePointSixWorkingDaysForImageServices() throws Exception {
    // Sep 29, 30, Oct 8, 9, 10 are five whole days; 0.6 of Oct 12 is 14:24.
    assertThat(remindAt("2026-09-28T10:00", 7)).isEqualTo(at("2026-10-12T14:24"));
  }

  @Test
  void shouldRemindOnTheThirdWorkingDayOverAWeekend() throws Exception {
    // Wed 2026-12-02: Thu, Fri, (weekend), Mon 09:36.
    assertThat(remindAt("2026-12-02T10:00", 3)).isEqualTo(at("2026-12-07T09:36"));
  }
}
