package org.tianfu.warehouse.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tianfu.warehouse.contract.County;
import org.tianfu.warehouse.contract.CountyReference;
import org.tianfu.warehouse.models.DuckDbEngine;

/**
 * The checks on the scores (docs/methodology.md): target flags, rank uncertainty and the parts of a
 * score change, on hand-made cases through the same SQL files Spark runs.
 */
class ScoreChecksSqlTest {
  private static final String NANJIANG = "511922", JINJIANG = "510104", QINGYANG = "510105", JINNIU = "510106";

  @Test
  void aTargetOfTwelvePercentOfTheYearsOrdersIsFlaggedAndAnIdleOneToo() throws Exception {
    // kpis.md's example: 3804 completed service orders in June against a target of 324 (1174.07%).
    try (DuckDbEngine db = new GoldFixture().months("2024-01", "2024-12")
        .orders(3804, "completed", "service", JINJIANG, JINJIANG, NANJIANG, null, "2024-06")
        .target(2024, NANJIANG, "service_orders", "324").run()) {
      List<List<Object>> flags = db.query("SELECT period, flag, threshold FROM target_flags"
          + " WHERE county_code = '" + NANJIANG + "' ORDER BY period");
      List<List<Object>> expected = new ArrayList<>();
      // Nothing in the first quarter; April and May: a target but no activity at all.
      expected.add(List.of("2024-04", "no_activity_against_target"));
      expected.add(List.of("2024-05", "no_activity_against_target"));
      for (int m = 6; m <= 12; m++) {
        expected.add(List.of(String.format("2024-%02d", m), "target_far_below_pace", 3.0));
      }
      assertEquals(expected.size(), flags.size());
      for (int i = 0; i < flags.size(); i++) {
        assertEquals(expected.get(i), flags.get(i).subList(0, expected.get(i).size()));
      }
      assertEquals(List.of(new BigDecimal("324.000000"), new BigDecimal("3804.0000000000"), 3804.0 / 324.0),
          db.query("SELECT target, actual_ytd, pace FROM target_flags WHERE period = '2024-12'").get(0));
    }
  }

  @Test
  void targetsFarFromLastYearsActualAmongTheProvinceAreOutliers() throws Exception {
    // Eleven counties posted 64 times in 2023. Their 2024 targets per unit of that: 1/64, 0.5 × 3,
    // 1 × 3, 2 × 3, 64. On logs (L = ln 2): median 0, median absolute deviation L, so the extremes
    // have robust z = ±6L / (1.4826 L) = ±4.05, beyond 3.5; 2 has 0.67.
    List<County> counties = CountyReference.load().all().subList(0, 11);
    String[] targets = {"1", "32", "32", "32", "64", "64", "64", "128", "128", "128", "4096"};
    GoldFixture f = new GoldFixture().months("2023-01", "2024-02");
    for (int i = 0; i < counties.size(); i++) {
      f.postings(64, counties.get(i).code(), "2023-06").target(2024, counties.get(i).code(), "postings", targets[i]);
    }
    try (DuckDbEngine db = f.run()) {
      List<List<Object>> flags = db.query("SELECT period, county_code, flag, last_year_actual, threshold FROM target_flags"
          + " ORDER BY period, county_code");
      String low = counties.get(0).code(), high = counties.get(10).code();
      BigDecimal last = new BigDecimal("64.0000000000");
      assertEquals(List.of(List.of("2024-01", low, "target_outlier_low", last, -3.5),
          List.of("2024-01", high, "target_outlier_high", last, 3.5),
          List.of("2024-02", low, "target_outlier_low", last, -3.5),
          List.of("2024-02", high, "target_outlier_high", last, 3.5)), flags);
      assertEquals(6 / 1.4826, (double) db.query("SELECT robust_z FROM target_flags WHERE county_code = '" + high
          + "' AND period = '2024-01'").get(0).get(0), 1e-12);
    }
  }

  @Test
  void fewerCountiesWithHistoryThanTheMinimumFlagNoOutlier() throws Exception {
    GoldFixture f = new GoldFixture().months("2023-12", "2024-01");
    List<County> counties = CountyReference.load().all().subList(0, 9);
    for (int i = 0; i < counties.size(); i++) {
      f.postings(10, counties.get(i).code(), "2023-12").target(2024, counties.get(i).code(), "postings", i == 0 ? "1" : "10");
    }
    try (DuckDbEngine db = f.run()) {
      assertEquals(List.of(List.of(0L)), db.query("SELECT count(*) FROM target_flags"));
    }
  }

