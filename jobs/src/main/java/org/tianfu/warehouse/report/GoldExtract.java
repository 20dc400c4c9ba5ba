package org.tianfu.warehouse.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one report run reads from gold, once, as plain records: the period's KPI rows by county,
 * every county's score rows from January of the period's year to the period (the trajectory), the
 * previous calendar month's when the warehouse has it (city-rank change), the checks on the
 * period's scores, and the latest export date. Small — 183 counties × 13 KPIs and ≤ 13 months of
 * scores — so reports render without Spark.
 */
public record GoldExtract(YearMonth period, LocalDate dataAsOf, Map<YearMonth, List<CountyScore>> scoresByMonth,
    Map<String, List<KpiMonth>> kpisByCounty, ScoreChecks checks) {

  public List<CountyScore> scores(YearMonth month) {
    return scoresByMonth.getOrDefault(month, List.of());
  }

  public List<CountyScore> periodScores() {
    return scores(period);
  }

  public List<KpiMonth> kpis(String countyCode) {
    return kpisByCounty.getOrDefault(countyCode, List.of());
  }

  /**
   * The previous calendar month's rank_city − this month's, for one county (positive = moved up),
   * the sign convention of gold's rank_change; null when either is unranked or the month is not in gold.
   */
  public Integer cityRankChange(String countyCode) {
    Integer now = row(period, countyCode).map(CountyScore::rankCity).orElse(null);
    Integer before = previous(countyCode).map(CountyScore::rankCity).orElse(null);
    return now == null || before == null ? null : before - now;
  }

  /** The county's row of the previous calendar month, when gold has that month. */
  public Optional<CountyScore> previous(String countyCode) {
    return row(period.minusMonths(1), countyCode);
  }

  private Optional<CountyScore> row(YearMonth month, String countyCode) {
    return scores(month).stream().filter(s -> s.countyCode().equals(countyCode)).findFirst();
  }

  /** The methodology version the period's scores were computed with (one per period in gold). */
  public String methodologyVersion() {
    return periodScores().stream().map(CountyScore::methodologyVersion).findFirst().orElse(null);
  }
}
