package org.tianfu.warehouse.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tianfu.warehouse.models.Relation;

/**
 * The scoring methodology (kpis.md, "Score, rank, grade") as configuration with a version:
 * weights, the kpi_score cap and grade bands, from {@code schemas/methodology.json}. Validated at
 * load, so a run never scores with weights that do not add up or name an unknown KPI.
 */
public record Methodology(String version, double kpiScoreCap, Map<String, BigDecimal> weights,
    List<GradeBand> grades) {

  /** Scores from {@code minScore} (inclusive; NULL = no lower bound) up to the band above. */
  public record GradeBand(String grade, BigDecimal minScore) {}

  public static Methodology load(KpiCatalogue catalogue) {
    try (InputStream in = Methodology.class.getResourceAsStream("/schemas/methodology.json")) {
      if (in == null) {
        throw new IllegalStateException("methodology missing from the jar: /schemas/methodology.json");
      }
      return parse(new ObjectMapper().readTree(in), catalogue);
    } catch (IOException e) {
      throw new IllegalStateException("schemas/methodology.json is not valid JSON: " + e.getMessage());
    }
  }

  static Methodology parse(JsonNode root, KpiCatalogue catalogue) {
    String where = "schemas/methodology.json: ";
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
    return new Methodology(version, cap.asDouble(), weights, List.copyOf(grades));
  }

  /** kpi_weights, methodology and grade_bands, the relations county_scores.sql reads. */
  public List<Relation> relations() {
    List<Object[]> weightRows = new ArrayList<>();
    weights.forEach((k, w) -> weightRows.add(new Object[] {k, w}));
    List<Object[]> bandRows = new ArrayList<>();
    for (int i = 0; i < grades.size(); i++) {
      BigDecimal below = i == 0 ? null : grades.get(i - 1).minScore();
      bandRows.add(new Object[] {grades.get(i).grade(), grades.get(i).minScore(), below});
    }
    return List.of(
        new Relation("kpi_weights", Relation.columns("kpi_code VARCHAR", "weight DECIMAL(5,4)"), weightRows),
        new Relation("methodology", Relation.columns("version VARCHAR", "kpi_score_cap DOUBLE"),
            List.<Object[]>of(new Object[] {version, kpiScoreCap})),
        new Relation("grade_bands", Relation.columns("grade VARCHAR", "min_score DECIMAL(5,2)",
            "below_score DECIMAL(5,2)"), bandRows));
  }
}
