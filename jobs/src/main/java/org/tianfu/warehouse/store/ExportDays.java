package org.tianfu.warehouse.store;

import java.time.LocalDate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** What the warehouse knows of the platform's export days, from ops.ingest_audit. */
public final class ExportDays {
  private ExportDays() {}

  /** The latest export day ingested (targets aside: they are not a daily export), or null before the first. */
  public static LocalDate latest(SparkSession spark, WarehouseLayout layout) {
    if (!layout.exists(WarehouseLayout.INGEST_AUDIT)) {
      return null;
    }
    Row latest = spark.read().format("delta").load(layout.path(WarehouseLayout.INGEST_AUDIT))
        .where("source <> 'targets'").selectExpr("max(dt)").first();
    return latest.isNullAt(0) ? null : LocalDate.parse(latest.getString(0));
  }
}
