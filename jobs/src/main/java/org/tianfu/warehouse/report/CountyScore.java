package org.tianfu.warehouse.report;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One row of gold.county_scores as the reports read it. {@code score2dp} is round(score, 2) taken
 * by the same expression county_scores.sql ranks and grades with, so a printed score always agrees
 * with its rank and grade. Nullable fields are NULL in gold (an unscored county, no previous month).
 */
public record CountyScore(YearMonth period, String countyCode, String countyName, String cityCode,
    String cityName, Double score, BigDecimal score2dp, int kpisScored, Integer rankProvince,
    Integer rankCity, String grade, Double scoreChange, Integer rankChange, String methodologyVersion) {

  public boolean scored() {
    return score != null;
  }
}
