package org.tianfu.warehouse.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tianfu.warehouse.models.DuckDbEngine;

/** Every rule of kpis.md on hand-written silver rows, through the same SQL files Spark runs. */
class GoldSqlTest {
  // Chengdu districts (city 510100) and two Liangshan counties (city 513400).
  private static final String JINJIANG = "510104", QINGYANG = "510105", JINNIU = "510106", WUHOU = "510107";
  private static final String XICHANG = "513401", MULI = "513422";

  private static List<List<Object>> q(DuckDbEngine db, String sql) {
    return db.query(sql);
  }

  private static Object one(DuckDbEngine db, String sql) {
    List<List<Object>> rows = db.query(sql);
    assertEquals(1, rows.size(), sql);
    return rows.get(0).get(0);
  }

  @Test
  void theContractsWorkedExample() throws Exception {
    // kpis.md: 3804 completed service orders against a target of 324 is a completion rate of 1174.07%.
    try (DuckDbEngine db = new GoldFixture().months("2024-01", "2024-12")
        .orders(3804, "completed", "service", JINJIANG, XICHANG, "511922", null, "2024-06")
        .target(2024, "511922", "service_orders", "324").run()) {
      List<List<Object>> row = q(db, "SELECT actual_ytd, target, completion_rate, time_progress, pace FROM kpi_county_month"
          + " WHERE period = '2024-12' AND county_code = '511922' AND kpi_code = 'service_orders'");
      assertEquals(new BigDecimal("3804.0000000000"), row.get(0).get(0));
      assertEquals(new BigDecimal("324.000000"), row.get(0).get(1));
      assertEquals(3804.0 / 324.0, (double) row.get(0).get(2));
      assertEquals("1174.07%", String.format("%.2f%%", 100 * (double) row.get(0).get(2)));
      assertEquals(1.0, (double) row.get(0).get(3));
      assertEquals(3804.0 / 324.0, (double) row.get(0).get(4));
      // One runaway KPI is capped at 120%: the county's only scored KPI gives it 120.
      assertEquals(120.0, (double) one(db, "SELECT score FROM county_scores WHERE period = '2024-12' AND county_code = '511922'"));
    }
  }

  @Test
  void denseOverEveryCountyMonthAndKpiWithZerosAndYtd() throws Exception {
    try (DuckDbEngine db = new GoldFixture().months("2024-01", "2024-03")
        .postings(2, MULI, "2024-01").postings(3, MULI, "2024-03").run()) {
      assertEquals(183L * 3 * 13, one(db, "SELECT count(*) FROM kpi_county_month"));
      assertEquals(List.of(
              List.of("2024-01", new BigDecimal("2.0000000000"), new BigDecimal("2.0000000000")),
              List.of("2024-02", new BigDecimal("0E-10"), new BigDecimal("2.0000000000")),
              List.of("2024-03", new BigDecimal("3.0000000000"), new BigDecimal("5.0000000000"))),
          q(db, "SELECT period, actual, actual_ytd FROM kpi_county_month WHERE county_code = '" + MULI
              + "' AND kpi_code = 'postings' ORDER BY period"));
      assertNull(one(db, "SELECT completion_rate FROM kpi_county_month WHERE county_code = '" + MULI
          + "' AND kpi_code = 'postings' AND period = '2024-03'"));
      assertEquals(183L * 3, one(db, "SELECT count(*) FROM county_scores"));
    }
  }

  @Test
  void ytdRestartsInJanuary() throws Exception {
    try (DuckDbEngine db = new GoldFixture().months("2024-12", "2025-01")
        .deliveries(4, MULI, "2024-12").deliveries(1, MULI, "2025-01").run()) {
      assertEquals(List.of(List.of("2024-12", new BigDecimal("4.0000000000")), List.of("2025-01", new BigDecimal("1.0000000000"))),
          q(db, "SELECT period, actual_ytd FROM kpi_county_month WHERE county_code = '" + MULI
              + "' AND kpi_code = 'popsci_reach' ORDER BY period"));
    }
  }

