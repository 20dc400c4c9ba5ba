package org.tianfu.warehouse.report;

/**
 * A county's row of gold.rank_uncertainty for the period: the province ranks it takes when the
 * weights and the cap vary (the nearest-rank 5th–95th percentiles over the draws), and how often
 * it is in the top 10 and the bottom 10. All NULL for an unscored county.
 */
public record RankInterval(Integer low, Integer high, Double pTop10, Double pBottom10, int draws) {
  /** "3–6"; "—" for an unscored county. */
  public String text() {
    return low == null ? "—" : low + "–" + high;
  }
}
