package org.tianfu.warehouse.ingest;

import static org.apache.spark.sql.functions.broadcast;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tianfu.warehouse.contract.SourceSpec;
import org.tianfu.warehouse.store.ConformedDays;
import org.tianfu.warehouse.store.DeltaReplace;
import org.tianfu.warehouse.store.OpsTables;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * Bronze rows of later days that a batch's earlier copy of their id displaces. landing.md loads the
 * first copy of an id by dt, file and line, and an incremental run must equal a full rebuild; so when
 * an export day arrives after a later day that re-sent some of its ids was ingested (a delayed export,
 * a backfill, a rerun), the later day's copies become duplicates. Their days' bronze slices are
 * rewritten without them in the batch's own bronze commit, and before that commit the days' audit rows
 * are recounted and the days marked not conformed, so silver and gold take them in again. A run killed
 * in between finds the same copies on its redo and writes the same audit rows: they are counted from
 * bronze as it will be, not adjusted from the audit as it is.
 */
final class DisplacedCopies {
  private static final StructType KEY = DataTypes.createStructType(List.of(
      DataTypes.createStructField("dt", DataTypes.StringType, false),
      DataTypes.createStructField("file", DataTypes.StringType, false),
      DataTypes.createStructField("line_number", DataTypes.IntegerType, false)));

  /** The later days' bronze rows that stay (the join puts its key columns first: union them by name), and how many. */
  record Kept(TreeSet<String> days, Dataset<Row> rows, long count) {}

  private final SparkSession spark;
  private final WarehouseLayout layout;
  private final String runId;

  DisplacedCopies(SparkSession spark, WarehouseLayout layout, String runId) {
    this.spark = spark;
    this.layout = layout;
    this.runId = runId;
  }

  /**
   * Recounts the audit rows of the days holding {@code displaced} (dt, file, line_number) and marks
   * them not conformed; returns the days' bronze rows less the displaced ones, for the bronze commit.
   */
  Kept settle(SourceSpec spec, List<Row> displaced) {
    TreeSet<String> days = new TreeSet<>();
    Map<String, Long> displacedPerFile = new HashMap<>();
    for (Row r : displaced) {
      days.add(r.getString(0));
      displacedPerFile.merge(r.getString(0) + "/" + r.getString(1), 1L, Long::sum);
    }
    Dataset<Row> bronze = spark.read().format("delta").load(layout.path(WarehouseLayout.bronze(spec.name())))
        .where(DeltaReplace.in("dt", days));
    Map<String, Long> storedPerFile = new HashMap<>();
    bronze.groupBy("dt", "file").count().collectAsList()
        .forEach(r -> storedPerFile.put(r.getString(0) + "/" + r.getString(1), r.getLong(2)));
    long kept = storedPerFile.values().stream().mapToLong(Long::longValue).sum() - displaced.size();

    String slice = "(source = '" + spec.name() + "' AND " + DeltaReplace.in("dt", days) + ")";
    String auditPath = layout.path(WarehouseLayout.INGEST_AUDIT);
    Timestamp now = Timestamp.from(Instant.now());
    List<Row> audit = new ArrayList<>();
    for (Row a : spark.read().format("delta").load(auditPath).where(slice)
        .select("source", "dt", "file", "lines_read", "quarantined").collectAsList()) {
      String file = a.getString(1) + "/" + a.getString(2);
      long loaded = storedPerFile.getOrDefault(file, 0L) - displacedPerFile.getOrDefault(file, 0L);
      audit.add(RowFactory.create(a.getString(0), a.getString(1), a.getString(2), a.getLong(3), loaded,
          a.getLong(3) - a.getLong(4) - loaded, a.getLong(4), runId, now));
    }
    // The sources of a round are ingested side by side: one of them at a time commits to the ops tables.
    synchronized (DisplacedCopies.class) {
      new ConformedDays(spark, layout).forget(spec.name(), days);
      if (!audit.isEmpty()) {
        DeltaReplace.replace(spark.createDataFrame(audit, OpsTables.INGEST_AUDIT), auditPath, slice, OpsTables.PARTITION);
      }
    }
    return new Kept(days, bronze.join(broadcast(spark.createDataFrame(displaced, KEY)), KEY.fieldNames(), "left_anti"), kept);
  }
}
