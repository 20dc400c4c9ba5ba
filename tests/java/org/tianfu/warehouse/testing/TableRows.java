package org.tianfu.warehouse.testing;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.tianfu.warehouse.store.WarehouseLayout;

/** A table's rows as sorted text, for comparing two warehouses that should hold the same data. */
public final class TableRows {
  /** Columns that say which run wrote a row and when: two runs of the same data differ there, as they should. */
  public static final List<String> RUN_COLUMNS = List.of("run_id", "ingested_at");
  /** Tables that record runs rather than data. */
  public static final List<String> RUN_RECORDS = List.of("ops.runs", "ops.publications");

  private TableRows() {}

  /** Every row of {@code table} but its run columns, as text, sorted. */
  public static List<String> sorted(SparkSession spark, WarehouseLayout layout, String table) {
    Dataset<Row> rows = spark.read().format("delta").load(layout.path(table));
    String[] kept = Arrays.stream(rows.columns()).filter(c -> !RUN_COLUMNS.contains(c)).toArray(String[]::new);
    return rows.selectExpr(kept).collectAsList().stream().map(Row::toString).sorted().toList();
  }

  /** The data tables of a warehouse (run records aside). */
  public static List<String> dataTables(WarehouseLayout layout) {
    return layout.tables().stream().filter(t -> !RUN_RECORDS.contains(t)).toList();
  }
}
