package org.tianfu.warehouse.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tianfu.warehouse.store.WarehouseLayout;
import org.tianfu.warehouse.testing.DayByDayWarehouse;
import org.tianfu.warehouse.testing.TestSpark;

/**
 * What a province analyst cannot do from the SQL prompt (write, read outside the snapshot files,
 * attach, install or load extensions, change settings), what the extracts hold, and the tables the
 * DuckDB engine refuses rather than misread.
 */
class DuckDbContainmentIT {
  static final String READ_ONLY = "the warehouse is read-only here: only queries are answered"
      + " (SELECT, FROM, WITH, DESCRIBE, SHOW, SUMMARIZE), not ";

  @TempDir Path tmp;
  final WarehouseLayout layout = DayByDayWarehouse.get().layout();
  final DuckDbSql duckDb = DayByDayWarehouse.get().duckDb();

  private String refusal(String sql) {
    return assertThrows(QueryError.class, () -> duckDb.query(sql), sql).getMessage();
  }

  @Test
  void nothingCanBeWrittenAttachedInstalledOrSet() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("attempts"));
    Path target = dir.resolve("copied.csv");
    assertEquals(READ_ONLY + "COPY", refusal("COPY (SELECT * FROM gold.county_scores) TO '" + target + "'"));
    assertEquals(READ_ONLY + "COPY", refusal("COPY gold.county_scores TO '" + target + "' (FORMAT parquet)"));
    assertEquals(READ_ONLY + "CREATE", refusal("CREATE TABLE leaderboard AS SELECT * FROM gold.county_scores"));
    assertEquals(READ_ONLY + "CREATE", refusal("CREATE TEMP TABLE t (i INTEGER)"));
    assertEquals(READ_ONLY + "INSERT", refusal("INSERT INTO gold.county_scores SELECT * FROM gold.county_scores"));
    assertEquals(READ_ONLY + "DELETE", refusal("DELETE FROM gold.county_scores"));
    assertEquals(READ_ONLY + "ATTACH", refusal("ATTACH '" + dir.resolve("other.duckdb") + "' AS other"));
    assertEquals(READ_ONLY + "ATTACH", refusal("ATTACH ':memory:' AS scratch"));
    assertEquals(READ_ONLY + "INSTALL", refusal("INSTALL httpfs"));
    assertEquals(READ_ONLY + "LOAD", refusal("LOAD httpfs"));
    assertEquals(READ_ONLY + "SET", refusal("SET enable_external_access = true"));
    assertEquals(READ_ONLY + "EXPORT", refusal("EXPORT DATABASE '" + dir.resolve("export") + "'"));
    // A harmless first statement must not carry a second one through.
    assertEquals("the warehouse is read-only here: only queries are answered (SELECT, FROM, WITH, DESCRIBE, SHOW,"
        + " SUMMARIZE), one at a time", refusal("SELECT 1; CREATE TABLE t AS SELECT * FROM gold.county_scores"));
    assertEquals("one statement at a time, please (2 given)", refusal("SELECT 1; SELECT 2;"));
    assertEquals(List.of(), listing(dir));
  }

  @Test
  void theSparkEngineRefusesCommandsBeforeRunningThem() {
    try (SparkSql spark = new SparkSql(TestSpark.session(), layout, AsOf.LATEST)) {
      String refused = "the warehouse is read-only here: only queries are answered (SELECT, WITH, DESCRIBE, SHOW,"
          + " EXPLAIN), not ";
      assertEquals(refused + "DeleteFromTable",
          assertThrows(QueryError.class, () -> spark.query("DELETE FROM gold.county_scores")).getMessage());
      assertEquals(refused + "InsertIntoStatement", assertThrows(QueryError.class,
          () -> spark.query("INSERT INTO gold.county_scores SELECT * FROM gold.county_scores")).getMessage());
      assertEquals(refused + "SetCommand",
          assertThrows(QueryError.class, () -> spark.query("SET spark.sql.runSQLOnFiles = true")).getMessage());
      assertEquals(List.of(List.of("366")), DuckDbParityIT.text(spark.query("SELECT count(*) AS n FROM gold.county_scores")));
    }
  }

  @Test
  void onlyTheSnapshotFilesCanBeRead() throws IOException {
    String denied = "Permission Error: Cannot access file \"%s\" - file system operations are disabled by configuration";
    assertEquals(String.format(denied, "/etc/passwd"), firstLine(refusal("SELECT * FROM read_csv('/etc/passwd')")));
    assertEquals(String.format(denied, "/etc/hostname"), firstLine(refusal("SELECT * FROM read_text('/etc/hostname')")));
    String glob = layout.path("gold.kpi_county_month") + "/*.parquet";
    assertEquals(String.format(denied, glob), firstLine(refusal("SELECT count(*) FROM read_parquet('" + glob + "')")));
    String removed = removedFile("gold.kpi_county_month");
    assertEquals(String.format(denied, removed), firstLine(refusal("SELECT count(*) FROM '" + removed + "'")));
    String url = "https://example.com/counties.csv";
    assertEquals(String.format(denied, url), firstLine(refusal("SELECT * FROM read_csv('" + url + "')")));
    // Files it may read: what the views read, by name.
    assertEquals(List.of(List.of("366")), DuckDbParityIT.text(duckDb.query("SELECT count(*) AS n FROM gold.county_scores")));
  }

  @Test
  void aParquetExtractHoldsTheRowsWithTheirTypes() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("extract"));
    Path out = dir.resolve("leaderboard.parquet");
    duckDb.exportParquet("SELECT county_code, score, rank_province, period FROM gold.county_scores"
        + " WHERE period = '2024-02' ORDER BY county_code -- the BI extract\n;", out);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      ResultSet types = s.executeQuery("SELECT string_agg(column_type, ',') FROM (DESCRIBE SELECT * FROM '" + out + "')");
      types.next();
      assertEquals("VARCHAR,DOUBLE,INTEGER,VARCHAR", types.getString(1));
      ResultSet rows = s.executeQuery("SELECT count(*), count(DISTINCT county_code) FROM '" + out + "'");
      rows.next();
      assertEquals(183, rows.getInt(1));
      assertEquals(183, rows.getInt(2));
    }
    assertEquals(List.of("leaderboard.parquet"), listing(dir));
  }

  @Test
  void anExcelSheetHoldsNumbersAsNumbers() throws IOException {
    QueryResult result = duckDb.query("SELECT county_code, county_name, score, rank_province, kpis_scored"
        + " FROM gold.county_scores WHERE period = '2024-02' ORDER BY county_code LIMIT 3");
    Path out = tmp.resolve("leaderboard.xlsx");
    try (OutputStream file = Files.newOutputStream(out)) {
      ResultFormat.XLSX.print(result, file);
    }
    try (ReadableWorkbook workbook = new ReadableWorkbook(out.toFile()); Stream<Row> rows = workbook.getFirstSheet().openStream()) {
      List<Row> sheet = rows.toList();
      assertEquals(4, sheet.size());
      assertEquals(List.of("county_code", "county_name", "score", "rank_province", "kpis_scored"),
          sheet.get(0).stream().map(c -> c.getText()).toList());
      for (int r = 1; r <= 3; r++) {
        List<Object> expected = result.rows().get(r - 1);
        assertEquals(expected.get(0), sheet.get(r).getCellAsString(0).orElseThrow());
        assertEquals(expected.get(1), sheet.get(r).getCellAsString(1).orElseThrow());
        if (expected.get(2) != null) {
          assertEquals(new BigDecimal(expected.get(2).toString()).doubleValue(),
              sheet.get(r).getCellAsNumber(2).orElseThrow().doubleValue());
        }
        assertEquals(expected.get(4).toString(), sheet.get(r).getCellAsNumber(4).orElseThrow().toPlainString());
      }
    }
  }

  @Test
  void deletionVectorsAreRefusedNotMisread() {
    SparkSession spark = TestSpark.session();
    WarehouseLayout dv = new WarehouseLayout(tmp.resolve("dv"));
    String path = dv.path("ops.removals");
    spark.sql("CREATE TABLE delta.`" + path + "` (id BIGINT) USING delta TBLPROPERTIES ('delta.enableDeletionVectors' = 'true')");
    spark.range(10).write().format("delta").mode("append").save(path);
    spark.sql("DELETE FROM delta.`" + path + "` WHERE id = 3");
    try (DuckDbSql duck = new DuckDbSql(dv, AsOf.LATEST); SparkSql sparkSql = new SparkSql(spark, dv)) {
      assertEquals("ops.removals has deletion vectors, which the DuckDB engine does not apply; use --engine spark",
          assertThrows(QueryError.class, () -> duck.query("SELECT count(*) AS n FROM ops.removals")).getMessage());
      assertEquals(List.of(List.of("9")), DuckDbParityIT.text(sparkSql.query("SELECT count(*) AS n FROM ops.removals")));
    }
  }

  @Test
  void theWarehouseWriterMakesNoDeletionVectorsAndKeepsItsLog() throws IOException {
    assertTrue(logMentions("silver.orders", "\"operation\":\"MERGE\""));
    assertTrue(logMentions("ops.dirty_periods", "\"operation\":\"DELETE\""));
    DeltaLog log = new DeltaLog(layout);
    for (String table : layout.tables()) {
      // Created so by the writer's session defaults, and so written.
      assertTrue(logMentions(table, "\"delta.enableDeletionVectors\":\"false\""), table);
      assertTrue(logMentions(table, "\"delta.logRetentionDuration\":\"interval 3650 days\""), table);
      assertFalse(logMentions(table, "\"deletionVector\":{"), table);
      log.snapshot(table, AsOf.LATEST);
    }
  }

  private boolean logMentions(String table, String text) throws IOException {
    try (Stream<Path> commits = Files.list(Path.of(layout.path(table), "_delta_log"))) {
      for (Path commit : commits.filter(f -> f.toString().endsWith(".json")).toList()) {
        if (Files.readString(commit).contains(text)) {
          return true;
        }
      }
    }
    return false;
  }

  private String removedFile(String table) throws IOException {
    Set<String> live = new HashSet<>();
    new DeltaLog(layout).snapshot(table, AsOf.LATEST).files().forEach(f -> live.add(f.path()));
    try (Stream<Path> files = Files.list(Path.of(layout.path(table)))) {
      return files.map(Path::toString).filter(f -> f.endsWith(".parquet") && !live.contains(f)).findFirst().orElseThrow();
    }
  }

  private static List<String> listing(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(f -> names.add(f.getFileName().toString()));
    }
    return names;
  }

  private static String firstLine(String message) {
    return message.lines().findFirst().orElse("");
  }
}
