package io.marketdesk.text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How a moment is written for a person, in every language alike: the day as {@code 2026-11-28} and
 * the minute as {@code 2026-11-28 09:30}, in the service's zone (orders.zone). The one place these
 * patterns are written. Stateless and thread-safe.
 */
public final class Dates {
  /** {@code yyyy-MM-dd HH:mm}, without a zone: give it one with {@code withZone}, or use {@link #minute}. */
  public static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  /** {@code yyyy-MM-dd HH:mm:ss}, without a zone (the status page, the undo window's end). */
  public static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private Dates() {}

  /** The minute of {@code millis} in {@code zone}: {@code 2026-11-28 09:30}. */
  public static String minute(long millis, ZoneId zone) {
    return MINUTE.format(Instant.ofEpochMilli(millis).atZone(zone));
  }

  /** The day of {@code millis} in {@code zone}: {@code 2026-11-28}. */
  public static String day(long millis, ZoneId zone) {
    return LocalDate.ofInstant(Instant.ofEpochMilli(millis), zone).toString();
  }
}
