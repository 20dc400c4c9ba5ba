package org.tianfu.warehouse.generate;

import java.time.LocalDate;

/** Readable ids as the platform prints them: a prefix, the day they were born and a sequence, e.g. {@code U20240301-000123}. */
final class Ids {
  private Ids() {}

  static String daily(String prefix, LocalDate day, long index, int width) {
    return prefix + compactDate(day) + '-' + padded(index, width);
  }

  static String compactDate(LocalDate day) {
    return Integer.toString(day.getYear() * 10_000 + day.getMonthValue() * 100 + day.getDayOfMonth());
  }

  static String padded(long value, int width) {
    String digits = Long.toString(value);
    return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
  }
}
