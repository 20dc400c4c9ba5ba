package org.tianfu.warehouse.report;

import java.math.BigDecimal;

/**
 * One row of gold.kpi_county_month for the report's period: a county's KPI with its month actual,
 * year-to-date, annual target (NULL when the province set none) and the ratios gold computed.
 */
public record KpiMonth(String countyCode, String kpiCode, BigDecimal actual, BigDecimal actualYtd,
    BigDecimal target, Double completionRate, double timeProgress, Double pace) {}
