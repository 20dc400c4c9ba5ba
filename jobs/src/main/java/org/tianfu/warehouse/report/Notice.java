package org.tianfu.warehouse.report;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A plain-language notice at the top of a report: an empty or partial month, a county without
 * targets, scores computed with another methodology. {@code level} is "info" or "warning".
 */
public record Notice(String level, String text) {

  static Notice info(String text) {
    return new Notice("info", text);
  }

  static Notice warning(String text) {
    return new Notice("warning", text);
  }

  /** A month whose exports are not all in yet: the figures are those of the days so far. */
  static Notice partialMonth(YearMonth period, LocalDate dataAsOf) {
    if (dataAsOf == null) {
      return warning("仓库中没有导出数据的记录，数据截止日期不详。");
    }
    if (dataAsOf.isBefore(period.atEndOfMonth())) {
      return info("数据截至 " + Dates.day(dataAsOf) + "，" + Dates.month(period)
          + "的数据尚未到齐：本月实绩、得分和排名为截至该日的数据，会随后续数据更新。");
    }
    return null;
  }

  /** Gold's scores were computed with a methodology other than the one configured now. */
  static Notice otherMethodology(String goldVersion, String configured) {
    return warning("本月得分由评价方法 " + goldVersion + " 计算，与当前配置的方法 " + configured
        + " 不一致：「提分空间」按当前权重无法核对，本报告不列出。请重新运行计算后再生成报告。");
  }
}
