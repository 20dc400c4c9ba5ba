package org.tianfu.warehouse.report;

import java.util.List;
import java.util.Map;

/**
 * What says how far a period's scores can be trusted, by county: the rank interval, the target
 * flags and the parts of the score change (gold.rank_uncertainty, gold.target_flags,
 * gold.score_change_parts).
 */
public record ScoreChecks(Map<String, RankInterval> intervals, Map<String, List<TargetFlag>> flags,
    Map<String, List<ChangePart>> changeParts) {

  public RankInterval interval(String countyCode) {
    return intervals.get(countyCode);
  }

  public List<TargetFlag> flags(String countyCode) {
    return flags.getOrDefault(countyCode, List.of());
  }

  public List<ChangePart> changeParts(String countyCode) {
    return changeParts.getOrDefault(countyCode, List.of());
  }

  /** Every flag of the period, by county code then KPI. */
  public List<TargetFlag> allFlags() {
    return flags.values().stream().flatMap(List::stream).toList();
  }
}
