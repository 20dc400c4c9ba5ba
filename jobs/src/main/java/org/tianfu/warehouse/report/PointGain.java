package org.tianfu.warehouse.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * "Where the points are" (提分空间): for a scored KPI behind pace, the score points the county would
 * gain if that KPI alone reached pace (pace = 1) by the end of the month.
 *
 * <p>kpis.md: score = Σ_S w(k) · 100 · min(pace(k), cap) / Σ_S w(k), over the set S of weighted KPIs
 * with a target. The score is linear in each term, so raising KPI k's pace from p to 1, all else
 * unchanged, adds
 * <pre>  points(k) = 100 · w(k) / Σ_S w · (min(1, cap) − min(p, cap))</pre>
 * and since the methodology's cap is at least 1 and p &lt; 1, that is 100 · w(k) / Σ_S w · (1 − p).
 * Points of several KPIs add up. Computed in decimal from the methodology's decimal weights and the
 * exact value of gold's pace.
 */
public record PointGain(KpiLine line, BigDecimal weightShare, BigDecimal points) {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** The KPIs behind pace among {@code lines}, largest gain first (catalogue order on ties). */
  public static List<PointGain> of(List<KpiLine> lines, double cap) {
    BigDecimal weightSum = lines.stream().filter(KpiLine::scored).map(KpiLine::weight)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal reach = new BigDecimal(Math.min(1.0, cap));
    List<PointGain> gains = new ArrayList<>();
    for (KpiLine line : lines) {
      if (line.scored() && line.status() == PaceStatus.BEHIND) {
        BigDecimal share = line.weight().divide(weightSum, MathContext.DECIMAL64);
        BigDecimal gap = reach.subtract(new BigDecimal(Math.min(line.gold().pace(), cap)));
        gains.add(new PointGain(line, share, HUNDRED.multiply(share).multiply(gap).round(MathContext.DECIMAL64)));
      }
    }
    gains.sort(Comparator.comparing(PointGain::points).reversed());   // stable: catalogue order on ties
    return gains;
  }

  public static BigDecimal total(List<PointGain> gains) {
    return gains.stream().map(PointGain::points).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
