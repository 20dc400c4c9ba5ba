package org.tianfu.warehouse.store;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The file layout of bronze and silver events: a night appends a file or two per table, not one per
 * shuffle partition (which grew a year's table to thousands of small files). A single export day is
 * written by as many tasks as read it, up to the task slots, and each task writes one file: a large
 * day (deliveries) is written by both cores, a small one by one task. Bronze reads each landing file
 * whole and Spark packs files smaller than 4 MB together, so a day never has more bronze files than
 * landing files; silver reads a day's bronze files and keeps their number. A backfill batch is
 * hashed by day: each day in one task, so in one file (unpartitioned silver: a file may hold several).
 */
public final class DayFiles {
  private DayFiles() {}

  /** The rows of {@code days} export days (column {@code dt}) arranged for the write, as above. */
  public static Dataset<Row> arrange(Dataset<Row> rows, int days) {
    return days == 1 ? rows.coalesce(rows.sparkSession().sparkContext().defaultParallelism())
        : rows.repartition(col("dt"));
  }
}
