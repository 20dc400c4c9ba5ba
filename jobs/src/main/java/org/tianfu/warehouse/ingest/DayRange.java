package org.tianfu.warehouse.ingest;

import java.time.LocalDate;

/** Export days from {@code first} to {@code last}, inclusive; a null end is unbounded. */
public record DayRange(LocalDate first, LocalDate last) {
  public static final DayRange ALL = new DayRange(null, null);

  public static DayRange of(LocalDate day) {
    return new DayRange(day, day);
  }

  public boolean contains(String dt) {
    LocalDate day = LocalDate.parse(dt);
    return (first == null || !day.isBefore(first)) && (last == null || !day.isAfter(last));
  }

  @Override
  public String toString() {
    if (first == null && last == null) {
      return "all days";
    }
    return (first == null ? "…" : first.toString()) + ".." + (last == null ? "…" : last.toString());
  }
}
