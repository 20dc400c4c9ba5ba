package org.tianfu.warehouse.orchestrate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.delta.tables.DeltaTable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * {@code ops.runs}: every run, written when it starts (status {@code running}) and updated when it
 * ends ({@code succeeded} or {@code failed}, rows written per table, the error). A run killed
 * outright stays {@code running} until the next run ends: that run held the lock, so it knows the
 * other is dead, and marks it {@code killed} in its own end-of-run update.
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

  /**
   * Records the start of a run: a blind append. Marking dead runs waits for the end of the run, so
   * that a run's start does not scan the table (the first Delta command of a run is its slowest).
   */
  void started(String runId, String command, LocalDate from, LocalDate to) {
    spark.createDataFrame(List.of(RowFactory.create(runId, command, from == null ? null : Date.valueOf(from),
            to == null ? null : Date.valueOf(to), Timestamp.from(Instant.now()), null, "running", null, null)), SCHEMA)
        .write().format("delta").mode("append").save(layout.path(TABLE));
  }

  /** Records the end of this run and, in the same commit, marks killed the earlier runs still marked running. */
  void ended(String runId, Map<String, Long> rowsWritten, Throwable error) {
    String rows = rowsWritten.isEmpty() ? "map()" : "map(" + String.join(", ", rowsWritten.entrySet().stream()
        .map(e -> "'" + e.getKey() + "', CAST(" + e.getValue() + " AS BIGINT)").toList()) + ")";
    Column mine = col("run_id").equalTo(runId);
    DeltaTable.forPath(spark, layout.path(TABLE)).update(mine.or(col("status").equalTo("running")), Map.of(
        "ended_at", when(mine, current_timestamp()).otherwise(col("ended_at")),
        "status", when(mine, lit(error == null ? "succeeded" : "failed")).otherwise(lit("killed")),
        "rows_written", when(mine, expr(rows)).otherwise(col("rows_written")),
        "error", when(mine, lit(error == null ? null : String.valueOf(error.getMessage())).cast("string"))
            .otherwise(lit("the process ended without finishing (killed or crashed)"))));
  }
}
