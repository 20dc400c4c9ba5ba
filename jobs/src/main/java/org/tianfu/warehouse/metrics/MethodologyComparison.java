package org.tianfu.warehouse.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One month's counties scored under the published methodology and under a proposed one (what-if
 * scoring): each county's rank change, the counties whose grade changes, and how far the proposal
 * keeps the order of the published scores (Spearman's ρ).
 */
public final class MethodologyComparison {
  /**
   * A county's row of county_scores under one methodology: the score (unrounded), round(score, 2)
   * as ranked and graded, the province rank and grade; all NULL for a county without a scored KPI.
   */
  public record Standing(Double score, BigDecimal score2dp, Integer rank, String grade) {
    public static final Standing UNSCORED = new Standing(null, null, null, null);

    public boolean scored() {
      return score != null;
    }
  }

  public record County(String code, String name, String cityName, Standing published, Standing proposed) {
    /** Published rank − proposed rank: positive = moves up; NULL unless ranked under both. */
    public Integer rankChange() {
      return published.rank() == null || proposed.rank() == null ? null : published.rank() - proposed.rank();
    }

    /** A grade gained or lost (a county no longer scored loses its grade) counts as a change. */
    public boolean changesGrade() {
      return !Objects.equals(published.grade(), proposed.grade());
    }

    boolean scoredInBoth() {
      return published.scored() && proposed.scored();
    }
  }

  private static final Comparator<Integer> RANK = Comparator.nullsLast(Comparator.naturalOrder());

  private final List<County> counties;

  /** The counties in the order of the proposed ranking (unranked last), then the published, then by code. */
  public MethodologyComparison(List<County> counties) {
    this.counties = counties.stream()
        .sorted(Comparator.comparing((County c) -> c.proposed().rank(), RANK)
            .thenComparing(c -> c.published().rank(), RANK).thenComparing(County::code))
        .toList();
  }

  public List<County> counties() {
    return counties;
  }

  public List<County> gradeChanges() {
    return counties.stream().filter(County::changesGrade).toList();
  }

  public int scoredInBoth() {
    return (int) counties.stream().filter(County::scoredInBoth).count();
  }

  /**
   * Spearman's ρ between the published and proposed scores of the counties scored under both: the
   * Pearson correlation of their ranks, tied scores sharing the average of their ranks. NULL when it
   * is undefined (fewer than two such counties, or all of them tied under one methodology).
   */
  public Double spearman() {
    List<County> both = counties.stream().filter(County::scoredInBoth).toList();
    long[] x = doubledRanks(both.stream().map(c -> c.published().score()).toList());
    long[] y = doubledRanks(both.stream().map(c -> c.proposed().score()).toList());
    // Twice the average ranks are integers, so the sums are exact: identical orders give exactly 1,
    // reversed ones exactly −1 (the square root of a square is exact in floating point).
    long n = x.length;
    long sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    for (int i = 0; i < n; i++) {
      sx += x[i];
      sy += y[i];
      sxx += x[i] * x[i];
      syy += y[i] * y[i];
      sxy += x[i] * y[i];
    }
    long covariance = n * sxy - sx * sy;
    long varianceX = n * sxx - sx * sx;
    long varianceY = n * syy - sy * sy;
    if (varianceX == 0 || varianceY == 0) {
      return null;
    }
    return covariance / Math.sqrt((double) varianceX * varianceY);
  }

  /** Each value's rank among them (1 = lowest), ties given their average rank, times two. */
  static long[] doubledRanks(List<Double> values) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing(values::get));
    long[] ranks = new long[values.size()];
    for (int first = 0; first < order.size(); ) {
      int last = first;
      while (last + 1 < order.size() && values.get(order.get(last + 1)).equals(values.get(order.get(first)))) {
        last++;
      }
      for (int i = first; i <= last; i++) {
        ranks[order.get(i)] = (first + 1) + (last + 1);   // positions first+1 … last+1, averaged, doubled
      }
      first = last + 1;
    }
    return ranks;
  }
}
