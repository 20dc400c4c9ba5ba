package org.tianfu.warehouse.report;

import java.math.BigDecimal;
import org.tianfu.warehouse.metrics.KpiCatalogue;

/**
 * One KPI of a county's report: its gold row, its weight in the methodology (null when the KPI is
 * not weighted) and whether it counts in this county's score — weighted and with a target above
 * zero, the rule county_scores.sql applies.
 */
public record KpiLine(KpiCatalogue.Kpi kpi, BigDecimal weight, KpiMonth gold) {

  public boolean scored() {
    return weight != null && gold.target() != null && gold.target().signum() > 0;
  }

  public PaceStatus status() {
    return PaceStatus.of(gold.pace());
  }
}
