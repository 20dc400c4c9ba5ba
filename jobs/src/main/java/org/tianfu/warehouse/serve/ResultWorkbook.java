package org.tianfu.warehouse.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.tianfu.warehouse.contract.LandingTimestamps;

/**
 * A result as one Excel worksheet: a header row, then numbers as numbers (so a spreadsheet can sum
 * them), dates as dates, instants as Shanghai date-times, NULL as an empty cell.
 */
final class ResultWorkbook {
  /** Excel's limit, less the header row. */
  static final int MAX_ROWS = 1_048_575;

  private ResultWorkbook() {}

  static void write(QueryResult result, OutputStream out) {
    if (result.rows().size() > MAX_ROWS) {
      throw new QueryError("an Excel sheet holds at most " + MAX_ROWS + " rows; this result has "
          + result.rows().size() + ": use --format parquet or csv");
    }
    try (Workbook workbook = new Workbook(out, "tianfu-warehouse", "0.1")) {
      Worksheet sheet = workbook.newWorksheet("result");
      for (int c = 0; c < result.columns().size(); c++) {
        sheet.value(0, c, result.columns().get(c));
        sheet.style(0, c).bold().set();
      }
      sheet.freezePane(0, 1);
      for (int r = 0; r < result.rows().size(); r++) {
        List<Object> row = result.rows().get(r);
        for (int c = 0; c < row.size(); c++) {
          cell(sheet, r + 1, c, row.get(c));
        }
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void cell(Worksheet sheet, int r, int c, Object v) {
    Instant instant = QueryResult.instant(v);
    if (v == null) {
      return;
    } else if (v instanceof Number n) {
      sheet.value(r, c, n);
    } else if (v instanceof Boolean b) {
      sheet.value(r, c, b);
    } else if (instant != null) {
      sheet.value(r, c, LocalDateTime.ofInstant(instant, LandingTimestamps.SHANGHAI));
      sheet.style(r, c).format("yyyy-mm-dd hh:mm:ss").set();
    } else if (v instanceof LocalDate d) {
      sheet.value(r, c, d);
      sheet.style(r, c).format("yyyy-mm-dd").set();
    } else if (v instanceof java.sql.Date d) {
      sheet.value(r, c, d.toLocalDate());
      sheet.style(r, c).format("yyyy-mm-dd").set();
    } else {
      sheet.value(r, c, QueryResult.text(v));
    }
  }
}
