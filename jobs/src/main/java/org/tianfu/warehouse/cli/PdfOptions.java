package org.tianfu.warehouse.cli;

import java.nio.file.Path;
import org.tianfu.warehouse.report.PdfPrinter;
import picocli.CommandLine.Option;

/** The PDF options of the commands that write reports ({@code report}, {@code run --reports}). */
final class PdfOptions {
  @Option(names = "--no-pdf", description = "reports in HTML and XLSX only (the PDFs need Chromium and a Chinese font)")
  boolean noPdf;

  @Option(names = "--chromium", paramLabel = "PATH",
      description = "Chromium that prints the PDFs (default: $WAREHOUSE_CHROMIUM, else chromium on the PATH)")
  Path chromium;

  /** The printer, or null with --no-pdf; a missing browser or font is a user error, found before Spark starts. */
  PdfPrinter printer() {
    return noPdf ? null : PdfPrinter.locate(chromium, System.getenv());
  }
}
