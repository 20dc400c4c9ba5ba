package org.tianfu.warehouse.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tianfu.warehouse.store.WarehouseLayout;
import org.tianfu.warehouse.testing.DayByDayWarehouse;
import org.tianfu.warehouse.testing.TestSpark;

/**
 * DuckDB over Delta snapshots answers exactly what Spark answers, on a warehouse that has been
 * merged, restated and rerun (so removed files lie on disk and some logs have checkpoints), now and
 * as of a moment before the restatement.
 */
class DuckDbParityIT {
  /** What province staff ask, in SQL both engines speak: every aggregate named, NULLs ordered explicitly. */
  static final List<String> QUERIES = List.of(
      // A month's leaderboard.
      "SELECT period, county_code, county_name, city_name, score, kpis_scored, rank_province, rank_city, grade,"
          + " score_change, rank_change, methodology_version FROM gold.county_scores WHERE period = '2024-02'"
          + " ORDER BY rank_province NULLS LAST, county_code",
      // One county's KPI lines.
      "SELECT * FROM gold.kpi_county_month WHERE county_code = '" + DayByDayWarehouse.REFUND_COUNTY + "'"
          + " ORDER BY period, kpi_code",
      // Pace per KPI: counts and extremes (a mean's last bits depend on the order it adds in).
      "SELECT kpi_code, count(*) AS n, count(pace) AS with_target, min(pace) AS lowest, max(pace) AS highest,"
          + " sum(CASE WHEN pace >= 1 THEN 1 ELSE 0 END) AS on_schedule, sum(actual_ytd) AS actual_ytd"
          + " FROM gold.kpi_county_month GROUP BY kpi_code ORDER BY kpi_code",
      // Quarantine by source and reason (partitioned by source).
      "SELECT source, reason, count(*) AS lines FROM ops.quarantine GROUP BY source, reason ORDER BY source, reason",
      // Every gold row.
      "SELECT * FROM gold.county_scores ORDER BY period, county_code",
      "SELECT * FROM gold.kpi_actuals ORDER BY period, county_code, kpi_code",
      // MERGEd state tables, with decimals and instants.
      "SELECT status, category, count(*) AS orders, sum(amount_yuan) AS amount, min(state_time) AS first_state,"
          + " max(state_time) AS last_state FROM silver.orders GROUP BY status, category ORDER BY status, category",
      "SELECT user_type, first_register_period, count(*) AS users, count(phone_hash) AS with_phone,"
          + " max(updated_at) AS last_update FROM silver.users GROUP BY user_type, first_register_period"
          + " ORDER BY user_type, first_register_period",
      // A bronze table: partition values from the log.
      "SELECT dt, count(*) AS lines, count(DISTINCT delivery_id) AS deliveries, min(delivered_at_ts) AS first,"
          + " sum(CASE WHEN opened THEN 1 ELSE 0 END) AS opened FROM bronze.popsci_deliveries GROUP BY dt ORDER BY dt",
      "SELECT activity_date, count(*) AS activities, sum(participants) AS participants"
          + " FROM silver.science_base_activity GROUP BY activity_date ORDER BY activity_date",
      // The audit (its log has a checkpoint) and the DELETEd dirty periods.
      "SELECT source, count(*) AS files, sum(lines_read) AS lines_read, max(ingested_at) AS last_ingest"
          + " FROM ops.ingest_audit GROUP BY source ORDER BY source",
      "SELECT count(*) AS dirty FROM ops.dirty_periods",
      "SELECT status, rows_written, table_versions['gold.county_scores'] AS version"
          + " FROM ops.runs JOIN ops.publications USING (run_id) ORDER BY started_at");

  final WarehouseLayout layout = DayByDayWarehouse.get().layout();
  final DuckDbSql duckDb = DayByDayWarehouse.get().duckDb();

  @Test
  void theWarehouseHoldsWhatAGlobWouldMiscount() throws Exception {
    try (Stream<Path> log = Files.list(Path.of(layout.path("ops.ingest_audit"), "_delta_log"))) {
      assertTrue(log.anyMatch(f -> f.toString().endsWith(".checkpoint.parquet")), "the audit's log has a checkpoint");
    }
    String table = "gold.kpi_county_month";
    long live = new DeltaLog(layout).snapshot(table, AsOf.LATEST).files().size();
    long onDisk;
    try (Stream<Path> files = Files.list(Path.of(layout.path(table)))) {
      onDisk = files.filter(f -> f.toString().endsWith(".parquet")).count();
    }
    assertTrue(onDisk > live, onDisk + " files on disk, " + live + " live");
    long globbed = plainDuckDbCount("SELECT count(*) FROM read_parquet('" + layout.path(table) + "/*.parquet')");
    long dense = 183L * 13 * 2;  // counties × KPIs × months, once each
    assertEquals(List.of(List.of(String.valueOf(dense))), text(duckDb.query("SELECT count(*) AS n FROM " + table)));
    assertTrue(globbed > dense, "a glob counts removed files too: " + globbed);
  }

  @Test
  void duckDbAnswersWhatSparkAnswers() {
    try (SparkSql spark = new SparkSql(TestSpark.session(), layout, AsOf.LATEST)) {
      for (String sql : QUERIES) {
        assertSameAnswer(spark.query(sql), duckDb.query(sql), sql);
      }
    }
  }

  @Test
  void asOfAMomentReadsTheSnapshotsOfThen() {
    AsOf then = new AsOf(null, DayByDayWarehouse.get().beforeRefund());
    String january = "SELECT actual FROM gold.kpi_county_month WHERE county_code = '"
        + DayByDayWarehouse.REFUND_COUNTY + "' AND kpi_code = 'service_orders' AND period = '2024-01'";
    try (DuckDbSql past = new DuckDbSql(layout, then)) {
      List<List<String>> before = text(past.query(january));
      List<List<String>> now = text(duckDb.query(january));
      assertEquals(new java.math.BigDecimal(now.get(0).get(0)).add(java.math.BigDecimal.ONE),
          new java.math.BigDecimal(before.get(0).get(0)), "the refunded order counted in January until the refund");
      try (SparkSql spark = new SparkSql(TestSpark.session(), layout, then)) {
        // Before the second night gold had January only.
        for (String sql : List.of(january, QUERIES.get(0).replace("2024-02", "2024-01"), QUERIES.get(3))) {
          assertSameAnswer(spark.query(sql), past.query(sql), "as of " + then + ": " + sql);
        }
      }
    }
  }

  private static void assertSameAnswer(QueryResult spark, QueryResult duckDb, String sql) {
    assertEquals(spark.columns(), duckDb.columns(), sql);
    assertFalse(spark.rows().isEmpty(), "no rows: " + sql);
    assertEquals(text(spark), text(duckDb), sql);
  }

  static List<List<String>> text(QueryResult result) {
    List<List<String>> rows = new ArrayList<>();
    result.rows().forEach(r -> rows.add(r.stream().map(QueryResult::text).toList()));
    return rows;
  }

  private static long plainDuckDbCount(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