  @Test
  void orderKpisFollowCategoryAndTheNamedCounty() throws Exception {
    try (DuckDbEngine db = new GoldFixture().months("2024-03", "2024-03")
        .orders(1, "completed", "service", JINJIANG, XICHANG, WUHOU, "25000.50", "2024-03")
        .orders(1, "completed", "achievement", JINJIANG, XICHANG, null, "10000", "2024-03")
        .orders(1, "completed", "project", QINGYANG, MULI, null, null, "2024-03")
        .orders(1, "completed", "popsci", JINJIANG, MULI, WUHOU, "1", "2024-03")
        .orders(5, "cancelled", "service", JINJIANG, XICHANG, WUHOU, "999", null)
        .orders(2, "signed", "service", JINJIANG, XICHANG, WUHOU, "999", null).run()) {
      assertEquals(List.of(
              List.of(JINJIANG, "achievements_transferred", "1.0000000000"),
              List.of(JINJIANG, "deal_amount_wan", "3.5001500000"),
              List.of(JINJIANG, "services_provided", "1.0000000000"),
              List.of(QINGYANG, "projects_undertaken", "1.0000000000"),
              List.of(WUHOU, "service_orders", "2.0000000000"),
              List.of(XICHANG, "achievements_introduced", "1.0000000000"),
              List.of(XICHANG, "services_obtained", "1.0000000000"),
              List.of(MULI, "problems_commissioned", "1.0000000000")),
          q(db, "SELECT county_code, kpi_code, CAST(actual AS VARCHAR) FROM kpi_county_month"
              + " WHERE actual <> 0 ORDER BY county_code, kpi_code"));
    }
  }

  @Test
  void newUsersCountScientistsTeamsAndEnterprisesNotThePublic() throws Exception {
    try (DuckDbEngine db = new GoldFixture().months("2024-02", "2024-02")
        .user("2024-02", JINNIU, "scientist").user("2024-02", JINNIU, "team")
        .user("2024-02", JINNIU, "enterprise").user("2024-02", JINNIU, "public")
        .user(null, JINNIU, "scientist").run()) {
      assertEquals(new BigDecimal("3.0000000000"), one(db, "SELECT actual FROM kpi_county_month"
          + " WHERE county_code = '" + JINNIU + "' AND kpi_code = 'new_users'"));
    }
  }

  @Test
  void popsciActivitiesAndParticipants() throws Exception {
    try (DuckDbEngine db = new GoldFixture().months("2024-05", "2024-05")
        .activity(MULI, "2024-05", 40).activity(MULI, "2024-05", 0).activity(MULI, "2024-05", 1200).run()) {
      assertEquals(List.of(List.of("popsci_activities", "3.0000000000"), List.of("popsci_participants", "1240.0000000000")),
          q(db, "SELECT kpi_code, CAST(actual AS VARCHAR) FROM kpi_county_month WHERE county_code = '" + MULI
              + "' AND actual <> 0 ORDER BY kpi_code"));
    }
  }

  @Test
  void scoreIsWeightedOverKpisWithTargetsAndCapped() throws Exception {
    // March (m = 3, time progress 0.25). service_orders (w 0.30): 10 of 100 → pace 0.4 → 40.
    // new_users (w 0.10): 50 of 100 → pace 2.0 → capped 120. postings has a target but no weight.
    GoldFixture f = new GoldFixture().months("2024-01", "2024-03")
        .orders(10, "completed", "service", JINJIANG, XICHANG, QINGYANG, null, "2024-02")
        .target(2024, QINGYANG, "service_orders", "100").target(2024, QINGYANG, "new_users", "100")
        .target(2024, QINGYANG, "postings", "10");
    try (DuckDbEngine db = addUsers(f, 50).run()) {
      List<List<Object>> row = q(db, "SELECT score, kpis_scored, rank_province, grade FROM county_scores"
          + " WHERE period = '2024-03' AND county_code = '" + QINGYANG + "'");
      double expected = (0.30 * 40.0 + 0.10 * 120.0) / 0.40;
      assertEquals(expected, (double) row.get(0).get(0), 1e-12);
      assertEquals(2, row.get(0).get(1));
      assertEquals(1, row.get(0).get(2));
      assertEquals("合格", row.get(0).get(3));  // exactly 60: the lower bound of 合格 is inclusive
    }
  }

