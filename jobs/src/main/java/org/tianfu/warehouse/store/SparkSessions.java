package org.tianfu.warehouse.store;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of a run. Sessions read and write Delta and bucket time in Asia/Shanghai, as
 * the contract does: those settings are fixed. The tuning below suits local mode on a few cores and
 * is only a default: spark-submit's {@code --conf} (or {@code -Dspark.…}) wins, so a cluster sets its
 * own master, shuffle partitions and memory.
 */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession getOrCreate() {
    SparkConf conf = new SparkConf()
        .set("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .set("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .set("spark.sql.session.timeZone", "Asia/Shanghai")
        // Tables are addressed by path; the catalog only holds per-session names, kept out of the cwd.
        .set("spark.sql.catalogImplementation", "in-memory")
        // New tables keep their log for ten years (Delta's default drops commits older than 30 days
        // at each checkpoint), so that 'warehouse sql --as-of' can still read last spring's tables.
        .set("spark.databricks.delta.properties.defaults.logRetentionDuration", "interval 3650 days")
        // DuckDB reads the Parquet files the log lists; a deletion vector would hide rows in them that
        // it cannot see. Deletes and merges rewrite files instead.
        .set("spark.databricks.delta.properties.defaults.enableDeletionVectors", "false")
        // DeltaReplace counts what a commit stored from the commit's own metrics (its default, pinned).
        .set("spark.databricks.delta.history.metricsEnabled", "true")
        // Local files without a chmod or readlink process per file (NioLocalFileSystem).
        .setIfMissing("spark.hadoop.fs.file.impl", NioLocalFileSystem.class.getName())
        .setIfMissing("spark.hadoop.fs.AbstractFileSystem.file.impl", NioLocalFs.class.getName())
        .setIfMissing("spark.master", "local[*]")
        .setIfMissing("spark.app.name", "tianfu-warehouse")
        .setIfMissing("spark.sql.shuffle.partitions", "8")
        // Expressions are interpreted, not compiled to Java classes: a night passes a few hundred
        // thousand rows through some 500 small queries, and generating and JIT-compiling each query's
        // classes cost more than the rows (BENCHMARKS.md, "Levers kept", interpreted expressions: a
        // scale-1 night ~15% faster, a 90-day rebuild 3% slower). A cluster that runs large batches may
        // set both back.
        .setIfMissing("spark.sql.codegen.wholeStage", "false")
        .setIfMissing("spark.sql.codegen.factoryMode", "NO_CODEGEN")
        .setIfMissing("spark.ui.enabled", "false")
        .setIfMissing("spark.sql.warehouse.dir", System.getProperty("java.io.tmpdir") + "/tianfu-spark-catalog")
        .setIfMissing("spark.databricks.delta.snapshotPartitions", "2")
        // Each table's file list, cached by Delta, is scanned by every query that skips files (some 90
        // a night); kept as objects, not serialized, each scan skips deserializing it. A night's tables
        // hold a few hundred files, not millions (BENCHMARKS.md, "Levers kept", Delta file lists kept as
        // objects: a night about 5% faster).
        .setIfMissing("spark.databricks.delta.snapshotCache.storageLevel", "MEMORY_ONLY")
        // In a session whose time zone is not UTC, Delta rebuilds a table's whole file list after every
        // commit, to check the list it keeps incrementally: a Spark job per commit, about 90 jobs a
        // night. The check guards timestamp partition values; no table here is partitioned by one.
        .setIfMissing("spark.databricks.delta.allFilesInCrc.verificationMode.forceOnNonUTC.enabled", "false");
    SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }
}
