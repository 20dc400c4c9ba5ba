package org.tianfu.warehouse.orchestrate;

import java.nio.file.Path;
import org.tianfu.warehouse.report.PdfPrinter;

/**
 * Where the {@code reports} task writes the month's county reports and leaderboard.
 *
 * @param dir the reports folder; each month gets {@code <dir>/<YYYY-MM>/}
 * @param printer prints the PDFs, or null for HTML and XLSX only
 */
public record ReportTarget(Path dir, PdfPrinter printer) {}