  private static GoldFixture addUsers(GoldFixture f, int n) {
    for (int i = 0; i < n; i++) {
      f.user("2024-01", QINGYANG, "scientist");
    }
    return f;
  }

  @Test
  void countiesWithoutTargetsOrOnlyUnweightedOnesAreListedUnscored() throws Exception {
    try (DuckDbEngine db = new GoldFixture().months("2024-01", "2024-01")
        .target(2024, MULI, "postings", "5").target(2024, MULI, "popsci_participants", "100").run()) {
      assertEquals(183L, one(db, "SELECT count(*) FROM county_scores WHERE score IS NULL AND kpis_scored = 0"
          + " AND rank_province IS NULL AND rank_city IS NULL AND grade IS NULL"));
    }
  }

  @Test
  void tiesOnTheRoundedScoreShareARankAndSkip() throws Exception {
    // service_orders only, target 1200, January (m/12): k orders → pace = k / 100 → score = k.
    GoldFixture f = new GoldFixture().months("2024-01", "2024-01");
    f.orders(95, "completed", "service", MULI, MULI, JINJIANG, null, "2024-01");
    f.orders(90, "completed", "service", MULI, MULI, QINGYANG, null, "2024-01");
    f.orders(90, "completed", "service", MULI, MULI, JINNIU, null, "2024-01");
    f.orders(60, "completed", "service", MULI, MULI, WUHOU, null, "2024-01");
    f.orders(70, "completed", "service", MULI, MULI, XICHANG, null, "2024-01");
    for (String c : List.of(JINJIANG, QINGYANG, JINNIU, WUHOU, XICHANG)) {
      f.target(2024, c, "service_orders", "1200");
    }
    try (DuckDbEngine db = f.run()) {
      assertEquals(List.of(
              List.of(JINJIANG, 1, 1, "优秀"), List.of(QINGYANG, 2, 2, "优秀"), List.of(JINNIU, 2, 2, "优秀"),
              List.of(XICHANG, 4, 1, "合格"), List.of(WUHOU, 5, 4, "合格")),
          q(db, "SELECT county_code, rank_province, rank_city, grade FROM county_scores"
              + " WHERE score IS NOT NULL ORDER BY rank_province, county_code"));
    }
  }

  @Test
  void gradesUseTheRoundedScore() throws Exception {
    // 8999.5 of 12000 in January → pace 89.995... → kpi_score 89.995 → round 90.00 → 优秀.
    GoldFixture f = new GoldFixture().months("2024-01", "2024-01").target(2024, MULI, "popsci_reach", "1200000");
    f.deliveries(89995, MULI, "2024-01");
    try (DuckDbEngine db = f.run()) {
      List<List<Object>> row = q(db, "SELECT score, grade FROM county_scores WHERE county_code = '" + MULI + "'");
      assertEquals(89.995, (double) row.get(0).get(0), 1e-9);
      assertEquals("优秀", row.get(0).get(1));
    }
  }

  @Test
  void gradeBandsStartAtEightyAndNinetyExactly() throws Exception {
    // popsci_reach alone, target 1,200,000 in January: n deliveries → pace n/100,000 → score n/1,000.
    GoldFixture f = new GoldFixture().months("2024-01", "2024-01");
    Map<String, Integer> deliveries = Map.of(JINJIANG, 90000, QINGYANG, 89994, JINNIU, 80000, WUHOU, 79994);
    deliveries.forEach((county, n) -> {
      f.target(2024, county, "popsci_reach", "1200000");
      f.deliveries(n, county, "2024-01");
    });
    try (DuckDbEngine db = f.run()) {
      assertEquals(List.of(List.of(JINJIANG, 90.0, "优秀"), List.of(QINGYANG, 89.994, "良好"),
              List.of(JINNIU, 80.0, "良好"), List.of(WUHOU, 79.994, "合格")),
          q(db, "SELECT county_code, ROUND(score, 6), grade FROM county_scores WHERE score IS NOT NULL ORDER BY county_code"));
    }
  }

