package org.tianfu.warehouse.store;

import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of a run. Local mode unless spark-submit already chose a master. Sessions
 * read and write Delta and bucket time in Asia/Shanghai, as the contract does.
 */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession getOrCreate() {
    SparkSession.Builder builder = SparkSession.builder()
        .appName("tianfu-warehouse")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.sql.session.timeZone", "Asia/Shanghai")
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.ui.enabled", "false")
        // Tables are addressed by path; the catalog only holds per-session names, kept out of the cwd.
        .config("spark.sql.warehouse.dir", System.getProperty("java.io.tmpdir") + "/tianfu-spark-catalog")
        .config("spark.sql.catalogImplementation", "in-memory")
        .config("spark.databricks.delta.snapshotPartitions", "2")
        // New tables keep their log for ten years (Delta's default drops commits older than 30 days
        // at each checkpoint), so that 'warehouse sql --as-of' can still read last spring's tables.
        .config("spark.databricks.delta.properties.defaults.logRetentionDuration", "interval 3650 days")
        // DuckDB reads the Parquet files the log lists; a deletion vector would hide rows in them that
        // it cannot see. Deletes and merges rewrite files instead.
        .config("spark.databricks.delta.properties.defaults.enableDeletionVectors", "false");
    if (System.getProperty("spark.master") == null) {
      builder.master("local[*]");
    }
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }
}
