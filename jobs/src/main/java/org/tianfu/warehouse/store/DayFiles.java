package org.tianfu.warehouse.store;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The file layout of bronze and silver events: one file per export day, so a night appends one file
 * per table, not one per shuffle partition (which grew a year's table to thousands of small files).
 */
public final class DayFiles {
  private DayFiles() {}

  /** The rows of {@code days} export days (column {@code dt}) arranged to be written one file per day. */
  public static Dataset<Row> onePerDay(Dataset<Row> rows, int days) {
    // A single day needs no shuffle; a backfill batch is split by day, one writer task per day.
    return days == 1 ? rows.coalesce(1) : rows.repartition(col("dt"));
  }
}
