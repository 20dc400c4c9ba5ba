package org.tianfu.warehouse.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import org.tianfu.warehouse.contract.County;
import org.tianfu.warehouse.contract.CountyReference;
import org.tianfu.warehouse.metrics.KpiCatalogue;
import org.tianfu.warehouse.metrics.Methodology;
import org.tianfu.warehouse.report.MonthlyReports;
import org.tianfu.warehouse.report.PdfPrinter;
import org.tianfu.warehouse.store.SparkSessions;
import org.tianfu.warehouse.store.WarehouseLayout;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write a month's ranked county reports and the province leaderboard (HTML, PDF, XLSX) from gold.")
public final class ReportCommand implements Callable<Integer> {
  @Option(names = "--warehouse", required = true, description = "warehouse directory")
  Path warehouse;

  @Option(names = "--period", required = true, paramLabel = "YYYY-MM", description = "the month to report",
      converter = Month.class)
  YearMonth period;

  /** YYYY-MM, with a message a person reads rather than the parser's. */
  static final class Month implements CommandLine.ITypeConverter<YearMonth> {
    @Override
    public YearMonth convert(String value) {
      try {
        return YearMonth.parse(value);
      } catch (java.time.format.DateTimeParseException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a month YYYY-MM");
      }
    }
  }

  @Option(names = "--out", required = true, description = "directory to write the reports and index.html into")
  Path out;

  @Option(names = "--county", paramLabel = "CODE", description = "only this county's report (6-digit code), with the leaderboard")
  String county;

  @Mixin PdfOptions pdf;

  @Override
  public Integer call() {
    RunCommand.requireDirectory(warehouse, "--warehouse");
    List<County> counties = counties(CountyReference.load(), county);
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UserError("--out " + out + ": cannot create it (" + e.getClass().getSimpleName() + ")");
    }
    if (!Files.isWritable(out)) {
      throw new UserError("--out " + out + ": not writable");
    }
    // Before Spark starts: a missing browser or font is found in a second, not after the data is read.
    PdfPrinter printer = pdf.printer();
    long start = System.nanoTime();
    KpiCatalogue catalogue = KpiCatalogue.load();
    new MonthlyReports(catalogue, Methodology.load(catalogue)).write(SparkSessions.getOrCreate(),
        new WarehouseLayout(warehouse.toAbsolutePath()), period, counties, out, printer, System.err::println);
    System.out.printf("%d county report%s and the leaderboard for %s (HTML, %sXLSX) in %.1f s: open %s%n",
        counties.size(), counties.size() == 1 ? "" : "s", period, printer == null ? "" : "PDF, ",
        (System.nanoTime() - start) / 1e9, out.resolve("index.html"));
    return 0;
  }

  static List<County> counties(CountyReference reference, String code) {
    if (code == null) {
      return reference.all();
    }
    if (!reference.contains(code)) {
      throw new UserError("--county " + code + ": not one of Sichuan's " + reference.size()
          + " county codes (GB/T 2260, e.g. 510104)");
    }
    return List.of(reference.get(code));
  }
}
