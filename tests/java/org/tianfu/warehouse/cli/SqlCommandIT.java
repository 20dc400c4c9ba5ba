package org.tianfu.warehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tianfu.warehouse.cli.WarehouseCliIT.Result;
import org.tianfu.warehouse.serve.ResultFormat;
import org.tianfu.warehouse.testing.DayByDayWarehouse;

/** {@code bin/warehouse sql} as a person runs it: the shell over a pipe, extracts, refusals and their exit codes. */
class SqlCommandIT {
  static final String LEADER = "SELECT county_code, county_name, rank_province FROM gold.county_scores"
      + " WHERE period = '2024-02' AND rank_province <= 2 ORDER BY rank_province, county_code";

  @TempDir Path tmp;
  final String warehouse = DayByDayWarehouse.get().layout().root().toString();

  /** What the shell should print for a query. */
  private static String table(String sql) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ResultFormat.TABLE.print(DayByDayWarehouse.get().duckDb().query(sql), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theShellListsDescribesAnswersAndKeepsItsHistoryAtHome() throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home"));
    String input = String.join("\n", ".tables", "describe gold.kpi_county_month",
        LEADER.replace(" WHERE", "\n  WHERE") + ";",
        "SELECT * FROM read_csv('/etc/passwd');",
        "SELECT count(*) AS n FROM gold.kpi_county_month WHERE kpi_code != 'postings';",
        ".quit", "");
    Result r = WarehouseCliIT.warehouseWithInput(Map.of("HOME", home.toString()), input, "sql", "--warehouse", warehouse);
    assertEquals(0, r.exit(), r.err());
    String out = r.out();
    assertTrue(out.contains("sql> bronze.orders\nbronze.popsci_deliveries\n"), out);
    assertTrue(out.contains("gold.county_scores\ngold.kpi_actuals\ngold.kpi_county_month\n"), out);
    assertTrue(out.contains("completion_rate | DOUBLE"), out);
    assertTrue(out.contains("actual          | DECIMAL(28,10)"), out);
    assertTrue(out.contains(table(LEADER)), out);
    assertTrue(out.contains("error: Permission Error: Cannot access file \"/etc/passwd\" - file system operations"
        + " are disabled by configuration\n"), out);
    assertTrue(out.contains(table("SELECT count(*) AS n FROM gold.kpi_county_month WHERE kpi_code != 'postings'")), out);
    assertTrue(out.contains("4392"), out);
    List<String> history = Files.readAllLines(home.resolve(SqlShell.HISTORY)).stream()
        .map(l -> l.substring(l.indexOf(':') + 1)).toList();
    assertTrue(history.contains("SELECT count(*) AS n FROM gold.kpi_county_month WHERE kpi_code != 'postings';"), history.toString());
    assertTrue(history.contains("describe gold.kpi_county_month"), history.toString());
  }

  @Test
  void aParquetExtractGoesToTheNamedFile() throws Exception {
    Path out = tmp.resolve("scores.parquet");
    Result r = WarehouseCliIT.warehouse(Map.of(), "sql", "--warehouse", warehouse, "--format", "parquet",
        "--out", out.toString(), "SELECT * FROM gold.county_scores WHERE period = '2024-02'");
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.out());
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT count(*) FROM '" + out + "'")) {
      rs.next();
      assertEquals(183, rs.getInt(1));
    }
  }

  @Test
  void refusalsAreOneLineAndStatusTwo() throws Exception {
    assertError("error: the warehouse is read-only here: only queries are answered (SELECT, FROM, WITH, DESCRIBE,"
        + " SHOW, SUMMARIZE), not COPY", "sql", "--warehouse", warehouse,
        "COPY (SELECT * FROM gold.county_scores) TO '" + tmp.resolve("x.csv") + "'");
    assertError("error: --format xlsx writes a file: name it with --out FILE",
        "sql", "--warehouse", warehouse, "--format", "xlsx", "SELECT 1");
    assertError("error: --out " + warehouse + "/gold/x.csv is inside the warehouse, which only the pipeline writes",
        "sql", "--warehouse", warehouse, "--format", "csv", "--out", warehouse + "/gold/x.csv", "SELECT 1");
  }

  private static void assertError(String expected, String... args) throws Exception {
    Result r = WarehouseCliIT.warehouse(Map.of(), args);
    assertEquals(2, r.exit(), r.err());
    assertEquals(expected + "\n", r.err());
  }
}
