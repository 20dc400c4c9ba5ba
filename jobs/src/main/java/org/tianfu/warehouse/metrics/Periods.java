package org.tianfu.warehouse.metrics;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.tianfu.warehouse.models.Relation;

/**
 * The {@code periods} relation: months as {@code YYYY-MM} with year, month, the calendar month before
 * and the December before (the month whose YTD is last year's actual).
 */
public final class Periods {
  private Periods() {}

  public static Relation relation(Collection<YearMonth> months) {
    List<Object[]> rows = new ArrayList<>();
    for (YearMonth m : new TreeSet<>(months)) {
      rows.add(new Object[] {m.toString(), m.getYear(), m.getMonthValue(), m.minusMonths(1).toString(),
          YearMonth.of(m.getYear() - 1, 12).toString()});
    }
    return new Relation("periods", Relation.columns("period VARCHAR", "year INT", "month INT",
        "prev_period VARCHAR", "prev_december VARCHAR"), rows);
  }

  /** Every month from {@code first} to {@code last}, inclusive. */
  public static List<YearMonth> between(YearMonth first, YearMonth last) {
    List<YearMonth> out = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      out.add(m);
    }
    return out;
  }
}
