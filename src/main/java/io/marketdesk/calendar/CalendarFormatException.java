package io.marketdesk.calendar;

/**
 * A calendar file holds a line that is not a valid entry, or two entries that contradict each
 * other. The message names the file and the line number ({@code cn-2026.txt:12: ...}), so an
 * operator can fix the file; the application should refuse to start with a broken calendar rather
 * than compute wrong due dates.
 */
public final class CalendarFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int lineNumber;

  CalendarFormatException(String source, int lineNumber, String problem, String line) {
    super(source + ":" + lineNumber + ": " + problem + ": \"" + line.strip() + "\"");
    this.source = source;
    this.lineNumber = lineNumber;
  }

  /** The file name (or {@code <lines>} for {@link WorkingDayCalendar#of}) holding the bad line. */
  public String source() {
    return source;
  }

  /** The 1-based number of the bad line. */
  public int lineNumber() {
    return lineNumber;
  }
}
