package org.tianfu.warehouse.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.tianfu.warehouse.store.DeltaReplace;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * {@code ops.conformed}: the export days of each source that silver has taken in. Written last by
 * the conform stage, as ops.ingest_audit is by ingest, so an interrupted conform is redone.
 */
public final class ConformedDays {
  public static final String TABLE = "ops.conformed";

  private final SparkSession spark;
  private final WarehouseLayout layout;

  public ConformedDays(SparkSession spark, WarehouseLayout layout) {
    this.spark = spark;
    this.layout = layout;
  }

  /** Ingested days (per ops.ingest_audit) that silver has not taken in yet, by source. */
  public Map<String, TreeSet<String>> pending(java.util.Collection<String> sources) {
    Map<String, TreeSet<String>> out = new TreeMap<>();
    if (!layout.exists(WarehouseLayout.INGEST_AUDIT)) {
      return out;
    }
    String conformed = layout.exists(TABLE)
        ? " LEFT ANTI JOIN delta.`" + layout.path(TABLE) + "` c ON c.source = a.source AND c.dt = a.dt" : "";
    for (Row r : spark.sql("SELECT DISTINCT a.source, a.dt FROM delta.`" + layout.path(WarehouseLayout.INGEST_AUDIT)
        + "` a" + conformed + " WHERE " + DeltaReplace.in("a.source", sources)).collectAsList()) {
      out.computeIfAbsent(r.getString(0), k -> new TreeSet<>()).add(r.getString(1));
    }
    return out;
  }

  /** Forgets that silver took in these days of the source, so the next conform redoes them. */
  public void forget(String source, Set<String> dts) {
    if (layout.exists(TABLE)) {
      spark.sql("DELETE FROM delta.`" + layout.path(TABLE) + "` WHERE source = '" + source + "' AND "
          + DeltaReplace.in("dt", dts));
    }
  }

  public void mark(Map<String, ? extends Set<String>> days, String runId) {
    List<Row> rows = new ArrayList<>();
    days.forEach((source, dts) -> dts.forEach(dt -> rows.add(RowFactory.create(source, dt, runId))));
    if (rows.isEmpty()) {
      return;
    }
    spark.createDataFrame(rows, DataTypes.createStructType(List.of(
            DataTypes.createStructField("source", DataTypes.StringType, false),
            DataTypes.createStructField("dt", DataTypes.StringType, false),
            DataTypes.createStructField("run_id", DataTypes.StringType, false))))
        .write().format("delta").mode("append").save(layout.path(TABLE));
  }
}
