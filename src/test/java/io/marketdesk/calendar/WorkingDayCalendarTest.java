package io.marketdesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingDayCalendarTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** The shipped files, read as the application reads them. */
  private static WorkingDayCalendar shipped;

  @BeforeAll
  static void loadShippedFiles() throws IOException {
    shipped = WorkingDayCalendar.load(Path.of("config", "calendar"));
  }

  private static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  // --- National Day 2026: Oct 1–7 off, Sep 20 (Sun) and Oct 10 (Sat) working ---

  @Test
  void shouldLandOnMakeUpSaturdayWhenThreeWorkingDaysSpanNationalDay2026() {
    LocalDate due = shipped.addWorkingDays(date("2026-09-30"), 3);

    assertThat(due).isEqualTo(date("2026-10-10"));
    assertThat(due.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
  }

  @Test
  void shouldSkipSundayAfterMakeUpSaturdayWhenSevenWorkingDaysSpanNationalDay2026() {
    // Oct 8, 9, 10 (Sat, make-up), 12, 13, 14, 15
    assertThat(shipped.addWorkingDays(date("2026-09-30"), 7)).isEqualTo(date("2026-10-15"));
  }

  @Test
  void shouldCountMakeUpSundayWhenSubmittedTheFridayBefore() {
    // 2026-09-18 is a Friday; Sunday Sep 20 is a make-up working day.
    assertThat(shipped.addWorkingDays(date("2026-09-18"), 1)).isEqualTo(date("2026-09-20"));
    assertThat(shipped.addWorkingDays(date("2026-09-18"), 3)).isEqualTo(date("2026-09-22"));
  }

  @Test
  void shouldEndAtStartOfNextLocalDayWhenDueInstantIsComputed() {
    Instant submitted = Instant.parse("2026-09-30T02:00:00Z"); // 10:00 in Shanghai

    assertThat(shipped.dueDay(submitted, 3, SHANGHAI)).isEqualTo(date("2026-10-10"));
    assertThat(shipped.due(submitted, 3, SHANGHAI))
        .isEqualTo(Instant.parse("2026-10-10T16:00:00Z")); // 2026-10-11T00:00+08:00
  }

  @Test
  void shouldTakeSubmissionDayInGivenZoneWhenInstantIsNearMidnight() {
    Instant submitted = Instant.parse("2026-09-29T17:00:00Z"); // Sep 30 01:00 in Shanghai

    // In Shanghai the submission day is Wed Sep 30: Oct 8, 9, 10.
    assertThat(shipped.dueDay(submitted, 3, SHANGHAI)).isEqualTo(date("2026-10-10"));
    // In UTC it is Tue Sep 29: Sep 30, Oct 8, 9.
    assertThat(shipped.dueDay(submitted, 3, ZoneOffset.UTC)).isEqualTo(date("2026-10-09"));
  }

  @Test
  void shouldCountHolidaySubmissionFromTheHolidayWhenSubmittedDuringNationalDay() {
    Instant submitted = Instant.parse("2026-10-03T04:00:00Z");

    assertThat(shipped.dueDay(submitted, 1, SHANGHAI)).isEqualTo(date("2026-10-08"));
  }

  // --- Spring Festival 2026: Feb 15–23 off, Feb 14 (Sat) and Feb 28 (Sat) working ---

  @Test
  void shouldCountMakeUpSaturdayBeforeSpringFestivalWhenSubmittedOnFriday() {
    // 2026-02-13 is a Friday: Feb 14 (Sat, make-up), then Feb 24, 25.
    assertThat(shipped.addWorkingDays(date("2026-02-13"), 1)).isEqualTo(date("2026-02-14"));
    assertThat(shipped.addWorkingDays(date("2026-02-13"), 3)).isEqualTo(date("2026-02-25"));
  }

  @Test
  void shouldLandOnMakeUpSaturdayAfterSpringFestivalWhenImageReviewTakesSevenDays() {
    // Feb 13, 14 (Sat), 24, 25, 26, 27, 28 (Sat)
    assertThat(shipped.addWorkingDays(date("2026-02-12"), 7)).isEqualTo(date("2026-02-28"));
  }

  @Test
  void shouldTreatWholeSpringFestivalAsNonWorkingWhenShippedFileIsLoaded() {
    for (LocalDate d = date("2026-02-15"); !d.isAfter(date("2026-02-23")); d = d.plusDays(1)) {
      assertThat(shipped.isWorkingDay(d)).as(d.toString()).isFalse();
    }
    assertThat(shipped.isWorkingDay(date("2026-02-24"))).isTrue();
  }

  // --- ordinary weeks ---

  @Test
  void shouldSkipWeekendWhenSubmittedOnAnOrdinaryFriday() {
    // 2026-03-06 is a Friday: Mar 9, 10, 11.
    assertThat(shipped.addWorkingDays(date("2026-03-06"), 3)).isEqualTo(date("2026-03-11"));
  }

  @Test
  void shouldNotCountSubmissionDayWhenSubmittedOnSaturday() {
    assertThat(shipped.addWorkingDays(date("2026-03-07"), 1)).isEqualTo(date("2026-03-09"));
  }

  @Test
  void shouldReturnStartWhenZeroWorkingDaysAreAdded() {
    assertThat(shipped.addWorkingDays(date("2026-10-03"), 0)).isEqualTo(date("2026-10-03"));
  }

  @Test
  void shouldRejectNegativeCountWhenAddingWorkingDays() {
    assertThatThrownBy(() -> shipped.addWorkingDays(date("2026-03-06"), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldInvertAddWorkingDaysWhenCountingWorkingDaysBetween() {
    for (LocalDate start = date("2026-09-10"); start.isBefore(date("2026-10-20"));
        start = start.plusDays(1)) {
      for (int n = 0; n <= 7; n++) {
        LocalDate end = shipped.addWorkingDays(start, n);
        assertThat(shipped.workingDaysBetween(start, end)).as(start + " + " + n).isEqualTo(n);
      }
    }
    assertThat(shipped.workingDaysBetween(date("2026-10-08"), date("2026-10-01"))).isZero();
  }

  // --- the shipped files ---

  @Test
  void shouldMatchPublishedArrangementWhenShipped2026FileIsLoaded() {
    List<LocalDate> makeUpDays =
        date("2026-01-01")
            .datesUntil(date("2027-01-01"))
            .filter(d -> d.getDayOfWeek().getValue() >= 6 && shipped.isWorkingDay(d))
            .toList();
    List<LocalDate> weekdaysOff =
        date("2026-01-01")
            .datesUntil(date("2027-01-01"))
            .filter(d -> d.getDayOfWeek().getValue() <= 5 && !shipped.isWorkingDay(d))
            .toList();

    assertThat(makeUpDays)
        .containsExactly(
            date("2026-01-04"),
            date("2026-02-14"),
            date("2026-02-28"),
            date("2026-05-09"),
            date("2026-09-20"),
            date("2026-10-10"));
    assertThat(weekdaysOff).hasSize(19); // the same count as the published notice
  }

  @Test
  void shouldCoverShippedYearsOnlyWhenFilesAreLoaded() {
    assertThat(shipped.covers(date("2026-06-01"))).isTrue();
    assertThat(shipped.covers(date("2027-06-01"))).isTrue();
    assertThat(shipped.covers(date("2028-06-01"))).isFalse();
    assertThat(shipped.years()).containsExactly(2026, 2027);
  }

  @Test
  void shouldCountOnlyWeekendsWhenYearIsNotCovered() {
    // 2028-01-01 is a Saturday; no file lists 2028.
    assertThat(shipped.isWorkingDay(date("2028-01-01"))).isFalse();
    assertThat(shipped.isWorkingDay(date("2028-01-03"))).isTrue();
    assertThat(shipped.addWorkingDays(date("2027-12-31"), 1)).isEqualTo(date("2028-01-03"));
  }

  @Test
  void shouldKeepStatutoryDaysOffWhenProvisional2027FileIsLoaded() {
    assertThat(shipped.isWorkingDay(date("2027-01-01"))).isFalse();
    assertThat(shipped.isWorkingDay(date("2027-02-05"))).isFalse(); // 除夕
    assertThat(shipped.isWorkingDay(date("2027-04-05"))).isFalse(); // 清明
    assertThat(shipped.isWorkingDay(date("2027-06-09"))).isFalse(); // 端午
    assertThat(shipped.isWorkingDay(date("2027-09-15"))).isFalse(); // 中秋
    assertThat(shipped.isWorkingDay(date("2027-10-01"))).isFalse();
  }

  // --- the line format ---

  @Test
  void shouldExpandRangeAndIgnoreCommentsWhenLinesAreParsed() {
    WorkingDayCalendar calendar =
        WorkingDayCalendar.of(
            List.of(
                "\uFEFF# header",
                "",
                "  2026-10-01..2026-10-07   holiday 国庆节   # trailing comment",
                "2026-10-10 workday",
                "2026-10-11\tholiday\tnot a label # tabs"));

    assertThat(calendar.isWorkingDay(date("2026-09-30"))).isTrue();
    assertThat(calendar.isWorkingDay(date("2026-10-01"))).isFalse();
    assertThat(calendar.isWorkingDay(date("2026-10-07"))).isFalse();
    assertThat(calendar.isWorkingDay(date("2026-10-08"))).isTrue();
    assertThat(calendar.isWorkingDay(date("2026-10-10"))).isTrue();
    assertThat(calendar.isWorkingDay(date("2026-10-11"))).isFalse();
  }

  @Test
  void shouldNameLineNumberWhenDateIsInvalid() {
    assertThatThrownBy(
            () -> WorkingDayCalendar.of(List.of("# c", "2026-02-30 holiday 春节")))
        .isInstanceOf(CalendarFormatException.class)
        .hasMessageStartingWith("<lines>:2: bad date '2026-02-30'")
        .satisfies(e -> assertThat(((CalendarFormatException) e).lineNumber()).isEqualTo(2));
  }

  @Test
  void shouldRejectLineWhenKindIsUnknown() {
    assertThatThrownBy(() -> WorkingDayCalendar.of(List.of("2026-10-01 holidy 国庆节")))
        .isInstanceOf(CalendarFormatException.class)
        .hasMessageContaining(":1: unknown kind 'holidy'");
  }

  @Test
  void shouldRejectLineWhenKindIsMissing() {
    assertThatThrownBy(() -> WorkingDayCalendar.of(List.of("2026-10-01")))
        .isInstanceOf(CalendarFormatException.class)
        .hasMessageContaining(":1: expected DATE[..DATE] holiday|workday");
  }

  @Test
  void shouldRejectWorkdayWhenDateIsAWeekday() {
    // A typo such as 09-21 for 09-20 would otherwise pass unnoticed.
    assertThatThrownBy(() -> WorkingDayCalendar.of(List.of("2026-09-21 workday 国庆节调休")))
        .isInstanceOf(CalendarFormatException.class)
        .hasMessageContaining("only a Saturday or Sunday can be a workday");
  }

  @Test
  void shouldRejectRangeWhenItEndsBeforeItStartsOrIsTooLong() {
    assertThatThrownBy(() -> WorkingDayCalendar.of(List.of("2026-10-07..2026-10-01 holiday")))
        .hasMessageContaining("range ends before it starts");
    assertThatThrownBy(() -> WorkingDayCalendar.of(List.of("2026-10-01..2026-12-07 holiday")))
        .hasMessageContaining("range longer than");
  }

  @Test
  void shouldRejectDateWhenListedAsBothHolidayAndWorkday() {
    assertThatThrownBy(
            () ->
                WorkingDayCalendar.of(
                    List.of("2026-10-01..2026-10-10 holiday", "2026-10-10 workday")))
        .isInstanceOf(CalendarFormatException.class)
        .hasMessageContaining("<lines>:2: 2026-10-10 is already listed as holiday at <lines>:1");
  }

  @Test
  void shouldNameFileAndLineWhenLoadedFileHasBadLine(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("cn-2026.txt"), "2026-01-01 holiday 元旦\n", StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("cn-2027.txt"),
        "# 2027\n\n2027-01-01 holiday 元旦\n2027-13-01 holiday oops\n",
        StandardCharsets.UTF_8);

    assertThatThrownBy(() -> WorkingDayCalendar.load(dir))
        .isInstanceOf(CalendarFormatException.class)
        .hasMessageStartingWith("cn-2027.txt:4: bad date '2027-13-01'");
  }

  @Test
  void shouldReadOnlyTxtFilesWhenDirectoryIsLoaded(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("cn-2026.txt"), "2026-10-01 holiday 国庆节\n");
    Files.writeString(dir.resolve("README.md"), "not a calendar\n");

    WorkingDayCalendar calendar = WorkingDayCalendar.load(dir);

    assertThat(calendar.isWorkingDay(date("2026-10-01"))).isFalse();
    assertThat(calendar.years()).containsExactly(2026);
  }
}
