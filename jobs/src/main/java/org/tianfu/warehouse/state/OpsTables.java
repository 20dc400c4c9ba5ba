package org.tianfu.warehouse.state;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tianfu.warehouse.store.TableLog;
import org.tianfu.warehouse.store.WarehouseLayout;

/** The ops tables that every source writes: the quarantine and the ingest audit, both partitioned by source. */
public final class OpsTables {
  public static final String PARTITION = "source";

  /** ops.quarantine (landing.md, "Bad input"), partitioned by source. */
  public static final StructType QUARANTINE = DataTypes.createStructType(List.of(
      DataTypes.createStructField("source", DataTypes.StringType, false),
      DataTypes.createStructField("dt", DataTypes.StringType, false),
      DataTypes.createStructField("file", DataTypes.StringType, false),
      DataTypes.createStructField("line_number", DataTypes.IntegerType, false),
      DataTypes.createStructField("reason", DataTypes.StringType, false),
      DataTypes.createStructField("raw", DataTypes.StringType, false),
      DataTypes.createStructField("run_id", DataTypes.StringType, false)));

  /** ops.ingest_audit: one row per file read; lines_read = loaded + duplicates + quarantined; partitioned by source. */
  public static final StructType INGEST_AUDIT = DataTypes.createStructType(List.of(
      DataTypes.createStructField("source", DataTypes.StringType, false),
      DataTypes.createStructField("dt", DataTypes.StringType, false),
      DataTypes.createStructField("file", DataTypes.StringType, false),
      DataTypes.createStructField("lines_read", DataTypes.LongType, false),
      DataTypes.createStructField("loaded", DataTypes.LongType, false),
      DataTypes.createStructField("duplicates", DataTypes.LongType, false),
      DataTypes.createStructField("quarantined", DataTypes.LongType, false),
      DataTypes.createStructField("run_id", DataTypes.StringType, false),
      DataTypes.createStructField("ingested_at", DataTypes.TimestampType, false)));

  private OpsTables() {}

  /**
   * Creates both tables, partitioned by source, if missing, so every writer replaces its slice in a
   * partitioned table (ingest once per round for all sources, conform for the targets). An audit that
   * an earlier version wrote unpartitioned is rewritten partitioned, in one commit.
   */
  public static void prepare(SparkSession spark, WarehouseLayout layout) {
    for (Map.Entry<String, StructType> table : Map.of(WarehouseLayout.QUARANTINE, QUARANTINE,
        WarehouseLayout.INGEST_AUDIT, INGEST_AUDIT).entrySet()) {
      String path = layout.path(table.getKey());
      if (!layout.exists(table.getKey())) {
        spark.createDataFrame(List.of(), table.getValue()).write().format("delta").mode("append")
            .partitionBy(PARTITION).save(path);
        continue;
      }
      if (!TableLog.of(spark, path).partitionColumns().equals(List.of(PARTITION))) {
        spark.read().format("delta").load(path).write().format("delta").mode("overwrite")
            .option("overwriteSchema", "true").partitionBy(PARTITION).save(path);
      }
    }
  }
}
