package org.tianfu.warehouse.orchestrate;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tianfu.warehouse.generate.GeneratorOptions;
import org.tianfu.warehouse.generate.LandingGenerator;
import org.tianfu.warehouse.ingest.PhysicalLines;
import org.tianfu.warehouse.metrics.KpiCatalogue;
import org.tianfu.warehouse.metrics.Methodology;
import org.tianfu.warehouse.metrics.Periods;
import org.tianfu.warehouse.models.SqlModels;
import org.tianfu.warehouse.store.WarehouseLayout;
import org.tianfu.warehouse.models.DuckDbEngine;
import org.tianfu.warehouse.testing.TableRows;
import org.tianfu.warehouse.testing.TestSpark;

/**
 * The whole pipeline on generated exports (bad lines, duplicates, late events, a month boundary):
 * every line accounted for, a day-by-day incremental warehouse identical to a full rebuild, and
 * DuckDB running the same SQL files to the same gold rows as Spark.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineIT {
  static final LocalDate FROM = LocalDate.of(2024, 1, 30);
  static final LocalDate TO = LocalDate.of(2024, 2, 1);
  static final byte[] KEY = "pipeline-it".getBytes(StandardCharsets.UTF_8);

  @TempDir static Path tmp;
  SparkSession spark;
  Path landing;
  WarehouseLayout full;

  @BeforeAll
  void buildFullWarehouse() throws IOException {
    spark = TestSpark.session();
    landing = tmp.resolve("landing");
    new LandingGenerator(new GeneratorOptions(landing, FROM, TO, 0.02, 11L, 0.01, false)).run();
    full = new WarehouseLayout(tmp.resolve("full"));
    new Runner(spark, full.root(), KEY, s -> { }).run(new RunRequest(landing.toString(), null, null, null, null, true, "test"));
  }

  private Dataset<Row> table(WarehouseLayout layout, String table) {
    return spark.read().format("delta").load(layout.path(table));
  }

  @Test
  void everyLineReadIsAccountedForPerFile() throws IOException {
    Map<String, Long> counted = new TreeMap<>();
    for (String source : List.of("registrations", "postings", "orders", "science_base_activity", "popsci_deliveries")) {
      try (Stream<Path> files = Files.walk(landing.resolve(source))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
          counted.put(source + "/" + f.getParent().getFileName().toString().substring(3) + "/" + f.getFileName(),
              (long) PhysicalLines.split(Files.readAllBytes(f)).size());
        }
      }
    }
    Map<String, Long> audited = new TreeMap<>();
    for (Row r : table(full, "ops.ingest_audit").where("source <> 'targets'").collectAsList()) {
      String key = r.getAs("source") + "/" + r.getAs("dt") + "/" + r.getAs("file");
      audited.put(key, r.getAs("lines_read"));
      long sum = (long) r.getAs("loaded") + (long) r.getAs("duplicates") + (long) r.getAs("quarantined");
      assertEquals((long) r.getAs("lines_read"), sum, key);
    }
    assertEquals(counted, audited);

    // What the audit says was loaded and quarantined is what the tables hold, file by file.
    for (String source : List.of("registrations", "postings", "orders", "science_base_activity", "popsci_deliveries")) {
      List<Row> mismatches = spark.sql("SELECT a.dt, a.file FROM delta.`" + full.path("ops.ingest_audit") + "` a"
          + " LEFT JOIN (SELECT dt, file, count(*) n FROM delta.`" + full.path("bronze." + source) + "` GROUP BY dt, file) b"
          + "   ON a.dt = b.dt AND a.file = b.file"
          + " LEFT JOIN (SELECT dt, file, count(*) n FROM delta.`" + full.path("ops.quarantine") + "` WHERE source = '"
          + source + "' GROUP BY dt, file) q ON a.dt = q.dt AND a.file = q.file"
          + " WHERE a.source = '" + source + "' AND (a.loaded <> coalesce(b.n, 0) OR a.quarantined <> coalesce(q.n, 0))")
          .collectAsList();
      assertEquals(List.of(), mismatches, source);
    }
  }

  @Test
  void bronzeHoldsEachIdOnceWithItsFieldsIntact() {
    Map<String, String> ids = Map.of("registrations", "event_id", "postings", "posting_id", "orders", "event_id",
        "science_base_activity", "activity_id", "popsci_deliveries", "delivery_id");
    ids.forEach((source, id) -> assertEquals(0L, table(full, "bronze." + source).groupBy(id).count()
        .where("count > 1").count(), source));
    List<String> statuses = table(full, "bronze.orders").select("status").distinct().orderBy("status")
        .collectAsList().stream().map(r -> r.getString(0)).toList();
    assertTrue(List.of("cancelled", "completed", "created", "matched", "signed").containsAll(statuses), statuses.toString());
    assertTrue(statuses.contains("completed"), statuses.toString());
  }

  @Test
  void everyKindOfBadLineIsQuarantinedWithItsReason() {
    List<String> kinds = table(full, "ops.quarantine")
        .selectExpr("CASE WHEN instr(reason, ':') > 0 THEN substr(reason, 1, instr(reason, ':')) ELSE reason END AS kind")
        .distinct().orderBy("kind").collectAsList().stream().map(r -> r.getString(0)).toList();
    assertEquals(List.of("bad_encoding", "bad_timestamp:", "bad_value:", "malformed_json", "missing_field:", "unknown_county:"), kinds);
    assertTrue(table(full, "ops.quarantine").where("source = 'targets'").count() > 0, "rejected target rows");
  }

  @Test
  void noPhoneNumberIsStoredInClear() {
    String mobile = "(^|[^0-9])1[3-9][0-9]{9}([^0-9]|$)";
    for (String table : full.tables()) {
      Dataset<Row> rows = table(full, table);
      List<String> columns = new ArrayList<>();
      for (StructField f : rows.schema().fields()) {
        // A hex HMAC digest may hold 11 digits in a row by chance; it is the hash, not a number.
        if (f.dataType().equals(DataTypes.StringType) && !f.name().endsWith("_hash")) {
          columns.add(f.name());
        }
      }
      if (columns.isEmpty()) {
        continue;
      }
      // One pass per table counts every column's matches: a job per column made this test half a minute.
      Column[] matches = columns.stream().map(c -> count(when(rows.col(c).rlike(mobile), lit(1)))).toArray(Column[]::new);
      Row counts = rows.select(matches).first();
      for (int i = 0; i < columns.size(); i++) {
        assertEquals(0L, counts.getLong(i), table + "." + columns.get(i));
      }
    }
    assertTrue(table(full, "bronze.registrations").where("phone_masked RLIKE '^1[3-9][0-9]\\\\*{4}[0-9]{4}$'").count() > 0);
  }

  @Test
  void goldIsDenseOverCountiesMonthsAndKpis() {
    assertEquals(183L * 2 * 13, table(full, "gold.kpi_county_month").count());
    assertEquals(List.of("2024-01", "2024-02"), table(full, "gold.county_scores").select("period").distinct()
        .orderBy("period").collectAsList().stream().map(r -> r.getString(0)).toList());
    assertEquals(183L * 2, table(full, "gold.county_scores").count());
  }

  @Test
  void aBackfillDayByDayIsIdenticalToAFullRebuild() {
    WarehouseLayout backfill = new WarehouseLayout(tmp.resolve("backfill"));
    Runner runner = new Runner(spark, backfill.root(), KEY, s -> { });
    runner.run(new RunRequest(landing.toString(), FROM, TO, null, null, false, "backfill"));
    // Nothing new: a further run changes nothing.
    runner.run(RunRequest.everything(landing.toString(), "again"));

    // Everything but the record of the runs themselves.
    List<String> data = TableRows.dataTables(full);
    assertEquals(data, TableRows.dataTables(backfill));
    for (String table : data) {
      assertEquals(TableRows.sorted(spark, full, table), TableRows.sorted(spark, backfill, table), table);
    }
    List<String> statuses = table(backfill, "ops.runs").orderBy("started_at").select("status", "date_from", "date_to")
        .collectAsList().stream().map(Row::toString).toList();
    assertEquals(List.of("[succeeded," + FROM + "," + TO + "]", "[succeeded,null,null]"), statuses);
  }

  @Test
  void duckDbRunsTheSameSqlToTheSameGoldRows() throws Exception {
    List<YearMonth> periods = Periods.between(YearMonth.of(2024, 1), YearMonth.of(2024, 2));
    try (DuckDbEngine duck = new DuckDbEngine()) {
      KpiCatalogue catalogue = KpiCatalogue.load();
      duck.register(catalogue.relation());
      Methodology.load(catalogue).relations().forEach(duck::register);
      duck.register(Periods.relation(periods));
      // Silver as one snapshot in plain Parquet, which DuckDB reads natively.
      for (String table : List.of("order_events", "users", "postings", "science_base_activity",
          "popsci_deliveries", "counties", "targets")) {
        Path parquet = tmp.resolve("parity").resolve(table);
        table(full, "silver." + table).write().parquet(parquet.toString());
        duck.execute("CREATE TABLE " + table + " AS SELECT * FROM read_parquet('" + parquet + "/*.parquet')");
      }
      // The order state too: silver/orders.sql on DuckDB, then the whole gold chain.
      SqlModels.define(duck, SqlModels.SILVER_ORDERS);
      SqlModels.defineGold(duck);

      for (String table : List.of("kpi_county_month", "county_scores")) {
        Dataset<Row> spark = table(full, "gold." + table);
        String columns = String.join(", ", spark.columns());
        List<String> fromSpark = new ArrayList<>();
        spark.selectExpr(spark.columns()).collectAsList().forEach(r -> fromSpark.add(text(
            java.util.stream.IntStream.range(0, r.size()).mapToObj(r::get).toList())));
        List<String> fromDuck = new ArrayList<>();
        duck.query("SELECT " + columns + " FROM " + table).forEach(r -> fromDuck.add(text(r)));
        fromSpark.sort(Comparator.naturalOrder());
        fromDuck.sort(Comparator.naturalOrder());
        assertEquals(fromSpark.size(), fromDuck.size(), table);
        for (int i = 0; i < fromSpark.size(); i++) {
          assertEquals(fromSpark.get(i), fromDuck.get(i), table + " row " + i);
        }
      }
    }
  }

  /** One row as text both engines agree on: decimals with their scale, integers of any width alike. */
  private static String text(List<Object> values) {
    StringBuilder sb = new StringBuilder();
    for (Object v : values) {
      sb.append(v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v)).append('|');
    }
    return sb.toString();
  }
}
