package org.tianfu.warehouse.store;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The file layout of bronze and silver events: each export day's rows in one file, so a night appends
 * one file per table, not one per shuffle partition (which grew a year's table to thousands of small
 * files). In bronze, partitioned by dt, that is one file per day; an unpartitioned silver table may
 * hold several days of a backfill batch in one file.
 */
public final class DayFiles {
  private DayFiles() {}

  /** The rows of {@code days} export days (column {@code dt}) arranged so that each day is written by one task. */
  public static Dataset<Row> onePerDay(Dataset<Row> rows, int days) {
    // A single day needs no shuffle; a backfill batch is hashed by day, so each day lands in one task.
    return days == 1 ? rows.coalesce(1) : rows.repartition(col("dt"));
  }
}
