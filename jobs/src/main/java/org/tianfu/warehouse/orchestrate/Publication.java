package org.tianfu.warehouse.orchestrate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tianfu.warehouse.state.ExportDays;
import org.tianfu.warehouse.metrics.GoldTables;
import org.tianfu.warehouse.store.TableLog;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * The publish stage: records in {@code ops.publications} which Delta version of each gold table is
 * the one this run stands behind, with the latest export day it covers. Reports and analysts can
 * then read exactly that snapshot ("what did the leaderboard say when we sent the March
 * reports?"). Nothing is recorded when gold has not changed since the last publication.
 */
final class Publication {
  static final String TABLE = "ops.publications";
  static final List<String> GOLD = GoldTables.ALL;
  private static final StructType SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("run_id", DataTypes.StringType, false),
      DataTypes.createStructField("published_at", DataTypes.TimestampType, false),
      DataTypes.createStructField("data_as_of", DataTypes.StringType, true),
      DataTypes.createStructField("table_versions", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), false)));

  private final SparkSession spark;
  private final WarehouseLayout layout;

  Publication(SparkSession spark, WarehouseLayout layout) {
    this.spark = spark;
    this.layout = layout;
  }

  /** Returns the rows written (0 or 1). */
  long run(String runId) {
    Map<String, Long> versions = new LinkedHashMap<>();
    for (String table : GOLD) {
      if (layout.exists(table)) {
        versions.put(table, TableLog.of(spark, layout.path(table)).version());
      }
    }
    if (versions.isEmpty() || versions.equals(lastPublished())) {
      return 0;
    }
    LocalDate asOf = ExportDays.latest(spark, layout);
    spark.createDataFrame(List.of(RowFactory.create(runId, Timestamp.from(Instant.now()),
            asOf == null ? null : asOf.toString(),
            versions)), SCHEMA)
        .write().format("delta").mode("append").save(layout.path(TABLE));
    return 1;
  }

  private Map<String, Long> lastPublished() {
    if (!layout.exists(TABLE)) {
      return Map.of();
    }
    List<Row> last = spark.read().format("delta").load(layout.path(TABLE))
        .orderBy(org.apache.spark.sql.functions.col("published_at").desc()).limit(1).collectAsList();
    if (last.isEmpty()) {
      return Map.of();
    }
    return new LinkedHashMap<>(last.get(0).<String, Long>getJavaMap(3));
  }
}
