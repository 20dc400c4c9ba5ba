package org.tianfu.warehouse.models;

import java.util.ArrayList;
import java.util.List;

/**
 * A small table defined in Java (methodology, calendar, catalogue) that the SQL models read, in a
 * form both engines can create: column names with SQL types from the shared subset, and rows.
 */
public record Relation(String name, List<Column> columns, List<Object[]> rows) {
  /** A column; {@code type} is one of VARCHAR, INT, BIGINT, DOUBLE, BOOLEAN, TIMESTAMP, DECIMAL(p,s). */
  public record Column(String name, String type) {}

  /** Columns from {@code "name TYPE"} specs, e.g. {@code columns("period VARCHAR", "year INT")}. */
  public static List<Column> columns(String... specs) {
    List<Column> out = new ArrayList<>();
    for (String spec : specs) {
      int space = spec.indexOf(' ');
      out.add(new Column(spec.substring(0, space), spec.substring(space + 1)));
    }
    return out;
  }
}
