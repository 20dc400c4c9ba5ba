package org.tianfu.warehouse.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Prints a moment in one of the ISO-8601 forms the platform's exporters use: with {@code +08:00},
 * in UTC with {@code Z}, or with no offset (which the contract reads as Shanghai time). Moments
 * before 08:00 Shanghai are often printed in UTC, where they show the previous date: on the 1st
 * of a month that is a different month, which the pipeline must bucket in Shanghai time.
 */
final class IsoTimestamps {
  private IsoTimestamps() {}

  static String format(Moment m, SplittableRandom r) {
    boolean previousDateInUtc = m.secondOfDay() < Moment.SHANGHAI_OFFSET_SECONDS;
    double u = r.nextDouble();
    if (u < (previousDateInUtc ? 0.5 : 0.2)) {
      int utcSecond = m.secondOfDay() - Moment.SHANGHAI_OFFSET_SECONDS;
      return previousDateInUtc
          ? write(m.day().minusDays(1), utcSecond + Moment.SECONDS_PER_DAY, m.millis(), "Z")
          : write(m.day(), utcSecond, m.millis(), "Z");
    }
    if (u < (previousDateInUtc ? 0.75 : 0.45)) {
      return write(m.day(), m.secondOfDay(), m.millis(), "");
    }
    return write(m.day(), m.secondOfDay(), m.millis(), "+08:00");
  }

  private static String write(LocalDate day, int secondOfDay, int millis, String offset) {
    StringBuilder sb = new StringBuilder(29).append(day).append('T');
    two(sb, secondOfDay / 3_600).append(':');
    two(sb, secondOfDay / 60 % 60).append(':');
    two(sb, secondOfDay % 60);
    if (millis != 0) {
      sb.append('.').append(Ids.padded(millis, 3));
    }
    return sb.append(offset).toString();
  }

  private static StringBuilder two(StringBuilder sb, int value) {
    return sb.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }
}
