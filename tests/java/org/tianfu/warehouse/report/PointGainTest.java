package org.tianfu.warehouse.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tianfu.warehouse.metrics.CountiesRelation;
import org.tianfu.warehouse.metrics.KpiCatalogue;
import org.tianfu.warehouse.metrics.Methodology;
import org.tianfu.warehouse.metrics.Periods;
import org.tianfu.warehouse.models.Relation;
import org.tianfu.warehouse.models.SqlModels;
import org.tianfu.warehouse.models.DuckDbEngine;

/** "Where the points are": exact values, and agreement with the scoring SQL itself. */
class PointGainTest {
  static final KpiCatalogue CATALOGUE = KpiCatalogue.load();
  static final Methodology METHODOLOGY = Methodology.load(CATALOGUE);
  static final String COUNTY = "511922";

  /** KPI lines with a target of 100 for each KPI given a pace, none for the others. */
  static List<KpiLine> lines(Map<String, Double> paces) {
    List<KpiLine> lines = new ArrayList<>();
    for (KpiCatalogue.Kpi kpi : CATALOGUE.kpis().values()) {
      Double pace = paces.get(kpi.code());
      lines.add(new KpiLine(kpi, METHODOLOGY.weights().get(kpi.code()), new KpiMonth(COUNTY, kpi.code(),
          BigDecimal.ZERO, BigDecimal.ZERO, pace == null ? null : new BigDecimal("100"),
          pace == null ? null : pace * 0.25, 0.25, pace)));
    }
    return lines;
  }

  @Test
  void pointsAreTheWeightShareTimesTheGapToPace() {
    // Scored: service_orders (0.30), services_provided (0.10), new_users (0.10): Σw = 0.50.
    Map<String, Double> paces = Map.of("service_orders", 0.5, "services_provided", 0.75, "new_users", 1.5,
        "popsci_participants", 0.25);   // a target on an unweighted KPI: shown, never scored
    List<PointGain> gains = PointGain.of(lines(paces), METHODOLOGY.kpiScoreCap());

    assertEquals(List.of("service_orders", "services_provided"), gains.stream().map(g -> g.line().kpi().code()).toList());
    // 100 × 0.30 / 0.50 × (1 − 0.5) = 30 and 100 × 0.10 / 0.50 × (1 − 0.75) = 5, largest first.
    assertEquals(0, new BigDecimal("30").compareTo(gains.get(0).points()));
    assertEquals(0, new BigDecimal("5").compareTo(gains.get(1).points()));
    assertEquals(0, new BigDecimal("0.6").compareTo(gains.get(0).weightShare()));
    assertEquals(0, new BigDecimal("0.2").compareTo(gains.get(1).weightShare()));
    assertEquals(0, new BigDecimal("35").compareTo(PointGain.total(gains)));
  }

  @Test
  void onlyScoredKpisBehindPaceAreListed() {
    assertEquals(List.of(), PointGain.of(lines(Map.of()), METHODOLOGY.kpiScoreCap()), "no targets, no score, no points");
    // Pace printed as 100.00% is on pace; 99.99% is behind: 100 × 0.10 / 0.40 × 0.00006 = 0.0015 points,
    // too few to print in two decimals, so not "+0.00".
    List<PointGain> gains = PointGain.of(lines(Map.of("service_orders", 0.99996, "new_users", 0.99994)),
        METHODOLOGY.kpiScoreCap());
    assertEquals(List.of("new_users"), gains.stream().map(g -> g.line().kpi().code()).toList());
    assertEquals(0.0015, gains.get(0).points().doubleValue(), 1e-12);   // 0.99994 is not exact in binary
    assertEquals("+<0.01", Figures.points(gains.get(0).points()));
  }

  @Test
  void eachGainIsExactlyWhatCountyScoresSqlAddsWhenThatKpiReachesPace() throws Exception {
    Map<String, Double> paces = new LinkedHashMap<>();
    paces.put("service_orders", 0.41);
    paces.put("services_provided", 0.9);
    paces.put("achievements_transferred", 2.7);     // capped at 120%
    paces.put("new_users", 0.0);
    paces.put("popsci_reach", 0.333);
    paces.put("postings", 0.1);                      // unweighted
    List<PointGain> gains = PointGain.of(lines(paces), METHODOLOGY.kpiScoreCap());
    assertEquals(List.of("service_orders", "new_users", "popsci_reach", "services_provided"),
        gains.stream().map(g -> g.line().kpi().code()).toList());

    try (DuckDbEngine db = new DuckDbEngine()) {
      double before = score(db, paces);
      for (PointGain gain : gains) {
        Map<String, Double> reached = new LinkedHashMap<>(paces);
        reached.put(gain.line().kpi().code(), 1.0);
        // The SQL puts each term on a 2^-40 grid; nothing else differs.
        assertEquals(score(db, reached) - before, gain.points().doubleValue(), 1e-9, gain.line().kpi().code());
      }
      Map<String, Double> allReached = new LinkedHashMap<>(paces);
      gains.forEach(g -> allReached.put(g.line().kpi().code(), 1.0));
      assertEquals(score(db, allReached) - before, PointGain.total(gains).doubleValue(), 1e-9);
    }
  }

  /** The county's score from county_scores.sql over kpi_county_month rows with these paces. */
  private static double score(DuckDbEngine db, Map<String, Double> paces) {
    db.register(CATALOGUE.relation());
    METHODOLOGY.relations().forEach(db::register);
    db.register(CountiesRelation.of(ExtractFixture.COUNTIES));
    db.register(Periods.relation(List.of(java.time.YearMonth.of(2024, 3))));
    List<Object[]> rows = new ArrayList<>();
    paces.forEach((kpi, pace) -> rows.add(new Object[] {"2024-03", COUNTY, kpi, new BigDecimal("100"), pace}));
    db.register(new Relation("kpi_county_month", Relation.columns("period VARCHAR", "county_code VARCHAR",
        "kpi_code VARCHAR", "target DECIMAL(24,6)", "pace DOUBLE"), rows));
    SqlModels.define(db, SqlModels.KPI_TERMS);
    SqlModels.define(db, SqlModels.COUNTY_SCORES);
    List<List<Object>> score = db.query("SELECT score FROM county_scores WHERE county_code = '" + COUNTY + "'");
    return (double) score.get(0).get(0);
  }
}
