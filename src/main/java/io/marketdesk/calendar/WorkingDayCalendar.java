package io.marketdesk.calendar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Working days on a calendar of weekends and public holidays with make-up working days (调休), the
 * calendar that review due dates are counted on (docs/reviews.md).
 *
 * <p>A day is a working day when a calendar file lists it as {@code workday}; otherwise it is not
 * when a file lists it as {@code holiday} or when it is a Saturday or Sunday; every other day is a
 * working day. The files are read from {@code config/calendar/}, one per year; their line format is
 * described in {@code docs/calendar.md}:
 *
 * <pre>
 * # comment
 * 2026-10-01..2026-10-07 holiday 国庆节
 * 2026-10-10             workday 国庆节调休   # trailing comment
 * </pre>
 *
 * <p>A year is {@linkplain #covers covered} when at least one line falls in it. For a date in a year
 * that no file covers only weekends count as non-working, and a WARN is logged once per year, so a
 * missing file for next year shows in the log instead of silently giving wrong due dates.
 *
 * <p>Immutable and thread-safe: the only mutable state is the set of years already warned about,
 * a concurrent set that does not affect any result.
 */
public final class WorkingDayCalendar {
  private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

  /** The longest range one line may give; a longer one is almost surely a typo. */
  static final int MAX_RANGE_DAYS = 31;

  private enum Kind {
    HOLIDAY,
    WORKDAY
  }

  private record Listed(Kind kind, String where) {}

  private final Map<LocalDate, Kind> listed;
  private final SortedSet<Integer> years;
  private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

  private WorkingDayCalendar(Map<LocalDate, Kind> listed, SortedSet<Integer> years) {
    this.listed = Map.copyOf(listed);
    this.years = Collections.unmodifiableSortedSet(new TreeSet<>(years));
  }

  /**
   * Reads every {@code *.txt} file in {@code directory} (in file-name order) into one calendar.
   *
   * @throws CalendarFormatException naming the file and line when a line is invalid or two lines
   *     (in the same or different files) list one date as both holiday and workday
   * @throws IOException when the directory or a file cannot be read (including bad UTF-8)
   */
  public static WorkingDayCalendar load(Path directory) throws IOException {
    List<Path> files;
    try (Stream<Path> entries = Files.list(directory)) {
      files =
          entries
              .filter(p -> p.getFileName().toString().endsWith(".txt") && Files.isRegularFile(p))
              .sorted()
              .collect(Collectors.toList());
    }
    Parser parser = new Parser();
    for (Path file : files) {
      parser.parse(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    }
    WorkingDayCalendar calendar = parser.build();
    if (files.isEmpty()) {
      log.warn("No calendar files (*.txt) in {}: only weekends are non-working days", directory);
    } else {
      log.info("Working-day calendar from {}: covers {}", directory, calendar.years);
    }
    return calendar;
  }

  /**
   * A calendar from the lines of one file, for tests and for callers that hold the text already.
   * Errors name the source {@code <lines>}.
   *
   * @throws CalendarFormatException when a line is invalid or two lines contradict each other
   */
  public static WorkingDayCalendar of(List<String> lines) {
    Parser parser = new Parser();
    parser.parse("<lines>", lines);
    return parser.build();
  }

  /** True when {@code date} is a working day (see the class comment for the rule). */
  public boolean isWorkingDay(LocalDate date) {
    Kind kind = listed.get(date);
    if (kind != null) {
      return kind == Kind.WORKDAY;
    }
    if (!years.contains(date.getYear()) && warnedYears.add(date.getYear())) {
      log.warn(
          "No holiday calendar for {} (covered: {}): counting only weekends as non-working days;"
              + " add config/calendar/cn-{}.txt",
          date.getYear(),
          years,
          date.getYear());
    }
    return !isWeekend(date);
  }

  /**
   * The {@code n}-th working day after {@code start}; {@code start} itself is not counted, whether
   * or not it is a working day. With {@code n == 0} this is {@code start}.
   *
   * @throws IllegalArgumentException when {@code n} is negative
   */
  public LocalDate addWorkingDays(LocalDate start, int n) {
    Objects.requireNonNull(start, "start");
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
    LocalDate day = start;
    int remaining = n;
    while (remaining > 0) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        remaining--;
      }
    }
    return day;
  }

  /**
   * The number of working days after {@code from} up to and including {@code to}; 0 when {@code
   * to} is not after {@code from}. The inverse of {@link #addWorkingDays}: {@code
   * workingDaysBetween(d, addWorkingDays(d, n)) == n}.
   */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    int count = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }

  /**
   * The day a review submitted at {@code submitted} is due: the {@code workingDays}-th working day
   * after the submission day, the submission day being the local date of {@code submitted} in
   * {@code zone}. This is the date to show in mails.
   */
  public LocalDate dueDay(Instant submitted, int workingDays, ZoneId zone) {
    return addWorkingDays(LocalDate.ofInstant(submitted, zone), workingDays);
  }

  /**
   * The instant a review submitted at {@code submitted} becomes overdue: the start (00:00 local
   * time in {@code zone}) of the day after its {@link #dueDay due day}. The bound is exclusive: an
   * answer is in time when it comes {@code before} this instant, and the review is overdue when
   * {@code !now.isBefore(due)}. The whole due day, to its last nanosecond, is therefore in time.
   */
  public Instant due(Instant submitted, int workingDays, ZoneId zone) {
    return dueDay(submitted, workingDays, zone).plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** True when the calendar files list at least one day in {@code date}'s year. */
  public boolean covers(LocalDate date) {
    return years.contains(date.getYear());
  }

  /** The years the calendar covers, ascending (for the startup log and the status page). */
  public SortedSet<Integer> years() {
    return years;
  }

  @Override
  public String toString() {
    return "WorkingDayCalendar[years=" + years + ", listedDays=" + listed.size() + "]";
  }

  private static boolean isWeekend(LocalDate date) {
    DayOfWeek dow = date.getDayOfWeek();
    return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
  }

  /** Collects the lines of one or more files; checks each line and contradictions across lines. */
  private static final class Parser {
    private final Map<LocalDate, Listed> listed = new HashMap<>();

    void parse(String source, List<String> lines) {
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (i == 0 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        parseLine(source, i + 1, line);
      }
    }

    private void parseLine(String source, int lineNumber, String line) {
      int hash = line.indexOf('#');
      String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (content.isEmpty()) {
        return;
      }
      String[] fields = content.split("\\s+", 3);
      if (fields.length < 2) {
        throw new CalendarFormatException(
            source, lineNumber, "expected DATE[..DATE] holiday|workday [label]", line);
      }
      LocalDate first;
      LocalDate last;
      String[] range = fields[0].split("\\.\\.", -1);
      if (range.length > 2) {
        throw new CalendarFormatException(source, lineNumber, "bad date range", line);
      }
      try {
        first = LocalDate.parse(range[0]);
        last = range.length == 2 ? LocalDate.parse(range[1]) : first;
      } catch (DateTimeParseException e) {
        throw new CalendarFormatException(
            source, lineNumber, "bad date '" + e.getParsedString() + "' (expected yyyy-mm-dd)", line);
      }
      if (last.isBefore(first)) {
        throw new CalendarFormatException(source, lineNumber, "range ends before it starts", line);
      }
      if (ChronoUnit.DAYS.between(first, last) >= MAX_RANGE_DAYS) {
        throw new CalendarFormatException(
            source, lineNumber, "range longer than " + MAX_RANGE_DAYS + " days", line);
      }
      Kind kind;
      if (fields[1].equals("holiday")) {
        kind = Kind.HOLIDAY;
      } else if (fields[1].equals("workday")) {
        kind = Kind.WORKDAY;
      } else {
        throw new CalendarFormatException(
            source,
            lineNumber,
            "unknown kind '" + fields[1] + "' (expected holiday or workday)",
            line);
      }
      String where = source + ":" + lineNumber;
      for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
        if (kind == Kind.WORKDAY && !isWeekend(day)) {
          throw new CalendarFormatException(
              source,
              lineNumber,
              day + " is a " + day.getDayOfWeek() + ": only a Saturday or Sunday can be a workday",
              line);
        }
        Listed before = listed.putIfAbsent(day, new Listed(kind, where));
        if (before != null && before.kind() != kind) {
          throw new CalendarFormatException(
              source,
              lineNumber,
              day + " is already listed as " + before.kind().name().toLowerCase(Locale.ROOT) + " at "
                  + before.where(),
              line);
        }
      }
    }

    WorkingDayCalendar build() {
      Map<LocalDate, Kind> kinds = new HashMap<>();
      SortedSet<Integer> years = new TreeSet<>();
      for (Map.Entry<LocalDate, Listed> e : listed.entrySet()) {
        kinds.put(e.getKey(), e.getValue().kind());
        years.add(e.getKey().getYear());
      }
      return new WorkingDayCalendar(kinds, years);
    }
  }
}