  @Test
  void changesCompareWithThePreviousCalendarMonthAcrossTheYear() throws Exception {
    GoldFixture f = new GoldFixture().months("2024-12", "2025-01");
    f.orders(12, "completed", "service", MULI, MULI, JINJIANG, null, "2024-12");
    f.orders(6, "completed", "service", MULI, MULI, QINGYANG, null, "2024-12");
    f.orders(1, "completed", "service", MULI, MULI, QINGYANG, null, "2025-01");
    for (int year : List.of(2024, 2025)) {
      f.target(year, JINJIANG, "service_orders", "12").target(year, QINGYANG, "service_orders", "12");
    }
    try (DuckDbEngine db = f.run()) {
      // Dec: 锦江 12/12 → 100, 青羊 6/12 → 50. Jan: 金江 0 → 0, 青羊 1/12 at m=1 → 100.
      assertEquals(List.of(
              List.of("2024-12", JINJIANG, 100.0, 1, "NULL", "NULL"),
              List.of("2024-12", QINGYANG, 50.0, 2, "NULL", "NULL"),
              List.of("2025-01", JINJIANG, 0.0, 2, "-100.0", "-1"),
              List.of("2025-01", QINGYANG, 100.0, 1, "50.0", "1")),
          q(db, "SELECT period, county_code, score, rank_province, COALESCE(CAST(score_change AS VARCHAR), 'NULL'),"
              + " COALESCE(CAST(rank_change AS VARCHAR), 'NULL') FROM county_scores WHERE score IS NOT NULL"
              + " ORDER BY period, county_code"));
      assertEquals("2024.2", one(db, "SELECT DISTINCT methodology_version FROM county_scores"));
    }
  }

  @Test
  void changesAreNullWhereEitherMonthIsUnscored() throws Exception {
    GoldFixture f = new GoldFixture().months("2024-12", "2025-01");
    f.orders(12, "completed", "service", MULI, MULI, JINJIANG, null, "2024-12");
    f.orders(6, "completed", "service", MULI, MULI, JINNIU, null, "2024-12");
    f.orders(1, "completed", "service", MULI, MULI, JINNIU, null, "2025-01");
    f.orders(1, "completed", "service", MULI, MULI, QINGYANG, null, "2025-01");
    // 锦江 has a 2024 target only, 青羊 a 2025 one only, 金牛 both.
    f.target(2024, JINJIANG, "service_orders", "12").target(2025, QINGYANG, "service_orders", "12");
    f.target(2024, JINNIU, "service_orders", "12").target(2025, JINNIU, "service_orders", "12");
    try (DuckDbEngine db = f.run()) {
      // Dec: 锦江 12/12 → 100, 金牛 6/12 → 50, 青羊 unscored. Jan: 金牛 and 青羊 1/12 at m=1 → 100, 锦江 unscored.
      assertEquals(List.of(
              List.of("2024-12", JINJIANG, "100.0", "1", "NULL", "NULL"),
              List.of("2024-12", QINGYANG, "NULL", "NULL", "NULL", "NULL"),
              List.of("2024-12", JINNIU, "50.0", "2", "NULL", "NULL"),
              List.of("2025-01", JINJIANG, "NULL", "NULL", "NULL", "NULL"),
              List.of("2025-01", QINGYANG, "100.0", "1", "NULL", "NULL"),
              List.of("2025-01", JINNIU, "100.0", "1", "50.0", "1")),
          q(db, "SELECT period, county_code, " + String.join(", ", List.of("score", "rank_province", "score_change",
                  "rank_change").stream().map(c -> "COALESCE(CAST(" + c + " AS VARCHAR), 'NULL')").toList())
              + " FROM county_scores WHERE county_code IN ('" + JINJIANG + "', '" + JINNIU + "', '" + QINGYANG + "')"
              + " ORDER BY period, county_code"));
    }
  }
}
