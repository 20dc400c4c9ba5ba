package org.tianfu.warehouse.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * A wall-clock moment in Asia/Shanghai to the millisecond. China has kept UTC+8 all year since
 * 1991, so converting to an instant is a fixed offset and needs no time-zone lookups per record.
 */
record Moment(LocalDate day, int secondOfDay, int millis) {
  static final int SECONDS_PER_DAY = 86_400;
  static final int SHANGHAI_OFFSET_SECONDS = 8 * 3_600;
  private static final double SHARE_WITH_MILLIS = 0.05;

  /** A moment on {@code day}; a few carry milliseconds, as some exporters print them. */
  static Moment of(LocalDate day, int secondOfDay, SplittableRandom r) {
    int millis = r.nextDouble() < SHARE_WITH_MILLIS ? 1 + r.nextInt(999) : 0;
    return new Moment(day, secondOfDay, millis);
  }

  static Moment ofEpochMilli(long epochMilli) {
    long local = epochMilli + SHANGHAI_OFFSET_SECONDS * 1000L;
    long dayMillis = Math.floorMod(local, SECONDS_PER_DAY * 1000L);
    return new Moment(LocalDate.ofEpochDay(Math.floorDiv(local, SECONDS_PER_DAY * 1000L)),
        (int) (dayMillis / 1000), (int) (dayMillis % 1000));
  }

  long epochMilli() {
    return (day.toEpochDay() * SECONDS_PER_DAY + secondOfDay - SHANGHAI_OFFSET_SECONDS) * 1000L + millis;
  }

  Moment plusSeconds(long seconds) {
    return ofEpochMilli(epochMilli() + seconds * 1000L);
  }
}
