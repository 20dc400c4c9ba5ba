package org.tianfu.warehouse.report;

import java.time.LocalDate;
import java.time.YearMonth;

/** Dates as a Chinese report writes them: 2024年3月, 2024年3月17日. */
final class Dates {
  private Dates() {}

  static String month(YearMonth m) {
    return m.getYear() + "年" + m.getMonthValue() + "月";
  }

  static String day(LocalDate d) {
    return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
  }
}
