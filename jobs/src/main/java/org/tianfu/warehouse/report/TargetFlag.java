package org.tianfu.warehouse.report;

import java.math.BigDecimal;

/**
 * A row of gold.target_flags for the period: a county's KPI whose annual target is unlikely to mean
 * what it says, with the figures behind the flag. {@code label} is the short marker, {@code reason}
 * the sentence a county office reads.
 */
public record TargetFlag(String countyCode, String kpiCode, String flag, BigDecimal target, BigDecimal actualYtd,
    Double pace, BigDecimal lastYearActual, Double robustZ, Double threshold) {

  public String label() {
    return switch (flag) {
      case "target_far_below_pace" -> "目标偏低";
      case "no_activity_against_target" -> "全年无实绩";
      case "target_outlier_low" -> "目标远低于上年";
      case "target_outlier_high" -> "目标远高于上年";
      default -> flag;
    };
  }

  public String reason() {
    return switch (flag) {
      case "target_far_below_pace" -> "年度累计 " + Figures.amount(actualYtd) + "，已达年度目标 " + Figures.amount(target)
          + " 的 " + Figures.percentText(actualYtd.doubleValue() / target.doubleValue(), "") + "，进度比 "
          + Figures.percentText(pace, "") + "，达到序时进度的 " + Figures.amount(BigDecimal.valueOf(threshold)) + " 倍以上：目标可能定得过低，已不能区分各县的努力程度。";
      case "no_activity_against_target" -> "已下达年度目标 " + Figures.amount(target) + "，但本年至今没有任何实绩。";
      case "target_outlier_low", "target_outlier_high" -> "年度目标 " + Figures.amount(target) + " 为上年实绩 "
          + Figures.amount(lastYearActual) + " 的 " + Figures.percentText(target.doubleValue() / lastYearActual.doubleValue(), "")
          + "，与全省各县目标相对上年实绩的一般水平相比明显" + (flag.endsWith("low") ? "偏低" : "偏高")
          + "（稳健 z 值 " + Figures.signedTwoDecimals(robustZ) + "，阈值 ±" + Figures.amount(BigDecimal.valueOf(Math.abs(threshold))) + "）。";
      default -> flag;
    };
  }
}
