package org.tianfu.warehouse.report;

import java.math.BigDecimal;

/**
 * A row of gold.score_change_parts for the period: what one weighted KPI (or, for component
 * {@code renormalisation}, a change in which KPIs are scored) added to a county's score_change.
 * The parts of a county add up exactly to its score_change.
 */
public record ChangePart(String countyCode, String component, BigDecimal contribution, Double kpiScore,
    Double kpiScorePrevious) {
  public static final String RENORMALISATION = "renormalisation";

  public boolean renormalisation() {
    return RENORMALISATION.equals(component);
  }
}