  @Test
  void aCountyFarAheadHasARankIntervalOfWidthZeroAndCloseOnesShareTheirs() throws Exception {
    // service_orders (w 0.30) and new_users (w 0.10), January, targets 120 and 12 (pace = count / 10
    // and count / 1). JINJIANG is at 5× pace on both: first in every draw, whatever the cap.
    // QINGYANG: paces 0.9 and 0.2 → 72.5; JINNIU: 0.6 and 1.0 → 70. QINGYANG is ahead only while
    // w(service_orders) > 8/3 × w(new_users), which the weights' ±25% cross often enough.
    GoldFixture f = new GoldFixture().months("2024-01", "2024-01")
        .orders(50, "completed", "service", JINJIANG, JINJIANG, JINJIANG, null, "2024-01")
        .orders(9, "completed", "service", JINJIANG, JINJIANG, QINGYANG, null, "2024-01")
        .orders(6, "completed", "service", JINJIANG, JINJIANG, JINNIU, null, "2024-01");
    users(f, JINJIANG, 5).users(f, QINGYANG, 1).users(f, JINNIU, 1);
    for (String c : List.of(JINJIANG, QINGYANG, JINNIU)) {
      f.target(2024, c, "service_orders", "120").target(2024, c, "new_users", c.equals(QINGYANG) ? "60" : "12");
    }
    try (DuckDbEngine db = f.run()) {
      assertEquals(List.of(List.of(JINJIANG, 1, 1, 1, 1.0, 1.0, 1000), List.of(QINGYANG, 2, 2, 3, 1.0, 1.0, 1000),
              List.of(JINNIU, 3, 2, 3, 1.0, 1.0, 1000)),
          db.query("SELECT s.county_code, s.rank_province, u.rank_low, u.rank_high, u.p_top10, u.p_bottom10, u.draws"
              + " FROM county_scores s JOIN rank_uncertainty u USING (period, county_code)"
              + " WHERE s.score IS NOT NULL ORDER BY s.rank_province"));
      assertEquals(List.of(List.of(180L, 1000)), db.query("SELECT count(*), max(draws) FROM rank_uncertainty"
          + " WHERE rank_low IS NULL AND rank_high IS NULL AND p_top10 IS NULL"));
    }
  }

  private ScoreChecksSqlTest users(GoldFixture f, String county, int n) {
    for (int i = 0; i < n; i++) {
      f.user("2024-01", county, "scientist");
    }
    return this;
  }

  @Test
  void theChangeWithinAYearIsTheKpisOwn() throws Exception {
    // JINJIANG, targets 120 orders and 12 users. January: 10 orders (pace 1 → 100), 1 user (100):
    // score 100. February: no order (pace 0.5 → 50), 1 user (pace 1 → 100): score 62.5.
    GoldFixture f = new GoldFixture().months("2024-01", "2024-02")
        .orders(10, "completed", "service", JINJIANG, JINJIANG, JINJIANG, null, "2024-01")
        .target(2024, JINJIANG, "service_orders", "120").target(2024, JINJIANG, "new_users", "12")
        .user("2024-01", JINJIANG, "team").user("2024-02", JINJIANG, "team");
    try (DuckDbEngine db = f.run()) {
      assertEquals(List.of(List.of(-37.5)), db.query("SELECT score_change FROM county_scores"
          + " WHERE period = '2024-02' AND county_code = '" + JINJIANG + "'"));
      assertEquals(List.of(List.of("new_users", new BigDecimal("0E-12"), 100.0, 100.0),
              Arrays.asList("renormalisation", new BigDecimal("0E-12"), null, null),
              List.of("service_orders", new BigDecimal("-37.500000000000"), 50.0, 100.0)),
          db.query("SELECT component, contribution, kpi_score, kpi_score_previous FROM score_change_parts"
              + " WHERE period = '2024-02' AND county_code = '" + JINJIANG + "' ORDER BY component"));
      assertEquals(List.of(List.of(3L)), db.query("SELECT count(*) FROM score_change_parts"));
    }
  }

  @Test
  void aNewTargetInJanuaryMovesTheScoreThroughTheRenormalisation() throws Exception {
    // 2023: service_orders only (120 of 120 by December → 100). 2024 adds new_users. January 2024:
    // 5 orders of 120 (pace 0.5 → 50), 1 user of 12 (pace 1 → 100): (15 + 10) / 0.4 = 62.5.
    // Parts at W = 0.4: orders (15 − 30) / 0.4 = −37.5, users 10 / 0.4 = 25, and the renormalisation
    // 30 × (1 / 0.4 − 1 / 0.3) = −25: together −37.5, the change.
    GoldFixture f = new GoldFixture().months("2023-01", "2024-01")
        .orders(120, "completed", "service", JINJIANG, JINJIANG, JINJIANG, null, "2023-12")
        .orders(5, "completed", "service", JINJIANG, JINJIANG, JINJIANG, null, "2024-01")
        .target(2023, JINJIANG, "service_orders", "120")
        .target(2024, JINJIANG, "service_orders", "120").target(2024, JINJIANG, "new_users", "12")
        .user("2024-01", JINJIANG, "team");
    try (DuckDbEngine db = f.run()) {
      assertEquals(List.of(List.of(100.0, 62.5, -37.5)), db.query("SELECT p.score, s.score, s.score_change"
          + " FROM county_scores s JOIN county_scores p ON p.county_code = s.county_code AND p.period = '2023-12'"
          + " WHERE s.period = '2024-01' AND s.county_code = '" + JINJIANG + "'"));
      assertEquals(List.of(List.of("new_users", new BigDecimal("25.000000000000")),
              List.of("renormalisation", new BigDecimal("-25.000000000000")),
              List.of("service_orders", new BigDecimal("-37.500000000000"))),
          db.query("SELECT component, contribution FROM score_change_parts"
              + " WHERE period = '2024-01' AND county_code = '" + JINJIANG + "' ORDER BY component"));
    }
  }
}
