package org.tianfu.warehouse.store;

import java.util.List;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.SparkSession;

/**
 * The columns a table keeps per-file statistics (min, max, null count) for: those that reads filter
 * on, so that Delta can still skip files. Delta's default, every one of the first 32 columns, took a
 * fifth of a night's executor time: a day's file is written by one task, and Spark's interpreted
 * projection of the statistics grows with the square of their number (BENCHMARKS.md,
 * "Levers kept": statistics only on filtered columns).
 * Files written before keep the statistics they have.
 */
public record StatsColumns(List<String> columns) {
  static final String PROPERTY = "delta.dataSkippingStatsColumns";

  public StatsColumns {
    if (columns.isEmpty() || !columns.stream().allMatch(c -> c.matches("[a-z_][a-z0-9_]*"))) {
      // The names go into an ALTER TABLE statement: plain column names only.
      throw new IllegalArgumentException("statistics columns must be plain column names: " + columns);
    }
    columns = List.copyOf(columns);
  }

  public static StatsColumns of(String... columns) {
    return new StatsColumns(List.of(columns));
  }

  String value() {
    return String.join(",", columns);
  }

  /** The write that creates a table stores the setting with it (Delta ignores the option on later writes). */
  public <T> DataFrameWriter<T> onCreate(DataFrameWriter<T> writer) {
    return writer.option(PROPERTY, value());
  }

  /**
   * Sets the property on a table that exists without it, as tables written by an earlier version do,
   * in one commit of its own; a table that has it is left alone. A missing table is left to its first
   * write. Delta rejects a column the table lacks.
   */
  public void ensure(SparkSession spark, String path) {
    TableLog log = TableLog.of(spark, path);
    if (log.version() < 0) {
      return;
    }
    if (!value().equals(log.properties().get(PROPERTY))) {
      spark.sql("ALTER TABLE delta.`" + path.replace("`", "``") + "` SET TBLPROPERTIES ('" + PROPERTY + "' = '"
          + value() + "')");
    }
  }
}
