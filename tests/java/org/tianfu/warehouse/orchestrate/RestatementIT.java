package org.tianfu.warehouse.orchestrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tianfu.warehouse.store.WarehouseLayout;
import org.tianfu.warehouse.testing.Landing;
import org.tianfu.warehouse.testing.TestSpark;

/**
 * Late data restates the past (kpis.md): a refund exported in February takes an order out of the
 * January it was counted in, and January's YTD, scores and ranks follow — incrementally exactly as
 * in a full rebuild; a corrected re-export of the day, rerun, undoes it; an export day that arrives after
 * later ones takes the ids it shares with them, and gives them back when its re-export drops them. Also
 * Shanghai month boundaries and a re-sent registration, through Spark.
 */
class RestatementIT {
  private static final byte[] KEY = "restatement".getBytes(StandardCharsets.UTF_8);
  @TempDir Path tmp;

  private static String order(String event, String order, String status, String time) {
    return order(event, order, status, time, 20000);
  }

  private static String order(String event, String order, String status, String time, int yuan) {
    return "{\"event_id\":\"" + event + "\",\"order_id\":\"" + order + "\",\"status\":\"" + status + "\","
        + "\"category\":\"service\",\"supplier_id\":\"S1\",\"supplier_county\":\"510104\",\"demander_id\":\"D1\","
        + "\"demander_county\":\"513401\",\"facilitator_county\":\"511922\",\"amount_yuan\":" + yuan + ","
        + "\"event_time\":\"" + time + "\"}";
  }

  private static String register(String event, String time) {
    return "{\"event_id\":\"" + event + "\",\"op\":\"register\",\"user_id\":\"U1\",\"user_type\":\"scientist\","
        + "\"county_code\":\"511922\",\"phone\":\"13912345678\",\"event_time\":\"" + time + "\"}";
  }

