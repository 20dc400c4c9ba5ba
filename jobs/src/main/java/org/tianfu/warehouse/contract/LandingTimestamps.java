package org.tianfu.warehouse.contract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;

/**
 * How the contract reads time: ISO-8601 date-times (a date alone is not one); no offset means
 * Asia/Shanghai; months and years are bucketed in Asia/Shanghai.
 */
public final class LandingTimestamps {
  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  // Offset optional, in any ISO form: Z, +08, +0800, +08:00.
  private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
      .optionalStart().appendPattern("[XXX][XX][X]").optionalEnd()
      .toFormatter()
      .withResolverStyle(ResolverStyle.STRICT);

  private LandingTimestamps() {}

  /** The instant a landing timestamp names, or null when it is not an ISO-8601 date-time. */
  public static Instant parseInstant(String text) {
    Instant common = parseCommonForm(text);
    return common != null ? common : parseIso(text);
  }

  /** Any ISO-8601 date-time, through java.time's parser. */
  static Instant parseIso(String text) {
    try {
      TemporalAccessor parsed = DATE_TIME.parseBest(text, java.time.OffsetDateTime::from, LocalDateTime::from);
      if (parsed instanceof java.time.OffsetDateTime odt) {
        return odt.toInstant();
      }
      return ((LocalDateTime) parsed).atZone(SHANGHAI).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The forms the platform exports ({@code 2024-01-31T16:30:00}, with {@code Z} or {@code ±HH:MM} or
   * nothing after it), read digit by digit; null for anything else, which {@link #parseIso} then
   * decides. java.time's parser took 8% of a night's executor samples, in the task that validates
   * the deliveries (BENCHMARKS.md, "Levers kept": common timestamp forms read by hand).
   */
  static Instant parseCommonForm(String t) {
    int n = t.length();
    if ((n != 19 && n != 20 && n != 25) || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
        || t.charAt(13) != ':' || t.charAt(16) != ':') {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 2);
    int day = digits(t, 8, 2);
    int hour = digits(t, 11, 2);
    int minute = digits(t, 14, 2);
    int second = digits(t, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    try {
      LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second);
      if (n == 19) {
        return local.atZone(SHANGHAI).toInstant();
      }
      if (n == 20) {
        return t.charAt(19) == 'Z' ? local.toInstant(ZoneOffset.UTC) : null;
      }
      char sign = t.charAt(19);
      int offsetHours = digits(t, 20, 2);
      int offsetMinutes = digits(t, 23, 2);
      if ((sign != '+' && sign != '-') || t.charAt(22) != ':' || (offsetHours | offsetMinutes) < 0) {
        return null;
      }
      int signum = sign == '+' ? 1 : -1;
      return local.toInstant(ZoneOffset.ofHoursMinutes(signum * offsetHours, signum * offsetMinutes));
    } catch (DateTimeException e) {
      return null;   // out of range (February 30, hour 24, offset 19:00): the ISO parser says why not
    }
  }

  /** The decimal number in {@code t[from, from + count)}, or -1 when a character is not an ASCII digit. */
  private static int digits(String t, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** A strict {@code YYYY-MM-DD} date, or null. */
  public static LocalDate parseDate(String text) {
    if (text.length() != 10) {
      return null;
    }
    try {
      return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
