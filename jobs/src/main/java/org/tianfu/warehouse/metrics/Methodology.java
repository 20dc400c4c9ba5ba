package org.tianfu.warehouse.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tianfu.warehouse.models.Relation;

/**
 * The scoring methodology (kpis.md, "Score, rank, grade") as configuration with a version:
 * weights, the kpi_score cap and grade bands, from {@code schemas/methodology.json}; and the rules
 * that say how far a score can be trusted (docs/methodology.md): target plausibility and rank
 * uncertainty. Validated at load, so a run never scores with weights that do not add up or name an
 * unknown KPI.
 */
public record Methodology(String version, double kpiScoreCap, Map<String, BigDecimal> weights,
    List<GradeBand> grades, TargetPlausibility targetPlausibility, RankUncertainty rankUncertainty) {

  /** Scores from {@code minScore} (inclusive; NULL = no lower bound) up to the band above. */
  public record GradeBand(String grade, BigDecimal minScore) {}

  /**
   * gold.target_flags: from month {@code fromMonth} on, a pace of at least {@code paceMultiple}
   * flags a target set too low, and no activity at all flags a target nobody works towards; a
   * target whose ratio to last year's actual has a robust z-score beyond ±{@code outlierZ} among at
   * least {@code outlierMinCounties} counties is an outlier.
   */
  public record TargetPlausibility(int fromMonth, double paceMultiple, double outlierZ, int outlierMinCounties) {}

  /**
   * gold.rank_uncertainty: {@code draws} Monte Carlo draws from {@code seed}, each weight times a
   * uniform factor in [weightFactorLow, weightFactorHigh], the cap uniform in [capLow, capHigh];
   * the interval is the ranks at the {@code percentileLow} and {@code percentileHigh} positions.
   */
  public record RankUncertainty(int draws, long seed, double weightFactorLow, double weightFactorHigh,
      double capLow, double capHigh, BigDecimal percentileLow, BigDecimal percentileHigh) {

    /** The nearest-rank position of a percentile among the draws: ceil(p × draws). */
    int position(BigDecimal percentile) {
      return percentile.multiply(BigDecimal.valueOf(draws)).setScale(0, RoundingMode.CEILING).intValueExact();
    }
  }

  public static Methodology load(KpiCatalogue catalogue) {
    try (InputStream in = Methodology.class.getResourceAsStream("/schemas/methodology.json")) {
      if (in == null) {
        throw new IllegalStateException("methodology missing from the jar: /schemas/methodology.json");
      }
      return parse(new ObjectMapper().readTree(in), catalogue, "schemas/methodology.json");
    } catch (IOException e) {
      throw new IllegalStateException("schemas/methodology.json is not valid JSON: " + e.getMessage());
    }
  }

  /** A proposed methodology from a file (what-if scoring); every problem names the file. */
  public static Methodology read(Path file, KpiCatalogue catalogue) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(new ObjectMapper().readTree(in), catalogue, file.toString());
    } catch (IOException e) {
      throw new IllegalStateException(file + " cannot be read as JSON: " + e.getMessage());
    }
  }

  static Methodology parse(JsonNode root, KpiCatalogue catalogue, String source) {
    String where = source + ": ";
    String version = root.path("version").asText("");
    if (version.isBlank()) {
      throw new IllegalStateException(where + "'version' is required");
    }
    JsonNode cap = root.path("kpi_score_cap");
    if (!cap.isNumber() || cap.asDouble() < 1) {
      throw new IllegalStateException(where + "'kpi_score_cap' must be a number ≥ 1");
    }
    Map<String, BigDecimal> weights = new LinkedHashMap<>();
    BigDecimal sum = BigDecimal.ZERO;
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("weights").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!catalogue.contains(e.getKey())) {
        throw new IllegalStateException(where + "weight for unknown KPI '" + e.getKey() + "'");
      }
      if (!e.getValue().isNumber() || e.getValue().decimalValue().signum() <= 0) {
        throw new IllegalStateException(where + "weight of " + e.getKey() + " must be a number > 0");
      }
      weights.put(e.getKey(), e.getValue().decimalValue());
      sum = sum.add(e.getValue().decimalValue());
    }
    if (sum.compareTo(BigDecimal.ONE) != 0) {
      throw new IllegalStateException(where + "weights must sum to 1, they sum to " + sum.toPlainString());
    }
    List<GradeBand> grades = new ArrayList<>();
    BigDecimal previous = null;
    for (JsonNode g : root.path("grades")) {
      JsonNode min = g.path("min_score");
      BigDecimal minScore = min.isNumber() ? min.decimalValue() : null;
      if (previous != null && (minScore == null ? false : minScore.compareTo(previous) >= 0)) {
        throw new IllegalStateException(where + "grades must be listed from the highest min_score down");
      }
      if (!grades.isEmpty() && grades.get(grades.size() - 1).minScore() == null) {
        throw new IllegalStateException(where + "only the last grade may have no min_score");
      }
      grades.add(new GradeBand(g.path("grade").asText(), minScore));
      previous = minScore;
    }
    if (grades.isEmpty() || grades.get(grades.size() - 1).minScore() != null) {
      throw new IllegalStateException(where + "the last grade must have min_score null (every score gets a grade)");
    }
    return new Methodology(version, cap.asDouble(), weights, List.copyOf(grades),
        targetPlausibility(root.path("target_plausibility"), where), rankUncertainty(root.path("rank_uncertainty"), where));
  }

  private static TargetPlausibility targetPlausibility(JsonNode node, String where) {
    String at = where + "target_plausibility.";
    return new TargetPlausibility((int) number(node, "from_month", 1, 12, at), number(node, "pace_multiple", 1, 1e9, at),
        number(node, "outlier_z", 0.1, 1e9, at), (int) number(node, "outlier_min_counties", 3, 1e9, at));
  }

  private static RankUncertainty rankUncertainty(JsonNode node, String where) {
    String at = where + "rank_uncertainty.";
    double[] factor = range(node, "weight_factor", 0.01, 100, at);
    double[] cap = range(node, "kpi_score_cap", 1, 100, at);
    double[] percentiles = range(node, "percentiles", 0.001, 1, at);
    return new RankUncertainty((int) number(node, "draws", 100, 100_000, at), node.path("seed").asLong(),
        factor[0], factor[1], cap[0], cap[1], node.path("percentiles").get(0).decimalValue(),
        node.path("percentiles").get(1).decimalValue());
  }

  private static double number(JsonNode node, String field, double min, double max, String at) {
    JsonNode v = node.path(field);
    if (!v.isNumber() || v.asDouble() < min || v.asDouble() > max) {
      throw new IllegalStateException(at + field + " must be a number from " + plain(min) + " to " + plain(max));
    }
    return v.asDouble();
  }

  private static double[] range(JsonNode node, String field, double min, double max, String at) {
    JsonNode v = node.path(field);
    if (!v.isArray() || v.size() != 2 || !v.get(0).isNumber() || !v.get(1).isNumber()
        || v.get(0).asDouble() < min || v.get(1).asDouble() > max || v.get(0).asDouble() > v.get(1).asDouble()) {
      throw new IllegalStateException(at + field + " must be [low, high] with " + plain(min) + " ≤ low ≤ high ≤ " + plain(max));
    }
    return new double[] {v.get(0).asDouble(), v.get(1).asDouble()};
  }

  private static String plain(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  /**
   * The relations the gold SQL reads: kpi_weights, methodology and grade_bands (county_scores.sql),
   * target_rules (target_flags.sql), uncertainty_rules, draw_weights and draw_caps (rank_uncertainty.sql).
   */
  public List<Relation> relations() {
    List<Object[]> weightRows = new ArrayList<>();
    weights.forEach((k, w) -> weightRows.add(new Object[] {k, w}));
    List<Object[]> bandRows = new ArrayList<>();
    for (int i = 0; i < grades.size(); i++) {
      BigDecimal below = i == 0 ? null : grades.get(i - 1).minScore();
      bandRows.add(new Object[] {grades.get(i).grade(), grades.get(i).minScore(), below});
    }
    MonteCarloDraws draws = new MonteCarloDraws(rankUncertainty, weights);
    return List.of(
        new Relation("kpi_weights", Relation.columns("kpi_code VARCHAR", "weight DECIMAL(5,4)"), weightRows),
        new Relation("methodology", Relation.columns("version VARCHAR", "kpi_score_cap DOUBLE"),
            List.<Object[]>of(new Object[] {version, kpiScoreCap})),
        new Relation("grade_bands", Relation.columns("grade VARCHAR", "min_score DECIMAL(5,2)",
            "below_score DECIMAL(5,2)"), bandRows),
        new Relation("target_rules", Relation.columns("from_month INT", "pace_multiple DOUBLE", "outlier_z DOUBLE",
            "outlier_min_counties INT"), List.<Object[]>of(new Object[] {targetPlausibility.fromMonth(),
            targetPlausibility.paceMultiple(), targetPlausibility.outlierZ(), targetPlausibility.outlierMinCounties()})),
        new Relation("uncertainty_rules", Relation.columns("draws INT", "low_position INT", "high_position INT"),
            List.<Object[]>of(new Object[] {rankUncertainty.draws(), rankUncertainty.position(rankUncertainty.percentileLow()),
                rankUncertainty.position(rankUncertainty.percentileHigh())})),
        draws.weights(), draws.caps());
  }
}
