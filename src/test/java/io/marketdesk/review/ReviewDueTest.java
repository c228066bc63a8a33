package io.marketdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.calendar.WorkingDayCalendar;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ReviewDueTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static Reviews reviews() throws Exception {
    return new Reviews(Clock.systemUTC(), WorkingDayCalendar.load(Path.of("config/calendar")), SHANGHAI, null, null, null,
        Duration.ofDays(14), null);
  }

  private static Instant at(String local) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(local), SHANGHAI).toInstant();
  }

  @Test
  void shouldSkipNationalDayHolidayAndCountMakeUpSaturdayWhenDueIsThreeWorkingDays() throws Exception {
    Reviews r = reviews();
    Instant due = r.due(at("2026-09-30T15:00"), 3);
    assertThat(r.dueText(due.toEpochMilli())).isEqualTo("2026-10-10");
    assertThat(due).isEqualTo(at("2026-10-11T00:00"));
  }

  @Test
  void shouldGiveImageServicesSevenWorkingDaysAcrossTheHoliday() throws Exception {
    Reviews r = reviews();
    // Sep 28 (Mon) + 7 working days: Sep 29, 30, Oct 8, 9, 10 (make-up Saturday), 12, 13.
    assertThat(r.dueText(r.due(at("2026-09-28T10:00"), 7).toEpochMilli())).isEqualTo("2026-10-13");
  }

  @Test
  void shouldCountFromTheLocalDateInShanghaiWhenSubmittedLateInTheUtcDay() throws Exception {
    Reviews r = reviews();
    // 2026-09-29T17:00Z is already Sep 30 01:00 in Shanghai.
    assertThat(r.dueText(r.due(Instant.parse("2026-09-29T17:00:00Z"), 3).toEpochMilli())).isEqualTo("2026-10-10");
    // A Friday submission: Mon, Tue, Wed.
    assertThat(r.dueText(r.due(at("2026-11-27T16:00"), 3).toEpochMilli())).isEqualTo("2026-12-02");
  }
}
