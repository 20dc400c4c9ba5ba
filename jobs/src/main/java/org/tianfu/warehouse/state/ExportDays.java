package org.tianfu.warehouse.state;

import java.time.LocalDate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * The first and the latest of the platform's export days that the warehouse has ingested, from
 * ops.ingest_audit (targets aside: they are not a daily export).
 */
public record ExportDays(LocalDate first, LocalDate latest) {

  /** The export days ingested, or null before the first. */
  public static ExportDays read(SparkSession spark, WarehouseLayout layout) {
    if (!layout.exists(WarehouseLayout.INGEST_AUDIT)) {
      return null;
    }
    Row range = spark.read().format("delta").load(layout.path(WarehouseLayout.INGEST_AUDIT))
        .where("source <> 'targets'").selectExpr("min(dt)", "max(dt)").first();
    return range.isNullAt(0) ? null
        : new ExportDays(LocalDate.parse(range.getString(0)), LocalDate.parse(range.getString(1)));
  }

  /** The latest export day ingested, or null before the first. */
  public static LocalDate latest(SparkSession spark, WarehouseLayout layout) {
    ExportDays days = read(spark, layout);
    return days == null ? null : days.latest();
  }
}
