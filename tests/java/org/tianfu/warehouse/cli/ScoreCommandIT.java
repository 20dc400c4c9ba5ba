package org.tianfu.warehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tianfu.warehouse.report.XlsxRows;
import org.tianfu.warehouse.serve.AsOf;
import org.tianfu.warehouse.serve.DeltaLog;
import org.tianfu.warehouse.serve.DuckDbSql;
import org.tianfu.warehouse.store.WarehouseLayout;
import org.tianfu.warehouse.testing.DayByDayWarehouse;

/** {@code warehouse score}: a proposed methodology scored beside the published one, on a warehouse built night by night. */
class ScoreCommandIT {
  static final String PERIOD = "2024-02";
  static final String SHIPPED = "schemas/methodology.json";
  /** Six tenths of the score on service orders, four on new users. */
  static final Map<String, Double> WEIGHTS = Map.of("service_orders", 0.6, "new_users", 0.4);

  @TempDir Path tmp;
  final WarehouseLayout layout = DayByDayWarehouse.get().layout();
  final String warehouse = layout.root();

  record Result(int exit, String out, String err) {}

  /** The command in this JVM, its standard output and error captured. */
  static Result score(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
    try {
      List<String> command = new ArrayList<>(List.of("score"));
      command.addAll(List.of(args));
      int exit = Warehouse.execute(command.toArray(String[]::new));
      return new Result(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  /** The shipped methodology with other weights, as province staff would draft one. */
  private Path proposal(String name, String weights) throws IOException {
    String shipped = Files.readString(Path.of(SHIPPED));
    String proposal = shipped.replaceFirst("\"version\": \"[^\"]*\"", "\"version\": \"" + name + "\"")
        .replaceFirst("(?s)\"weights\": \\{[^}]*}", "\"weights\": " + weights);
    return Files.writeString(tmp.resolve(name + ".json"), proposal);
  }

  /** The table's rows: a county code, then its cells. */
  private static List<List<String>> countyLines(String out) {
    return out.lines().filter(l -> l.matches("[0-9]{6} +\\|.*"))
        .map(l -> Stream.of(l.split("\\|")).map(String::strip).toList()).toList();
  }

  @Test
  void theShippedMethodologyAsAProposalChangesNothing() throws Exception {
    Path xlsx = tmp.resolve("same.xlsx");
    Result r = score("--warehouse", warehouse, "--methodology", SHIPPED, "--period", PERIOD, "--out", xlsx.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.err());
    List<List<String>> counties = countyLines(r.out());
    assertEquals(183, counties.size());
    int scored = (int) counties.stream().filter(c -> !c.get(3).equals("unscored")).count();
    assertTrue(scored > 150, scored + " counties scored");
    for (List<String> c : counties) {
      assertEquals(c.subList(3, 6), c.subList(6, 9), "the same score, rank and grade: " + c);
      assertEquals(c.get(3).equals("unscored") ? "—" : "0", c.get(9), c.toString());
    }
    assertTrue(r.out().contains("\nSpearman ρ = 1.0000 over " + scored + " counties scored under both; 0 counties change grade.\n"),
        r.out());
    List<Row> summary = XlsxRows.read(xlsx).get("汇总");
    assertEquals(1.0, Double.parseDouble(XlsxRows.rowByFirstCell(summary, "Spearman 等级相关系数 ρ").get("内容")));
    assertEquals("0", XlsxRows.rowByFirstCell(summary, "等级变化的县数").get("内容"));
  }

  @Test
  void otherWeightsGiveTheScoresOfTheirWeightedKpis() throws Exception {
    Path file = proposal("orders-and-users", "{\"service_orders\": 0.6, \"new_users\": 0.4}");
    Path xlsx = tmp.resolve("whatif.xlsx");
    Result r = score("--warehouse", warehouse, "--methodology", file.toString(), "--period", PERIOD, "--out", xlsx.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("What-if scoring of 2024-02: " + file + " (methodology orders-and-users) beside the"
        + " published scores (methodology 2024.2).\nPublished by run "), r.out());
    assertTrue(r.out().contains(", data as of export day " + DayByDayWarehouse.TO + "; read gold.county_scores version "),
        r.out());

    // An independent computation from gold.kpi_county_month as published: Σ w·100·min(pace, 1.2) / Σ w
    // over the weighted KPIs the county has a target for.
    Map<String, Double> expected = expectedScores();
    String county = countyWithBoth();
    Map<String, List<Row>> workbook = XlsxRows.read(xlsx);
    Map<String, String> row = XlsxRows.rowByFirstCell(workbook.get("各县对比"), county);
    assertEquals(expected.get(county), Double.parseDouble(row.get("拟议得分（未舍入）")), 1e-9, county);
    String shown = new BigDecimal(expected.get(county)).setScale(2, RoundingMode.HALF_UP).toPlainString();
    List<String> line = countyLines(r.out()).stream().filter(c -> c.get(0).equals(county)).findFirst().orElseThrow();
    assertEquals(shown, line.get(6), line.toString());
    // The rank change is the published rank less the proposed one.
    assertEquals(Integer.parseInt(line.get(4)) - Integer.parseInt(line.get(7)), Integer.parseInt(line.get(9)), line.toString());

    // Every county the proposal scores is one with a target for a weighted KPI, and the other way round.
    List<List<String>> lines = countyLines(r.out());
    assertEquals(expected.keySet(), new TreeSet<>(lines.stream()
        .filter(c -> !c.get(6).equals("unscored")).map(c -> c.get(0)).toList()));
    long gradeChanges = lines.stream().filter(c -> !c.get(5).equals(c.get(8))).count();
    assertTrue(gradeChanges > 0, "moving weight changes some grades");
    assertTrue(r.out().contains(" counties change grade:\n"), r.out());
    assertEquals(String.valueOf(gradeChanges), XlsxRows.rowByFirstCell(workbook.get("汇总"), "等级变化的县数").get("内容"));
    assertEquals(gradeChanges, workbook.get("汇总").stream().filter(x -> x.getCellText(0).equals("等级变化")).count());
    double rho = Double.parseDouble(XlsxRows.rowByFirstCell(workbook.get("汇总"), "Spearman 等级相关系数 ρ").get("内容"));
    assertTrue(rho > -1 && rho < 1, "ρ " + rho);
    assertTrue(r.out().contains("Spearman ρ = " + String.format("%.4f", rho) + " over "), r.out());
  }

  /** The proposed score of each county it scores, computed in Java from the published gold.kpi_county_month. */
  private Map<String, Double> expectedScores() {
    Map<String, double[]> sums = new TreeMap<>();   // county → {Σ w·kpi_score, Σ w}
    for (List<Object> k : publishedKpis("SELECT county_code, kpi_code, pace FROM gold.kpi_county_month"
        + " WHERE period = '" + PERIOD + "' AND target > 0 AND kpi_code IN ('service_orders', 'new_users')")) {
      double w = WEIGHTS.get((String) k.get(1));
      double[] s = sums.computeIfAbsent((String) k.get(0), c -> new double[2]);
      s[0] += w * 100 * Math.min(((Number) k.get(2)).doubleValue(), 1.2);
      s[1] += w;
    }
    Map<String, Double> scores = new TreeMap<>();
    sums.forEach((county, s) -> scores.put(county, s[0] / s[1]));
    return scores;
  }

  /** A county with a target and some pace on both KPIs, so that its score is a real weighted mean. */
  private String countyWithBoth() {
    return (String) publishedKpis("SELECT county_code FROM gold.kpi_county_month WHERE period = '" + PERIOD
        + "' AND target > 0 AND pace > 0 AND kpi_code IN ('service_orders', 'new_users')"
        + " GROUP BY county_code HAVING count(*) = 2 ORDER BY county_code LIMIT 1").get(0).get(0);
  }

  private List<List<Object>> publishedKpis(String sql) {
    long version = ((Number) lastPublication().get(1)).longValue();
    try (DuckDbSql published = new DuckDbSql(layout, new AsOf(version, null))) {
      return published.query(sql).rows();
    }
  }

  /** The last publication's run and the version of gold.kpi_county_month it recorded. */
  private List<Object> lastPublication() {
    try (DuckDbSql latest = new DuckDbSql(layout, AsOf.LATEST)) {
      return latest.query("SELECT run_id, table_versions['gold.kpi_county_month'] FROM ops.publications"
          + " ORDER BY published_at DESC LIMIT 1").rows().get(0);
    }
  }

  @Test
  void mistakesAreOneLineAndStatusTwo() throws Exception {
    Path unbalanced = proposal("unbalanced", "{\"service_orders\": 0.6, \"new_users\": 0.3}");
    assertError("error: --methodology " + unbalanced + ": weights must sum to 1, they sum to 0.9",
        "--warehouse", warehouse, "--methodology", unbalanced.toString(), "--period", PERIOD);
    Path missing = tmp.resolve("missing.json");
    assertError("error: --methodology " + missing + ": no such file",
        "--warehouse", warehouse, "--methodology", missing.toString(), "--period", PERIOD);
    assertError("error: --period 2023-12: not in the published gold.county_scores (run " + lastPublication().get(0)
        + "); months published: 2024-01, 2024-02", "--warehouse", warehouse, "--methodology", SHIPPED, "--period", "2023-12");
    assertError("error: --warehouse " + tmp + ": nothing published yet (no row in ops.publications): 'warehouse run'"
        + " publishes gold", "--warehouse", tmp.toString(), "--methodology", SHIPPED, "--period", PERIOD);
    assertError("error: --out " + tmp.resolve("x.csv") + ": the workbook is XLSX; name it FILE.xlsx",
        "--warehouse", warehouse, "--methodology", SHIPPED, "--period", PERIOD, "--out", tmp.resolve("x.csv").toString());
    assertError("error: --out " + warehouse + "/x.xlsx is inside the warehouse, which only the pipeline writes",
        "--warehouse", warehouse, "--methodology", SHIPPED, "--period", PERIOD, "--out", warehouse + "/x.xlsx");
  }

  private static void assertError(String expected, String... args) {
    Result r = score(args);
    assertEquals(2, r.exit(), r.err());
    assertEquals(expected + "\n", r.err());
    assertEquals("", r.out());
  }

  @Test
  void theWarehouseIsOnlyRead() throws Exception {
    Map<String, Long> versions = versions();
    List<Path> files = files();
    Path file = proposal("users", "{\"new_users\": 1}");
    Result r = score("--warehouse", warehouse, "--methodology", file.toString(), "--period", PERIOD,
        "--out", tmp.resolve("users.xlsx").toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("Nothing was written to the warehouse."), r.out());
    assertEquals(versions, versions());
    assertEquals(files, files());
    assertFalse(versions.isEmpty());
  }

  private Map<String, Long> versions() {
    DeltaLog log = new DeltaLog(layout);
    Map<String, Long> versions = new TreeMap<>();
    layout.tables().forEach(t -> versions.put(t, log.version(t, AsOf.LATEST)));
    return versions;
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> walk = Files.walk(Path.of(warehouse))) {
      return walk.sorted().toList();
    }
  }
}
