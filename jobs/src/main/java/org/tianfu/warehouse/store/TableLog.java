package org.tianfu.warehouse.store;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaHistory;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * What a job reads from a Delta table's log on the driver: its version, properties, partitioning and
 * latest commit. {@code DESCRIBE DETAIL} and {@code DESCRIBE HISTORY} answer the same, but each is a
 * query to plan, and {@code DESCRIBE DETAIL} also counts the table's files in a Spark job; a night
 * asks about 25 times (BENCHMARKS.md, session 9).
 */
public final class TableLog {
  private final DeltaLog log;
  private Snapshot snapshot;

  private TableLog(DeltaLog log) {
    this.log = log;
  }

  /** The table's log as of now; a path without a table has version -1. */
  public static TableLog of(SparkSession spark, String path) {
    return new TableLog(DeltaLog.forTable(spark, path));
  }

  public long version() {
    return snapshot().version();
  }

  public Map<String, String> properties() {
    return CollectionConverters.asJava(snapshot().metadata().configuration());
  }

  public List<String> partitionColumns() {
    return CollectionConverters.asJava(snapshot().metadata().partitionColumns());
  }

  /** The latest commit's record (operation, parameters, metrics, user metadata). */
  public DeltaHistory lastCommit() {
    return log.history().getHistory(Option.<Object>apply(1)).head();   // brings the log up to date itself
  }

  // Brought up to date on first use only: a listing of _delta_log, which costs requests on an object store.
  private Snapshot snapshot() {
    if (snapshot == null) {
      snapshot = log.update(false, Option.empty(), Option.empty());
    }
    return snapshot;
  }
}
