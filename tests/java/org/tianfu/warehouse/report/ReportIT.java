package org.tianfu.warehouse.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.tianfu.warehouse.cli.Warehouse;
import org.tianfu.warehouse.store.Directories;
import org.tianfu.warehouse.store.WarehouseLayout;
import org.tianfu.warehouse.testing.DayByDayWarehouse;
import org.tianfu.warehouse.testing.TestSpark;

/**
 * {@code warehouse report} on the warehouse the pipeline built night by night from generated exports
 * across a month boundary (shared with the other serving tests): the figures equal what {@code bin/warehouse sql} answers for the
 * same county and period, the PDF holds the Chinese text and renders, and the user's mistakes get
 * one error line; and in a real browser (headless Chromium) the pages draw their charts without a
 * console error. What it writes stays in target/report-artifacts: the reports, screenshots, PDF pages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportIT {
  static final String PERIOD = "2024-02";
  static final Path ARTIFACTS = Path.of(System.getProperty("report.artifacts", "target/report-artifacts"));

  @TempDir static Path tmp;
  SparkSession spark;
  Path warehouse;
  String scored;
  String unscored;
  Path out;

  @BeforeAll
  void buildWarehouseAndReports() throws IOException {
    spark = TestSpark.session();
    warehouse = Path.of(DayByDayWarehouse.get().layout().root());
    String scores = "delta.`" + new WarehouseLayout(warehouse).path("gold.county_scores") + "`";
    // The county in the middle of the province ranking (moved since January), and one without targets.
    scored = spark.sql("SELECT county_code FROM " + scores + " WHERE period = '" + PERIOD
        + "' AND rank_province IS NOT NULL AND rank_change IS NOT NULL ORDER BY rank_province, county_code")
        .collectAsList().get(60).getString(0);
    unscored = spark.sql("SELECT min(county_code) FROM " + scores + " WHERE period = '" + PERIOD + "' AND score IS NULL")
        .first().getString(0);
    out = ARTIFACTS.resolve("reports");
    Directories.deleteTree(out);
    for (String county : List.of(scored, unscored)) {
      assertEquals(0, Warehouse.execute("report", "--warehouse", warehouse.toString(), "--period", PERIOD,
          "--out", out.toString(), "--county", county));
    }
  }

  /** {@code bin/warehouse sql --format csv} as a person runs it. */
  private List<CSVRecord> sql(String query) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(Path.of("bin/warehouse").toAbsolutePath().toString(), "sql",
        "--warehouse", warehouse.toString(), "--format", "csv", query).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String csv = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES));
    assertEquals(0, p.exitValue(), csv);
    return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(csv)).getRecords();
  }

  @Test
  void theReportsFiguresAreGoldsFiguresForThatCountyAndPeriod() throws Exception {
    List<CSVRecord> gold = sql("SELECT k.kpi_code, k.actual, k.actual_ytd, k.target, k.completion_rate, k.time_progress,"
        + " k.pace, s.county_name, s.score, ROUND(CAST(s.score AS DECIMAL(20,10)), 2) AS score_2dp, s.grade,"
        + " s.rank_province, s.rank_city, s.rank_change, s.methodology_version"
        + " FROM gold.kpi_county_month k JOIN gold.county_scores s ON s.county_code = k.county_code AND s.period = k.period"
        + " WHERE k.county_code = '" + scored + "' AND k.period = '" + PERIOD + "' ORDER BY k.kpi_code");
    assertEquals(13, gold.size());
    CSVRecord score = gold.get(0);

    Map<String, List<org.dhatim.fastexcel.reader.Row>> workbook = XlsxRows.read(out.resolve("counties/" + scored + "-" + PERIOD + ".xlsx"));
    assertSameNumber(score.get("score_2dp"), XlsxRows.rowByFirstCell(workbook.get("概要"), "综合得分").get("内容"), "score");
    assertEquals(Double.parseDouble(score.get("score")),
        Double.parseDouble(XlsxRows.rowByFirstCell(workbook.get("概要"), "综合得分（未舍入）").get("内容")));
    assertEquals(score.get("grade"), XlsxRows.rowByFirstCell(workbook.get("概要"), "等级").get("内容"));
    assertEquals(score.get("rank_province"), XlsxRows.rowByFirstCell(workbook.get("概要"), "全省排名").get("内容"));
    assertEquals(score.get("rank_city"), XlsxRows.rowByFirstCell(workbook.get("概要"), "市州内排名").get("内容"));
    assertEquals(score.get("rank_change"), XlsxRows.rowByFirstCell(workbook.get("概要"), "全省排名较上月（正数为上升）").get("内容"));
    String html = Files.readString(out.resolve("counties/" + scored + "-" + PERIOD + ".html"));
    assertTrue(html.contains("<div class=\"value\" id=\"score\">" + score.get("score_2dp") + "</div>"), score.get("score_2dp"));
    assertTrue(html.contains("<div class=\"value grade-" + score.get("grade") + "\" id=\"grade\">" + score.get("grade") + "</div>"));
    assertTrue(html.contains("<div class=\"value\" id=\"rank-province\">" + score.get("rank_province") + " <small>"));
    assertTrue(html.contains("<dd>" + score.get("methodology_version") + "</dd>"));

    for (CSVRecord kpi : gold) {
      Map<String, String> line = XlsxRows.rowByFirstCell(workbook.get("指标完成情况"), kpi.get("kpi_code"));
      assertSameNumber(kpi.get("actual"), line.get("本月实绩"), kpi.get("kpi_code"));
      assertSameNumber(kpi.get("actual_ytd"), line.get("年度累计"), kpi.get("kpi_code"));
      assertEquals(Double.parseDouble(kpi.get("time_progress")), Double.parseDouble(line.get("序时进度")));
      if (kpi.get("target").isEmpty()) {
        assertEquals(List.of("未下达", "未下达", "未下达"), List.of(line.get("年度目标"), line.get("完成率"), line.get("进度比")));
      } else {
        assertSameNumber(kpi.get("target"), line.get("年度目标"), kpi.get("kpi_code"));
        assertEquals(Double.parseDouble(kpi.get("completion_rate")), Double.parseDouble(line.get("完成率")), kpi.get("kpi_code"));
        assertEquals(Double.parseDouble(kpi.get("pace")), Double.parseDouble(line.get("进度比")), kpi.get("kpi_code"));
      }
      // The page prints the same values: "<td>actual</td><td>ytd</td> … <td>target</td><td>completion</td>".
      String target = kpi.get("target").isEmpty() ? "未下达" : Figures.amount(new BigDecimal(kpi.get("target")));
      String completion = kpi.get("target").isEmpty() ? "未下达" : Figures.percentText(Double.parseDouble(kpi.get("completion_rate")), "");
      assertTrue(html.contains("<td>" + Figures.amount(new BigDecimal(kpi.get("actual"))) + "</td><td>"
          + Figures.amount(new BigDecimal(kpi.get("actual_ytd"))) + "</td>\n        <td class=\"" + (kpi.get("target").isEmpty() ? "absent" : "")
          + "\">" + target + "</td><td class=\"" + (kpi.get("target").isEmpty() ? "absent" : "") + "\">" + completion + "</td>"),
          kpi.get("kpi_code"));
    }
  }

  @Test
  void thePdfHoldsTheCountyInChineseWithItsFiguresAndEveryPageRenders() throws Exception {
    // The figures the PDF must show, read here (the test above compares them with bin/warehouse sql).
    org.apache.spark.sql.Row gold = spark.sql("SELECT county_name, ROUND(CAST(score AS DECIMAL(20,10)), 2), grade FROM delta.`"
        + new WarehouseLayout(warehouse).path("gold.county_scores") + "` WHERE county_code = '" + scored + "' AND period = '" + PERIOD + "'").first();
    Map<String, String> score = Map.of("county_name", gold.getString(0), "score_2dp", gold.getDecimal(1).toPlainString(),
        "grade", gold.getString(2));
    Path pdf = out.resolve("counties/" + scored + "-" + PERIOD + ".pdf");
    String text = run("pdftotext", "-layout", pdf.toString(), "-");
    assertTrue(text.contains(score.get("county_name") + "天府科技云服务中心 2024年2月绩效报告"), text);
    assertTrue(text.contains(score.get("score_2dp")) && text.contains(score.get("grade")), text);
    assertTrue(text.contains("提分空间") && text.contains("一单一策服务完成单数"), text);
    assertTrue(text.contains("第 1 页 / 共 "), "running footer with page numbers");

    int pages = Integer.parseInt(run("pdfinfo", pdf.toString()).lines().filter(l -> l.startsWith("Pages:"))
        .findFirst().orElseThrow().replaceAll("\\D", ""));
    assertTrue(pages >= 2 && pages <= 5, pages + " pages");
    assertTrue(run("pdfinfo", pdf.toString()).contains("pts (A4)"), "A4");
    Path png = ARTIFACTS.resolve("county-pdf");
    run("pdftoppm", "-r", "50", "-png", pdf.toString(), png.toString());
    for (int page = 1; page <= pages; page++) {
      Path image = ARTIFACTS.resolve("county-pdf-" + page + ".png");
      assertTrue(Files.size(image) > 5_000, image + " is blank");
    }
    String leaderboard = run("pdftotext", out.resolve("leaderboard-" + PERIOD + ".pdf").toString(), "-");
    assertTrue(leaderboard.contains("全省县级天府科技云服务中心绩效排名 2024年2月") && leaderboard.contains(score.get("county_name")));
  }

  @Test
  void aPageShownInPlaceOfAnotherPrintsExactlyAsWhenLoadedFromItsFile() throws Exception {
    // One tab: the leaderboard is loaded, then the counties are shown in its place, the second
    // in place of the first. The run itself printed each of them loaded from its file (a tab each).
    Path swapped = tmp.resolve("swapped");
    Files.createDirectories(swapped);
    List<PdfPrinter.Page> pages = new ArrayList<>(List.of(new PdfPrinter.Page(out.resolve("leaderboard-" + PERIOD + ".html"),
        swapped.resolve("leaderboard.pdf"))));
    for (String county : List.of(unscored, scored)) {
      pages.add(new PdfPrinter.Page(out.resolve("counties/" + county + "-" + PERIOD + ".html"), swapped.resolve(county + ".pdf")));
    }
    PdfPrinter.locate(null, System.getenv()).print(pages, 1);
    for (String county : List.of(unscored, scored)) {
      Path loaded = out.resolve("counties/" + county + "-" + PERIOD + ".pdf");
      assertEquals(run("pdftotext", "-layout", loaded.toString(), "-"),
          run("pdftotext", "-layout", swapped.resolve(county + ".pdf").toString(), "-"), county);
      assertEquals(run("pdfinfo", loaded.toString()).lines().filter(l -> l.startsWith("Pages:")).toList(),
          run("pdfinfo", swapped.resolve(county + ".pdf").toString()).lines().filter(l -> l.startsWith("Pages:")).toList());
    }
  }

  @Test
  void aCountyWithoutTargetsGetsANoticeNotABrokenReport() throws IOException {
    String html = Files.readString(out.resolve("counties/" + unscored + "-" + PERIOD + ".html"));
    assertTrue(html.contains("年尚未下达计分指标的目标任务：本月不评分、不排名。"));
    assertTrue(html.contains("<div class=\"value\" id=\"score\">未评分</div>"));
    assertTrue(Files.size(out.resolve("counties/" + unscored + "-" + PERIOD + ".pdf")) > 10_000);
    // The partial month says so: exports end on 1 February.
    assertTrue(html.contains("数据截至 2024年2月1日，2024年2月的数据尚未到齐"), html);
    String index = Files.readString(out.resolve("index.html"));
    assertTrue(index.contains("href=\"counties/" + unscored + "-" + PERIOD + ".pdf\""));
    assertTrue(index.contains("href=\"leaderboard-" + PERIOD + ".xlsx\""));
  }

  @Test
  void mistakesGetOneErrorLine() {
    // (Mistakes found before Spark starts: ReportCommandTest.)
    assertEquals(List.of("2", "error: --period 2023-07 is not in gold.county_scores: the warehouse has 2024-01 … 2024-02"),
        execute("report", "--warehouse", warehouse.toString(), "--period", "2023-07", "--out", tmp.resolve("x").toString(),
            "--no-pdf"));
    assertEquals(List.of("2", "error: Chromium " + tmp.resolve("no-chromium") + ": not an executable file"),
        execute("report", "--warehouse", warehouse.toString(), "--period", PERIOD, "--out", tmp.resolve("x").toString(),
            "--chromium", tmp.resolve("no-chromium").toString()));
  }

  @Test
  void inABrowserTheCountyPagesDrawTheirChartsWithoutAConsoleError() throws IOException {
    try (HeadlessBrowser browser = new HeadlessBrowser(tmp.resolve("browser-profile"))) {
      browser.open(out.resolve("counties/" + scored + "-" + PERIOD + ".html"));
      assertEquals(List.of(), browser.consoleErrors());
      assertEquals("3", browser.script("return document.documentElement.getAttribute('data-charts')"));
      for (String chart : List.of("chart-trajectory", "chart-pace", "chart-city")) {
        assertEquals(Boolean.TRUE, browser.script("var el = document.getElementById('" + chart + "');"
            + " return echarts.getInstanceByDom(el) != null && el.querySelectorAll('svg path').length > 5"), chart);
      }
      // The pace chart has a bar for every KPI with a target, and the line at 100%.
      assertTrue(((Long) browser.script("return echarts.getInstanceByDom(document.getElementById('chart-pace'))"
          + ".getOption().series[0].data.length")) > 0);
      browser.screenshot(ARTIFACTS.resolve("county.png"));

      browser.open(out.resolve("counties/" + unscored + "-" + PERIOD + ".html"));
      assertEquals(List.of(), browser.consoleErrors());
      assertEquals("1", browser.script("return document.documentElement.getAttribute('data-charts')"), "only the city chart");
      browser.screenshot(ARTIFACTS.resolve("county-without-targets.png"));
    }
  }

  @Test
  void inABrowserTheLeaderboardDrawsAndFiltersByCity() throws IOException {
    try (HeadlessBrowser browser = new HeadlessBrowser(tmp.resolve("browser-profile-2"))) {
      var page = browser.open(out.resolve("leaderboard-" + PERIOD + ".html"));
      assertEquals(List.of(), browser.consoleErrors());
      assertEquals("1", browser.script("return document.documentElement.getAttribute('data-charts')"));
      assertEquals(Boolean.TRUE, browser.script("return echarts.getInstanceByDom(document.getElementById('chart-leaderboard')) != null"));
      assertEquals(183L, browser.script("return document.querySelectorAll('#ranked tbody tr:not([hidden])').length"));
      browser.screenshot(ARTIFACTS.resolve("leaderboard.png"));

      page.findElement(By.cssSelector("#city-filter option[value='510100']")).click();   // 成都市
      assertEquals(List.of("510100"), browser.script("return Array.from(new Set(Array.from("
          + "document.querySelectorAll('#ranked tbody tr:not([hidden])')).map(r => r.dataset.city)))"));
      page.findElement(By.cssSelector("input[value='by-city']")).click();
      assertEquals(Boolean.TRUE, browser.script("return document.getElementById('ranked').hidden"));
      assertEquals(1L, browser.script("return document.querySelectorAll('#by-city .city-group:not([hidden])').length"));
      assertEquals(List.of(), browser.consoleErrors());
    }
  }

  /** In this JVM (its Spark session is already up): exit status, then what stderr said. */
  private static List<String> execute(String... args) {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      int exit = Warehouse.execute(args);
      List<String> out = new ArrayList<>(List.of(Integer.toString(exit)));
      captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("error:")).forEach(out::add);
      return out;
    } finally {
      System.setErr(err);
    }
  }

  /** Gold's decimal and the cell's number are the same value (gold's 3.0000000000 is the cell's 3). */
  private static void assertSameNumber(String gold, String cell, String what) {
    assertEquals(0, new BigDecimal(gold).compareTo(new BigDecimal(cell)), what + ": gold " + gold + ", cell " + cell);
  }

  static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(2, TimeUnit.MINUTES));
    assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + output);
    return output;
  }
}
