package org.tianfu.warehouse.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.tianfu.warehouse.contract.County;

/**
 * One county's monthly report, as numbers: everything the HTML, PDF and XLSX forms show. Only this
 * county's own detail lines; other counties only as {@link Peer}s.
 *
 * @param score          this county's gold.county_scores row for the period
 * @param previous       its row of the previous calendar month, null when gold does not have that month
 * @param provinceRanked N in "rank r of N": counties ranked in the province this month
 * @param cityRanked     M in "city rank r of M": counties ranked in this county's city
 * @param cityRankChange previous month's rank_city − this month's (positive = moved up), as gold's rank_change
 * @param gains          "where the points are"; empty when {@code gainsShown} is false
 * @param trajectory     this county's score rows from January to the period
 * @param interval       its rank interval (gold.rank_uncertainty); null when gold has none
 * @param changeParts    what moved its score since the previous month (gold.score_change_parts)
 * @param flags          its KPIs whose targets are flagged (gold.target_flags)
 */
public record CountyReport(County county, YearMonth period, String methodologyVersion, LocalDate dataAsOf,
    CountyScore score, CountyScore previous, int provinceRanked, int cityRanked, Integer cityRankChange, List<KpiLine> kpis,
    boolean gainsShown, List<PointGain> gains, List<CountyScore> trajectory, List<Peer> cityPeers,
    List<Notice> notices, RankInterval interval, List<ChangePart> changeParts, List<TargetFlag> flags) {

  /** A KPI's Chinese name, as the catalogue gives it. */
  public String kpiName(String kpiCode) {
    return kpis.stream().filter(l -> l.kpi().code().equals(kpiCode)).map(l -> l.kpi().nameZh()).findFirst()
        .orElse(kpiCode);
  }
}
