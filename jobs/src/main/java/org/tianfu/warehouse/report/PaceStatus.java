package org.tianfu.warehouse.report;

import java.math.BigDecimal;

/**
 * Where a KPI stands against time progress (序时进度). Decided on the pace as the report prints it
 * (a percentage with two decimals), so a line that reads 100.00% is on pace and never listed as
 * behind; a KPI without a target has no pace and is shown as such, never as zero.
 */
public enum PaceStatus {
  AHEAD("超前", "ahead"),
  ON_PACE("持平", "on-pace"),
  BEHIND("落后", "behind"),
  NO_TARGET("未下达目标", "no-target");

  private static final BigDecimal FULL_PACE = new BigDecimal("100.00");

  private final String label;
  private final String cssClass;

  PaceStatus(String label, String cssClass) {
    this.label = label;
    this.cssClass = cssClass;
  }

  public static PaceStatus of(Double pace) {
    if (pace == null) {
      return NO_TARGET;
    }
    int c = Figures.percent(pace).compareTo(FULL_PACE);
    return c > 0 ? AHEAD : c == 0 ? ON_PACE : BEHIND;
  }

  public String label() {
    return label;
  }

  public String cssClass() {
    return cssClass;
  }
}
