package org.tianfu.warehouse.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/** A written workbook read back: sheet name → rows, in order. */
public final class XlsxRows {
  private XlsxRows() {}

  public static Map<String, List<Row>> read(Path file) throws IOException {
    Map<String, List<Row>> sheets = new java.util.LinkedHashMap<>();
    try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
      for (Sheet sheet : workbook.getSheets().toList()) {
        sheets.put(sheet.getName(), sheet.read());
      }
    }
    return sheets;
  }

  /** The first row whose first cell is {@code key}, by column header. */
  public static Map<String, String> rowByFirstCell(List<Row> rows, String key) {
    Row header = rows.get(0);
    for (Row row : rows) {
      if (row.getCellCount() > 0 && key.equals(row.getCellText(0))) {
        Map<String, String> out = new TreeMap<>();
        for (int c = 0; c < header.getCellCount(); c++) {
          out.put(header.getCellText(c), c < row.getCellCount() ? row.getCellRawValue(c).orElse("") : "");
        }
        return out;
      }
    }
    throw new AssertionError("no row " + key);
  }
}
