package org.tianfu.warehouse.orchestrate;

import io.delta.tables.DeltaTable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * {@code ops.runs}: every run, written when it starts (status {@code running}) and updated when it
 * ends ({@code succeeded} or {@code failed}, rows written per table, the error). A run killed
 * outright stays {@code running} until the next run, which holds the lock and so knows it is dead,
 * marks it {@code killed}.
 */
final class RunLog {
  static final String TABLE = "ops.runs";
  private static final StructType SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("run_id", DataTypes.StringType, false),
      DataTypes.createStructField("command", DataTypes.StringType, false),
      DataTypes.createStructField("date_from", DataTypes.DateType, true),
      DataTypes.createStructField("date_to", DataTypes.DateType, true),
      DataTypes.createStructField("started_at", DataTypes.TimestampType, false),
      DataTypes.createStructField("ended_at", DataTypes.TimestampType, true),
      DataTypes.createStructField("status", DataTypes.StringType, false),
      DataTypes.createStructField("rows_written", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), true),
      DataTypes.createStructField("error", DataTypes.StringType, true)));

  private final SparkSession spark;
  private final WarehouseLayout layout;

  RunLog(SparkSession spark, WarehouseLayout layout) {
    this.spark = spark;
    this.layout = layout;
  }

  /** Records the start of a run; earlier runs still marked running died without finishing. */
  void started(String runId, String command, LocalDate from, LocalDate to) {
    if (layout.exists(TABLE)) {
      DeltaTable.forPath(spark, layout.path(TABLE)).update(functions.expr("status = 'running'"), Map.of(
          "status", functions.lit("killed"),
          "error", functions.lit("the process ended without finishing (killed or crashed)")));
    }
    spark.createDataFrame(List.of(RowFactory.create(runId, command, from == null ? null : Date.valueOf(from),
            to == null ? null : Date.valueOf(to), Timestamp.from(Instant.now()), null, "running", null, null)), SCHEMA)
        .write().format("delta").mode("append").save(layout.path(TABLE));
  }

  void ended(String runId, Map<String, Long> rowsWritten, Throwable error) {
    String rows = rowsWritten.isEmpty() ? "map()" : "map(" + String.join(", ", rowsWritten.entrySet().stream()
        .map(e -> "'" + e.getKey() + "', CAST(" + e.getValue() + " AS BIGINT)").toList()) + ")";
    DeltaTable.forPath(spark, layout.path(TABLE)).update(functions.expr("run_id = '" + runId + "'"), Map.of(
        "ended_at", functions.current_timestamp(),
        "status", functions.lit(error == null ? "succeeded" : "failed"),
        "rows_written", functions.expr(rows),
        "error", error == null ? functions.lit(null).cast("string") : functions.lit(String.valueOf(error.getMessage()))));
  }
}
