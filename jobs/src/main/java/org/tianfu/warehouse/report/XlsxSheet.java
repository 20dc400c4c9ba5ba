package org.tianfu.warehouse.report;

import java.math.BigDecimal;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * One worksheet written row by row: a bold header row that stays in view, then rows of values.
 * Numbers are stored as numbers (full gold precision; each column's display format rounds them for
 * the eye), text as text, and an absent value as "—", so no empty cell can be summed as a zero.
 */
final class XlsxSheet {
  static final String PERCENT = "0.00%";
  static final String TWO_DECIMALS = "0.00";
  static final String AMOUNT = "#,##0.####";
  static final String INTEGER = "0";
  static final String SIGNED = "+0.00;-0.00;0.00";
  static final String SIGNED_INTEGER = "+0;-0;0";

  private final Worksheet sheet;
  private String[] formats = new String[0];
  private int row;

  XlsxSheet(Workbook workbook, String name) {
    this.sheet = workbook.newWorksheet(name);
  }

  XlsxSheet widths(double... widths) {
    for (int c = 0; c < widths.length; c++) {
      sheet.width(c, widths[c]);
    }
    return this;
  }

  /** Display formats of the columns that follow, by position; null for text or general. */
  XlsxSheet formats(String... formats) {
    this.formats = formats;
    return this;
  }

  /** A header row, frozen at the top, with a filter on its columns when {@code filter}. */
  XlsxSheet header(boolean filter, String... names) {
    for (int c = 0; c < names.length; c++) {
      sheet.value(row, c, names[c]);
      sheet.style(row, c).bold().fillColor("E8EDF3").set();
    }
    sheet.freezePane(0, row + 1);
    if (filter) {
      sheet.setAutoFilter(row, 0, names.length - 1);
    }
    row++;
    return this;
  }

  XlsxSheet row(Object... values) {
    for (int c = 0; c < values.length; c++) {
      Object v = values[c];
      if (v instanceof Number n) {
        // Gold's decimals carry ten places of zeros; the cell gets the plain number (240, not 240.0000000000 or 2.4E+2).
        sheet.value(row, c, n instanceof BigDecimal d ? new BigDecimal(d.stripTrailingZeros().toPlainString()) : n);
        if (c < formats.length && formats[c] != null) {
          sheet.style(row, c).format(formats[c]).set();
        }
      } else {
        sheet.value(row, c, v == null ? "—" : v.toString());
      }
    }
    row++;
    return this;
  }

  /** A line of text across the sheet (a note, a formula), after a blank row. */
  XlsxSheet note(String text) {
    row++;
    sheet.value(row++, 0, text);
    return this;
  }
}
