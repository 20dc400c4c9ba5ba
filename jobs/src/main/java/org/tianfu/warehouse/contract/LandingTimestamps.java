package org.tianfu.warehouse.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
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
