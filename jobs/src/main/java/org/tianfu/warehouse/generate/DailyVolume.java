package org.tianfu.warehouse.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** How many units a source produces on a business day: published volume × scale, weekly rhythm, ±10% noise. */
final class DailyVolume {
  private static final double NOISE = 0.2;

  private final Seeds seeds;
  private final double scale;

  DailyVolume(Seeds seeds, double scale) {
    this.seeds = seeds;
    this.scale = scale;
  }

  int count(LandingSource source, LocalDate day) {
    // Weekday and weekend factors average to 1 over a week, so unitsPerDay stays the weekly mean.
    double weekday = 7.0 / (5 + 2 * source.weekendRatio);
    boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    double noise = 1 + NOISE * (seeds.unit("volume/" + source.dirName, day, 0) - 0.5);
    long n = Math.round(source.unitsPerDay * scale * (weekend ? weekday * source.weekendRatio : weekday) * noise);
    return (int) Math.max(source.minUnitsPerDay, n);
  }

  /** The long-run mean of {@link #count}, what annual targets are sized from. */
  double expectedPerDay(LandingSource source) {
    return Math.max(source.minUnitsPerDay, source.unitsPerDay * scale);
  }
}
