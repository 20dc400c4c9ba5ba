package org.tianfu.warehouse.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;
import org.tianfu.warehouse.contract.SourceSpec;
import org.tianfu.warehouse.landing.DtFolder;
import org.tianfu.warehouse.state.ConformedDays;
import org.tianfu.warehouse.state.OpsTables;
import org.tianfu.warehouse.store.DeltaReplace;
import org.tianfu.warehouse.store.Storage.FileEntry;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * Copies of ids in days after a batch's, whose standing the batch changes. landing.md loads the first
 * valid copy of an id by dt, file and line, and an incremental run must equal a full rebuild, so:
 * <ul>
 *   <li>a later day's loaded copy that a line of the batch precedes is <em>displaced</em>: it becomes a
 *       duplicate (an export day that arrives after later ones: a delayed export, a backfill, a rerun);
 *   <li>when a rerun's re-export drops an id that its old slice loaded, the first copy among the later
 *       days, counted there as a duplicate, is <em>reloaded</em>: read again from its landing file.
 * </ul>
 * Their days' bronze slices are rewritten in the batch's own bronze commit; before that commit the days'
 * audit rows are recounted and the days marked not conformed, so silver and gold take them in again. A
 * run killed in between finds the same copies on its redo and writes the same audit rows: they are
 * counted from bronze as it will be, not adjusted from the audit as it is.
 */
final class LaterDayCopies {
  /**
   * The later days' bronze rows after the change (columns in any order: union them by name), how many,
   * and how many copies were displaced and reloaded.
   */
  record Kept(TreeSet<String> days, Dataset<Row> rows, long count, long displaced, long reloaded) {}

  private final SparkSession spark;
  private final WarehouseLayout layout;
  private final String runId;

  LaterDayCopies(SparkSession spark, WarehouseLayout layout, String runId) {
    this.spark = spark;
    this.layout = layout;
    this.runId = runId;
  }

  /**
   * The first valid copy, in the landing days after the batch's first, of each id that bronze's old
   * slice of the batch's days loaded and the batch's valid lines no longer hold: bronze rows (as
   * {@code columns} select them from the parsed lines), cached, to load in their days. Empty unless
   * the batch replaces days bronze held (a rerun, or the redo of a killed run), its lines dropped an id,
   * and a later day holds a copy of it.
   */
  Optional<Dataset<Row>> reloaded(SourceSpec spec, LineValidator validator, Dataset<Row> batchLines,
      TreeSet<String> dts, List<DtFolder> landingDays, Column[] columns) {
    String table = WarehouseLayout.bronze(spec.name());
    if (!layout.exists(table)) {
      return Optional.empty();
    }
    Dataset<Row> oldSlice = spark.read().format("delta").load(layout.path(table)).where(DeltaReplace.in("dt", dts));
    if (oldSlice.isEmpty()) {
      return Optional.empty();
    }
    List<Row> files = new ArrayList<>();
    for (DtFolder day : landingDays) {
      if (day.dt().compareTo(dts.first()) > 0 && !dts.contains(day.dt())) {
        for (FileEntry file : day.files()) {
          files.add(RowFactory.create(day.dt(), file.name(), file.location()));
        }
      }
    }
    // No later day (the rerun or redo of the latest night): no copy to find, so no ids to compare.
    if (files.isEmpty()) {
      return Optional.empty();
    }
    Dataset<Row> droppedIds = oldSlice.select(col(spec.idField()).as("_id"))
        .join(batchLines.where(col("_reason").isNull()).select("_id"), "_id", "left_anti").distinct();
    List<Row> dropped = droppedIds.collectAsList();   // at most a day's ids
    if (dropped.isEmpty()) {
      return Optional.empty();
    }
    Dataset<Row> ids = broadcast(spark.createDataFrame(dropped, droppedIds.schema()));
    Dataset<Row> copies = FileLines.read(spark, validator, BronzeSchema.recordFields(spec), files)
        .where(col("_reason").isNull())
        .join(ids, "_id", "left_semi")
        .withColumn("_copy", row_number().over(Window.partitionBy("_id").orderBy("dt", "file", "line_number")))
        .where("_copy = 1")
        .select(columns)
        .persist(StorageLevel.MEMORY_AND_DISK());
    // The dropped ids may have no later copy (the platform deleted them): then no later day changes.
    if (copies.isEmpty()) {
      copies.unpersist();
      return Optional.empty();
    }
    return Optional.of(copies);
  }

  /**
   * Recounts the audit rows of the days holding {@code displaced} (dt, file, line_number) or
   * {@code reloaded} rows and marks those days not conformed; returns the days' bronze rows less the
   * displaced, plus the reloaded, for the bronze commit.
   */
  Kept settle(SourceSpec spec, List<Row> displaced, Optional<Dataset<Row>> reloaded) {
    TreeSet<String> days = new TreeSet<>();
    Map<String, Long> loadedPerFile = new HashMap<>();
    for (Row r : displaced) {
      days.add(r.getString(0));
      loadedPerFile.merge(r.getString(0) + "/" + r.getString(1), -1L, Long::sum);
    }
    long reloadedRows = 0;
    if (reloaded.isPresent()) {
      for (Row r : reloaded.get().groupBy("dt", "file").count().collectAsList()) {
        days.add(r.getString(0));
        loadedPerFile.merge(r.getString(0) + "/" + r.getString(1), r.getLong(2), Long::sum);
        reloadedRows += r.getLong(2);
      }
    }
    Dataset<Row> bronze = spark.read().format("delta").load(layout.path(WarehouseLayout.bronze(spec.name())))
        .where(DeltaReplace.in("dt", days));
    for (Row r : bronze.groupBy("dt", "file").count().collectAsList()) {
      loadedPerFile.merge(r.getString(0) + "/" + r.getString(1), r.getLong(2), Long::sum);
    }
    long count = loadedPerFile.values().stream().mapToLong(Long::longValue).sum();

    String slice = "(source = '" + spec.name() + "' AND " + DeltaReplace.in("dt", days) + ")";
    String auditPath = layout.path(WarehouseLayout.INGEST_AUDIT);
    Timestamp now = Timestamp.from(Instant.now());
    List<Row> audit = new ArrayList<>();
    for (Row a : spark.read().format("delta").load(auditPath).where(slice)
        .select("source", "dt", "file", "lines_read", "quarantined").collectAsList()) {
      long loaded = loadedPerFile.getOrDefault(a.getString(1) + "/" + a.getString(2), 0L);
      audit.add(RowFactory.create(a.getString(0), a.getString(1), a.getString(2), a.getLong(3), loaded,
          a.getLong(3) - a.getLong(4) - loaded, a.getLong(4), runId, now));
    }
    // The sources of a round are ingested side by side: one of them at a time commits to the ops tables.
    synchronized (LaterDayCopies.class) {
      new ConformedDays(spark, layout).forget(spec.name(), days);
      if (!audit.isEmpty()) {
        DeltaReplace.replace(spark.createDataFrame(audit, OpsTables.INGEST_AUDIT), auditPath, slice, OpsTables.PARTITION);
      }
    }
    Dataset<Row> rows = bronze.join(broadcast(spark.createDataFrame(displaced, BronzeSchema.LINE_KEY)),
        BronzeSchema.LINE_KEY.fieldNames(), "left_anti");
    if (reloaded.isPresent()) {
      rows = rows.unionByName(reloaded.get());
    }
    return new Kept(days, rows, count, displaced.size(), reloadedRows);
  }
}
