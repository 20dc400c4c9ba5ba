package org.tianfu.warehouse.serve;

import io.delta.kernel.types.StructField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DuckDB view that shows one Delta snapshot as its table: {@code read_parquet} over exactly the
 * live files (never a glob: removed files stay on disk until vacuumed), one branch per partition,
 * with the partition columns (which are not in the Parquet files) filled in from the log.
 */
final class DuckDbView {
  private DuckDbView() {}

  /**
   * @param fileTypes the DuckDB types of the columns in the snapshot's Parquet files (its first file),
   *     by column name; empty when the snapshot has no files
   */
  static String create(DeltaSnapshot snapshot, Map<String, String> fileTypes) {
    String head = "CREATE VIEW " + qualified(snapshot.table()) + " AS\n";
    if (snapshot.files().isEmpty()) {
      return head + select(snapshot, fileTypes, null) + "\nWHERE false";
    }
    Map<List<String>, List<String>> filesByPartition = new LinkedHashMap<>();
    for (DeltaSnapshot.DataFile file : snapshot.files()) {
      List<String> values = new ArrayList<>();
      snapshot.partitionColumns().forEach(c -> values.add(file.partitionValues().get(c)));
      filesByPartition.computeIfAbsent(values, v -> new ArrayList<>()).add(file.path());
    }
    List<String> branches = new ArrayList<>();
    filesByPartition.forEach((values, paths) -> {
      List<String> literals = new ArrayList<>();
      paths.forEach(p -> literals.add(literal(p)));
      branches.add(select(snapshot, fileTypes, values) + "\nFROM read_parquet([" + String.join(", ", literals) + "])");
    });
    return head + String.join("\nUNION ALL\n", branches);
  }

  /** The select list in table order; {@code partitionValues} null for the typed empty view. */
  private static String select(DeltaSnapshot snapshot, Map<String, String> fileTypes, List<String> partitionValues) {
    List<String> columns = new ArrayList<>();
    for (StructField field : snapshot.columns()) {
      String name = field.getName();
      String type = DuckDbTypes.of(snapshot.table(), name, field.getDataType());
      int partition = snapshot.partitionColumns().indexOf(name);
      String expression;
      if (partitionValues == null) {
        expression = "CAST(NULL AS " + type + ")";
      } else if (partition >= 0) {
        String value = partitionValues.get(partition);
        if (value != null && type.startsWith(DuckDbTypes.TIMESTAMP)) {
          // The protocol's timestamp partition values carry no zone rule DuckDB could apply safely.
          throw new QueryError(snapshot.table() + " is partitioned by a timestamp (" + name
              + "), which the DuckDB engine does not read; use --engine spark");
        }
        expression = "CAST(" + (value == null ? "NULL" : literal(value)) + " AS " + type + ")";
      } else {
        expression = fileColumn(quote(name), fileTypes.get(name), type);
      }
      columns.add(expression + " AS " + quote(name));
    }
    return "SELECT " + String.join(", ", columns);
  }

  private static String fileColumn(String column, String fileType, String type) {
    if (fileType == null) {
      // Added to the table after this file was written: NULL, as Delta reads it.
      return "CAST(NULL AS " + type + ")";
    }
    if (fileType.equals(type)) {
      return column;
    }
    if (type.equals(DuckDbTypes.TIMESTAMPTZ) && fileType.equals(DuckDbTypes.TIMESTAMP)) {
      // Spark writes instants as INT96, which DuckDB reads as a UTC wall-clock time.
      return "timezone('UTC', " + column + ")";
    }
    return "CAST(" + column + " AS " + type + ")";
  }

  /** {@code gold.county_scores} as DuckDB's schema-qualified name. */
  static String qualified(String table) {
    int dot = table.indexOf('.');
    return quote(table.substring(0, dot)) + "." + quote(table.substring(dot + 1));
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
