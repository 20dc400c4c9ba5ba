package org.tianfu.warehouse.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.tianfu.warehouse.contract.County;
import org.tianfu.warehouse.metrics.KpiCatalogue;
import org.tianfu.warehouse.metrics.Methodology;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * Writes a period's reports from one {@link GoldExtract}: the leaderboard, each county's report
 * (HTML and XLSX, one county at a time, nothing kept), index.html, then every PDF in one Chromium.
 */
public final class MonthlyReports {
  private final Methodology methodology;
  private final CountyReportBuilder builder;
  private final HtmlPages pages;

  public MonthlyReports(KpiCatalogue catalogue, Methodology methodology) {
    this.methodology = methodology;
    this.builder = new CountyReportBuilder(catalogue, methodology);
    this.pages = new HtmlPages(methodology);
  }

  /** Reads the period's rows from gold and writes its reports; {@code printer} null: HTML and XLSX only. */
  public void write(SparkSession spark, WarehouseLayout layout, YearMonth period, List<County> counties, Path out,
      PdfPrinter printer, Consumer<String> log) {
    write(new GoldReader(spark, layout).read(period), counties, out, printer, log);
  }

  /** @param printer null to write HTML and XLSX only */
  public void write(GoldExtract gold, List<County> counties, Path out, PdfPrinter printer, Consumer<String> log) {
    ReportFiles files = new ReportFiles(out, gold.period());
    try {
      Files.createDirectories(out.resolve(ReportFiles.COUNTIES));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + out, e);
    }
    if (!methodology.version().equals(gold.methodologyVersion())) {
      log.accept("warning: gold's scores for " + gold.period() + " were computed with methodology "
          + gold.methodologyVersion() + ", not the configured " + methodology.version()
          + ": the reports say so and leave out \"where the points are\"");
    }
    List<PdfPrinter.Page> toPrint = new ArrayList<>();
    Leaderboard board = Leaderboard.of(gold, methodology);
    pages.writeLeaderboard(board, files, files.leaderboard("html"));
    LeaderboardWorkbook.write(board, files.leaderboard("xlsx"));
    toPrint.add(new PdfPrinter.Page(files.leaderboard("html"), files.leaderboard("pdf")));
    for (County county : counties) {
      CountyReport report = builder.build(gold, county);
      pages.writeCounty(report, files.county(county.code(), "html"));
      CountyWorkbook.write(report, files.county(county.code(), "xlsx"));
      toPrint.add(new PdfPrinter.Page(files.county(county.code(), "html"), files.county(county.code(), "pdf")));
    }
    pages.writeIndex(board, counties, files, printer != null);
    if (printer != null) {
      // A print also waits on the browser (a third of its time, not spent on a core): one tab more than cores.
      printer.print(toPrint, Runtime.getRuntime().availableProcessors() + 1);
    }
  }
}
