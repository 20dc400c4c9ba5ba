package org.tianfu.warehouse.store;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaHistory;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.apache.spark.sql.delta.actions.Action;
import org.apache.spark.sql.delta.actions.CommitInfo;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * What a job reads from a Delta table's log on the driver: its version, properties, partitioning and
 * latest commit. {@code DESCRIBE DETAIL} and {@code DESCRIBE HISTORY} answer the same, but each is a
 * query to plan, and {@code DESCRIBE DETAIL} also counts the table's files in a Spark job; a night
 * asks about 25 times (BENCHMARKS.md, "Levers kept": Delta log read on the driver).
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

  /**
   * The latest commit's record (operation, parameters, metrics, user metadata), read from its log
   * file here: Delta's own {@code history().getHistory(1)} starts a Spark job for it (a night writes
   * some 30 times; BENCHMARKS.md, "Levers kept": Delta log read on the driver).
   */
  public DeltaHistory lastCommit() {
    long version = version();
    for (Action action : CollectionConverters.asJava(log.getChanges(version, Option.empty(), false).next()._2())) {
      if (action instanceof CommitInfo info) {
        return DeltaHistory.fromCommitInfo(info);
      }
    }
    throw new IllegalStateException(log.logPath() + ": commit " + version + " carries no commit record");
  }

  // Brought up to date on first use only: a listing of _delta_log, which costs requests on an object store.
  private Snapshot snapshot() {
    if (snapshot == null) {
      snapshot = log.update(false, Option.empty(), Option.empty());
    }
    return snapshot;
  }
}
