package org.tianfu.warehouse.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tianfu.warehouse.models.Relation;

/**
 * The draws of rank_uncertainty.sql, made here rather than by the engines' random functions so that
 * Spark and DuckDB read the very same numbers: a seeded {@link SplittableRandom} (its algorithm is
 * specified, so a seed gives the same sequence on every JVM). Per draw, in order: the cap, then one
 * factor per weighted KPI in the methodology's order.
 *
 * <p>Weights are renormalised to sum 1 and put on a grid of 2^-30: sums of at most ten of them, and
 * of the 2^-40-grid terms the SQL builds from them, are then exact in a DOUBLE, so a draw's score
 * does not depend on the order an engine adds in.
 */
final class MonteCarloDraws {
  private static final double WEIGHT_GRID = 0x1p30;

  private final List<Object[]> weights = new ArrayList<>();
  private final List<Object[]> caps = new ArrayList<>();

  MonteCarloDraws(Methodology.RankUncertainty rules, Map<String, BigDecimal> published) {
    SplittableRandom random = new SplittableRandom(rules.seed());
    for (int draw = 1; draw <= rules.draws(); draw++) {
      caps.add(new Object[] {draw, uniform(random, rules.capLow(), rules.capHigh())});
      double[] drawn = new double[published.size()];
      double sum = 0;
      int i = 0;
      for (BigDecimal w : published.values()) {
        drawn[i] = w.doubleValue() * uniform(random, rules.weightFactorLow(), rules.weightFactorHigh());
        sum += drawn[i++];
      }
      i = 0;
      for (String kpi : published.keySet()) {
        weights.add(new Object[] {draw, kpi, Math.rint(drawn[i++] / sum * WEIGHT_GRID) / WEIGHT_GRID});
      }
    }
  }

  private static double uniform(SplittableRandom random, double low, double high) {
    return low + (high - low) * random.nextDouble();
  }

  /** draw_weights: the renormalised weight of each weighted KPI in each draw. */
  Relation weights() {
    return new Relation("draw_weights", Relation.columns("draw INT", "kpi_code VARCHAR", "weight DOUBLE"), weights);
  }

  /** draw_caps: the kpi_score cap of each draw. */
  Relation caps() {
    return new Relation("draw_caps", Relation.columns("draw INT", "cap DOUBLE"), caps);
  }
}
