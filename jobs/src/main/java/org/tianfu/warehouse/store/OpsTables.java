package org.tianfu.warehouse.store;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Schemas of the ops tables that more than one stage writes: the quarantine and the ingest audit. */
public final class OpsTables {
  /** ops.quarantine (landing.md, "Bad input"), partitioned by source. */
  public static final StructType QUARANTINE = DataTypes.createStructType(List.of(
      DataTypes.createStructField("source", DataTypes.StringType, false),
      DataTypes.createStructField("dt", DataTypes.StringType, false),
      DataTypes.createStructField("file", DataTypes.StringType, false),
      DataTypes.createStructField("line_number", DataTypes.IntegerType, false),
      DataTypes.createStructField("reason", DataTypes.StringType, false),
      DataTypes.createStructField("raw", DataTypes.StringType, false),
      DataTypes.createStructField("run_id", DataTypes.StringType, false)));

  /** ops.ingest_audit: one row per file read; lines_read = loaded + duplicates + quarantined. */
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
}
