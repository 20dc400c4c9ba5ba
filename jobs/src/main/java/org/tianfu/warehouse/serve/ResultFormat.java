package org.tianfu.warehouse.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * How {@code warehouse sql} writes a result: CSV (NULL as an empty field), JSON lines or a text
 * table, all in UTF-8 whatever the platform's default (county names are Chinese); or an Excel sheet.
 */
public enum ResultFormat {
  CSV, JSON, TABLE, XLSX;

  /** Whether the format is text a terminal can show (XLSX is not). */
  public boolean isText() {
    return this != XLSX;
  }

  public void print(QueryResult result, OutputStream stream) {
    if (this == XLSX) {
      ResultWorkbook.write(result, stream);
      return;
    }
    PrintStream out = new PrintStream(stream, false, StandardCharsets.UTF_8);
    switch (this) {
      case CSV -> printCsv(result, out);
      case JSON -> printJson(result, out);
      default -> printTable(result, out);
    }
    out.flush();
  }

  private static void printCsv(QueryResult result, PrintStream out) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').setNullString("").build();
    try {
      CSVPrinter printer = new CSVPrinter(out, format);
      printer.printRecord(result.columns());
      for (List<Object> row : result.rows()) {
        List<String> cells = new ArrayList<>(row.size());
        row.forEach(v -> cells.add(QueryResult.text(v)));
        printer.printRecord(cells);
      }
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void printJson(QueryResult result, PrintStream out) {
    ObjectMapper mapper = new ObjectMapper();
    for (List<Object> row : result.rows()) {
      ObjectNode node = mapper.createObjectNode();
      for (int i = 0; i < row.size(); i++) {
        Object v = row.get(i);
        String name = result.columns().get(i);
        if (v == null) {
          node.putNull(name);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
          node.put(name, ((Number) v).longValue());
        } else if (v instanceof BigInteger b) {
          node.put(name, b);
        } else if (v instanceof Double d) {
          node.put(name, d);
        } else if (v instanceof Float f) {
          node.put(name, f);
        } else if (v instanceof BigDecimal d) {
          node.put(name, d);
        } else if (v instanceof Boolean b) {
          node.put(name, b);
        } else {
          node.put(name, QueryResult.text(v));
        }
      }
      out.println(node);
    }
  }

  private static void printTable(QueryResult result, PrintStream out) {
    int n = result.columns().size();
    int[] width = new int[n];
    List<String[]> cells = new ArrayList<>();
    String[] header = result.columns().toArray(String[]::new);
    cells.add(header);
    for (List<Object> row : result.rows()) {
      String[] line = new String[n];
      for (int i = 0; i < n; i++) {
        Object v = row.get(i);
        line[i] = v == null ? "NULL" : QueryResult.text(v);
      }
      cells.add(line);
    }
    for (String[] line : cells) {
      for (int i = 0; i < n; i++) {
        width[i] = Math.max(width[i], displayWidth(line[i]));
      }
    }
    for (int r = 0; r < cells.size(); r++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < n; i++) {
        String cell = cells.get(r)[i];
        sb.append(i == 0 ? "" : " | ").append(cell).append(" ".repeat(width[i] - displayWidth(cell)));
      }
      out.println(sb.toString().stripTrailing());
      if (r == 0) {
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < n; i++) {
          rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
        }
        out.println(rule);
      }
    }
    out.println("(" + result.rows().size() + (result.rows().size() == 1 ? " row)" : " rows)"));
  }

  // Chinese characters take two terminal columns.
  private static int displayWidth(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w += Character.isIdeographic(cp) || (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x3000 && cp <= 0x303F) ? 2 : 1;
      i += Character.charCount(cp);
    }
    return w;
  }
}