  @Test
  void aLateRefundRestatesJanuaryAndEverythingAfterIt() throws Exception {
    SparkSession spark = TestSpark.session();
    Landing landing = new Landing(tmp.resolve("landing"));
    Files.createDirectories(landing.root().resolve("targets/year=2024"));
    Files.writeString(landing.root().resolve("targets/year=2024/targets.csv"),
        "year,county_code,kpi_code,target\n2024,511922,service_orders,12\n2024,510104,service_orders,12\n"
            + "2024,510104,services_provided,24\n2024,511922,new_users,12\n");
    WarehouseLayout incremental = new WarehouseLayout(tmp.resolve("incremental"));
    Runner pipeline = new Runner(spark, incremental.root(), KEY, s -> { });

    landing.write("registrations", "2024-01-10", "a.jsonl", register("R1", "2024-01-10T09:00:00+08:00"));
    landing.write("orders", "2024-01-20", "a.jsonl", order("E1", "O1", "created", "2024-01-20T10:00:00+08:00"),
        order("E2", "O2", "created", "2024-01-20T11:00:00+08:00"));
    pipeline.run(RunRequest.everything(landing.root().toString(), "test"));
    // 16:30 UTC on 31 January is 00:30 on 1 February in Shanghai; 23:00 without an offset is Shanghai time.
    landing.write("orders", "2024-01-31", "a.jsonl", order("E3", "O1", "completed", "2024-01-31T16:30:00Z"),
        order("E4", "O2", "completed", "2024-01-31T23:00:00"));
    landing.write("registrations", "2024-02-03", "a.jsonl", register("R2", "2024-02-03T09:00:00+08:00"));
    pipeline.run(RunRequest.everything(landing.root().toString(), "test"));

    String serviceOrders = "SELECT period, actual, actual_ytd FROM delta.`" + incremental.path("gold.kpi_county_month")
        + "` WHERE county_code = '511922' AND kpi_code = 'service_orders' ORDER BY period";
    assertEquals(List.of("[2024-01,1.0000000000,1.0000000000]", "[2024-02,1.0000000000,2.0000000000]"), rows(spark, serviceOrders));

    landing.write("orders", "2024-02-05", "a.jsonl", order("E5", "O2", "cancelled", "2024-02-05T09:00:00+08:00"));
    pipeline.run(RunRequest.everything(landing.root().toString(), "test"));

    assertEquals(List.of("[2024-01,0E-10,0E-10]", "[2024-02,1.0000000000,1.0000000000]"), rows(spark, serviceOrders));
    assertEquals(List.of("[2024-01,1.0000000000]", "[2024-02,0E-10]"), rows(spark, "SELECT period, actual FROM delta.`"
        + incremental.path("gold.kpi_county_month") + "` WHERE county_code = '511922' AND kpi_code = 'new_users' ORDER BY period"));
    // January: 511922 has new_users 1 of 12 at m = 1 → pace 1 → 100 (w 0.1) and service_orders 0 → 0 (w 0.3): 25;
    // 510104 has nothing left (its January service was refunded): 0. February: 511922 both KPIs at pace 0.5 → 50;
    // 510104 services_provided 1 of 24 at m = 2 → pace 0.25 → 25 (w 0.1), service_orders 0 (w 0.3): 6.25.
    assertEquals(List.of("[2024-01,510104,0.0,2,null]", "[2024-01,511922,25.0,1,null]",
            "[2024-02,510104,6.25,2,0]", "[2024-02,511922,50.0,1,0]"),
        rows(spark, "SELECT period, county_code, score, rank_province, rank_change FROM delta.`"
            + incremental.path("gold.county_scores") + "` WHERE score IS NOT NULL ORDER BY period, county_code"));
    assertEquals(0L, spark.read().format("delta").load(incremental.path("ops.dirty_periods")).count());

    assertSameAsFullRebuild(spark, landing, incremental, "full");

    // The platform re-exports 5 February without the refund (it was entered by mistake): a rerun of
    // that day puts the order back into January, exactly as a rebuild from the corrected landing.
    landing.write("orders", "2024-02-05", "a.jsonl", order("E6", "O3", "created", "2024-02-05T09:00:00+08:00"));
    pipeline.run(new RunRequest(landing.root().toString(), null, null, null, LocalDate.of(2024, 2, 5), false, "test"));
    assertEquals(List.of("[2024-01,1.0000000000,1.0000000000]", "[2024-02,1.0000000000,2.0000000000]"), rows(spark, serviceOrders));
    assertSameAsFullRebuild(spark, landing, incremental, "corrected");

    // Rerunning the same day again changes nothing, row for row.
    List<String> before = rows(spark, "SELECT * EXCEPT (run_id) FROM delta.`" + incremental.path("bronze.orders") + "` ORDER BY ALL");
    List<String> scoresBefore = rows(spark, "SELECT * FROM delta.`" + incremental.path("gold.county_scores") + "` ORDER BY ALL");
    pipeline.run(new RunRequest(landing.root().toString(), null, null, null, LocalDate.of(2024, 2, 5), false, "test"));
    assertEquals(before, rows(spark, "SELECT * EXCEPT (run_id) FROM delta.`" + incremental.path("bronze.orders") + "` ORDER BY ALL"));
    assertEquals(scoresBefore, rows(spark, "SELECT * FROM delta.`" + incremental.path("gold.county_scores") + "` ORDER BY ALL"));

    // An export day delayed past later ones: 25 January arrives now, with O2's completion E4 (which 31
    // January re-sent) at 30,000 yuan. Its copy is the first by dt, so it loads, 31 January's becomes a
    // duplicate, and January's deal amount follows, exactly as in a full rebuild.
    landing.write("orders", "2024-01-25", "a.jsonl", order("E4", "O2", "completed", "2024-01-31T23:00:00", 30000));
    pipeline.run(RunRequest.everything(landing.root().toString(), "test"));
    assertEquals(List.of("[2024-01-25]"), rows(spark, "SELECT dt FROM delta.`" + incremental.path("bronze.orders")
        + "` WHERE event_id = 'E4'"));
    assertEquals(List.of("[2024-01,3.0000000000]"), rows(spark, "SELECT period, actual FROM delta.`"
        + incremental.path("gold.kpi_county_month") + "` WHERE county_code = '510104' AND kpi_code = 'deal_amount_wan'"
        + " AND period = '2024-01'"));
    assertSameAsFullRebuild(spark, landing, incremental, "late");

    // The platform re-exports 25 January empty (E4 was already in 31 January's export): a rerun of that
    // day loads 31 January's copy again, which it had counted as a duplicate, and takes 31 January in
    // again through silver and gold. Everything but the empty day's audit row is then what the rebuild
    // of the corrected landing (without 25 January) holds.
    landing.writeBytes("orders", "2024-01-25", "a.jsonl", new byte[0]);
    pipeline.run(new RunRequest(landing.root().toString(), null, null, null, LocalDate.of(2024, 1, 25), false, "test"));
    assertEquals(List.of("[2024-01-25,0,0,0,0]", "[2024-01-31,2,2,0,0]"), rows(spark, "SELECT dt, lines_read, loaded,"
        + " duplicates, quarantined FROM delta.`" + incremental.path("ops.ingest_audit") + "` WHERE source = 'orders'"
        + " AND dt IN ('2024-01-25', '2024-01-31') ORDER BY dt"));
    assertSameTables(spark, new WarehouseLayout(tmp.resolve("corrected")), incremental, "NOT (dt = '2024-01-25')");
  }

  private void assertSameAsFullRebuild(SparkSession spark, Landing landing, WarehouseLayout incremental, String name) {
    WarehouseLayout full = new WarehouseLayout(tmp.resolve(name));
    new Runner(spark, full.root(), KEY, s -> { }).run(new RunRequest(landing.root().toString(), null, null, null, null, true, "test"));
    assertSameTables(spark, full, incremental, "TRUE");
  }

  /** The tables the orders touch hold the same rows in both warehouses; {@code audit} selects the audit rows to compare. */
  private static void assertSameTables(SparkSession spark, WarehouseLayout full, WarehouseLayout incremental, String audit) {
    for (String table : List.of("bronze.orders", "ops.ingest_audit", "silver.order_events", "silver.orders",
        "silver.users", "gold.kpi_actuals", "gold.kpi_county_month", "gold.county_scores")) {
      // Which run wrote a row, and when, are the only columns that may differ.
      List<String> when = List.of(spark.read().format("delta").load(full.path(table)).columns()).stream()
          .filter(c -> c.equals("run_id") || c.equals("ingested_at")).toList();
      String columns = when.isEmpty() ? "*" : "* EXCEPT (" + String.join(", ", when) + ")";
      String where = table.equals("ops.ingest_audit") ? " WHERE " + audit : "";
      assertEquals(rows(spark, "SELECT " + columns + " FROM delta.`" + full.path(table) + "`" + where + " ORDER BY ALL"),
          rows(spark, "SELECT " + columns + " FROM delta.`" + incremental.path(table) + "`" + where + " ORDER BY ALL"), table);
    }
  }

  private static List<String> rows(SparkSession spark, String sql) {
    return spark.sql(sql).collectAsList().stream().map(Row::toString).toList();
  }
}
