package org.tianfu.warehouse.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.tianfu.warehouse.state.OpsTables;
import org.tianfu.warehouse.store.DeltaReplace;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * Writes what the sources' batches of one round left after bronze: all their quarantined lines in one
 * commit, then all their audit rows in one. The audit rows mark the days ingested, so they go last:
 * a run killed before them leaves the days pending, and the next run replaces every slice written.
 * One commit per table, not one per source, because each commit costs seconds of Delta's fixed work.
 */
final class QuarantineAndAudit {
  private final SparkSession spark;
  private final WarehouseLayout layout;
  private final String runId;

  QuarantineAndAudit(SparkSession spark, WarehouseLayout layout, String runId) {
    this.spark = spark;
    this.layout = layout;
    this.runId = runId;
  }

  void write(List<LandedBatch> batches) {
    if (batches.isEmpty()) {
      return;
    }
    String slices = batches.stream().map(LandedBatch::opsSlice).collect(Collectors.joining(" OR "));
    Dataset<Row> quarantined = batches.stream().map(LandedBatch::quarantined).reduce(Dataset::union).orElseThrow();
    long stored = DeltaReplace.replace(quarantined.coalesce(1), layout.path(WarehouseLayout.QUARANTINE), slices,
        OpsTables.PARTITION);
    BronzeIngest.requireStored("quarantined", batches.stream().mapToLong(LandedBatch::quarantinedLines).sum(),
        WarehouseLayout.QUARANTINE, stored);
    Timestamp now = Timestamp.from(Instant.now());
    List<Row> rows = new ArrayList<>();
    for (LandedBatch batch : batches) {
      for (IngestAuditRow a : batch.audit()) {
        rows.add(RowFactory.create(a.source(), a.dt(), a.file(), a.linesRead(), a.loaded(),
            a.duplicates(), a.quarantined(), runId, now));
      }
    }
    DeltaReplace.replace(spark.createDataFrame(rows, OpsTables.INGEST_AUDIT),
        layout.path(WarehouseLayout.INGEST_AUDIT), slices, OpsTables.PARTITION);
  }
}
