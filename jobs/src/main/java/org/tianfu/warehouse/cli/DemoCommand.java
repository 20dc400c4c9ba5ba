package org.tianfu.warehouse.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.tianfu.warehouse.generate.GeneratorOptions;
import org.tianfu.warehouse.generate.LandingGenerator;
import org.tianfu.warehouse.landing.PiiKey;
import org.tianfu.warehouse.orchestrate.ReportTarget;
import org.tianfu.warehouse.orchestrate.RunRequest;
import org.tianfu.warehouse.orchestrate.Runner;
import org.tianfu.warehouse.report.PdfPrinter;
import org.tianfu.warehouse.serve.ResultFormat;
import org.tianfu.warehouse.serve.SparkSql;
import org.tianfu.warehouse.store.Directories;
import org.tianfu.warehouse.store.SparkSessions;
import org.tianfu.warehouse.store.WarehouseLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Generate four weeks of exports at a small scale, run the pipeline, show what was built, write the month's reports.")
public final class DemoCommand implements Callable<Integer> {
  static final LocalDate FROM = LocalDate.of(2024, 2, 19);
  static final LocalDate TO = LocalDate.of(2024, 3, 17);

  @Option(names = "--dir", defaultValue = "demo", description = "where landing/ and warehouse/ go (default ${DEFAULT-VALUE})")
  Path dir;

  @Option(names = "--scale", defaultValue = "0.02", description = "volume, 1 = a province-day (default ${DEFAULT-VALUE})")
  double scale;

  @Override
  public Integer call() throws IOException {
    Path landing = dir.resolve("landing");
    Path warehouse = dir.resolve("warehouse");
    // A demo is rebuilt from scratch each time: its throwaway PII key changes with every run.
    Directories.deleteTree(warehouse);
    System.out.println(new LandingGenerator(
        new GeneratorOptions(landing, FROM, TO, scale, 20240101L, 0.002, true)).run().describe());
    SparkSession spark = SparkSessions.getOrCreate();
    new Runner(spark, warehouse.toString(), PiiKey.throwaway(), System.err::println)
        .run(RunRequest.everything(landing.toString(), "warehouse demo").withReports(new ReportTarget(dir.resolve("reports"), printer())));

    WarehouseLayout layout = new WarehouseLayout(warehouse.toAbsolutePath());
    SparkSql sql = new SparkSql(spark, layout);
    System.out.println("\nWhat every line read became (ops.ingest_audit):");
    ResultFormat.TABLE.print(sql.query("""
        SELECT source, count(DISTINCT dt) AS days, sum(lines_read) AS lines_read, sum(loaded) AS loaded,
               sum(duplicates) AS duplicates, sum(quarantined) AS quarantined
        FROM ops.ingest_audit GROUP BY source ORDER BY source"""), System.out);
    System.out.println("\nWhy lines were quarantined (ops.quarantine):");
    ResultFormat.TABLE.print(sql.query("""
        SELECT source, reason, count(*) AS lines FROM ops.quarantine
        GROUP BY source, reason ORDER BY source, lines DESC, reason"""), System.out);
    System.out.println("\nProvince leaderboard, " + TO.getYear() + "-" + String.format("%02d", TO.getMonthValue())
        + " (gold.county_scores, top 10):");
    ResultFormat.TABLE.print(sql.query(String.format("""
        SELECT rank_province AS rank, county_name, city_name, round(score, 2) AS score, grade,
               rank_city, rank_change, kpis_scored
        FROM gold.county_scores WHERE period = '%d-%02d' AND rank_province <= 10
        ORDER BY rank_province, county_code""", TO.getYear(), TO.getMonthValue())), System.out);
    System.out.println("\nTables: " + String.join(", ", layout.tables()));
    System.out.println("Query them, e.g.:\n  bin/warehouse sql --warehouse " + warehouse
        + " \"SELECT * FROM gold.kpi_county_month WHERE county_code = '510104' AND period = '2024-03'\"");
    System.out.println("County reports and the leaderboard, " + YearMonth.from(TO) + ": open "
        + dir.resolve("reports").resolve(YearMonth.from(TO).toString()).resolve("index.html"));
    return 0;
  }

  /** The demo shows what it can: without Chromium or a Chinese font, reports in HTML and XLSX only. */
  private static PdfPrinter printer() {
    try {
      return PdfPrinter.locate(null, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("warning: reports without PDFs: " + e.getMessage());
      return null;
    }
  }

}
