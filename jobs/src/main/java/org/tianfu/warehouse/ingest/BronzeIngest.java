package org.tianfu.warehouse.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;
import org.tianfu.warehouse.contract.CountyReference;
import org.tianfu.warehouse.contract.SourceSpec;
import org.tianfu.warehouse.store.DayFiles;
import org.tianfu.warehouse.store.DeltaReplace;
import org.tianfu.warehouse.store.OpsTables;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * Lands a batch of dt folders of one source in bronze. Every counted line is classified once —
 * quarantined (first contract violation), duplicate (its id already loaded, or loaded earlier in
 * the batch by dt, file, line) or loaded — and the three are written in this order:
 * bronze, quarantine, then the audit rows. The audit rows mark the dts as ingested, so a run killed
 * before them leaves the dts pending, and the next run replaces whatever slice was written.
 */
public final class BronzeIngest {
  /** Up to this much input (a scale-1 night is about 45 MB), the batch's ids are broadcast to the id lookup. */
  static final long BROADCAST_IDS_MAX_INPUT_BYTES = 256L << 20;

  private final SparkSession spark;
  private final WarehouseLayout layout;
  private final CountyReference counties;
  private final PiiMasking pii;
  private final String runId;

  public BronzeIngest(SparkSession spark, WarehouseLayout layout, CountyReference counties,
      PiiMasking pii, String runId) {
    this.spark = spark;
    this.layout = layout;
    this.counties = counties;
    this.pii = pii;
    this.runId = runId;
  }

  /** Ingests the folders (all of one source) and returns the audit rows written for them. */
  public List<IngestAuditRow> ingest(SourceSpec spec, List<DtFolder> batch) {
    List<String> paths = new ArrayList<>();
    long inputBytes = 0;
    for (DtFolder folder : batch) {
      for (Path file : folder.files()) {
        if (!Files.isReadable(file)) {
          throw new LandingFileException("cannot read " + file + ": it is missing or not readable");
        }
        paths.add(file.toUri().toString());
        inputBytes += sizeOf(file);
      }
    }
    TreeSet<String> dts = new TreeSet<>();
    batch.forEach(f -> dts.add(f.dt()));
    if (paths.isEmpty()) {
      return List.of();
    }

    Dataset<Row> lines = spark.read().format("binaryFile").load(paths.toArray(String[]::new))
        .flatMap(new FileLines(new LineValidator(spec, counties, pii)),
            Encoders.row(FileLines.schema(BronzeSchema.recordFields(spec))))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> classified = classify(spec, lines, dts, inputBytes).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      String bronze = layout.path(WarehouseLayout.bronze(spec.name()));
      List<Column> bronzeColumns = new ArrayList<>();
      for (StructField f : BronzeSchema.recordFields(spec)) {
        bronzeColumns.add(col(f.name()));
      }
      bronzeColumns.addAll(List.of(col("dt"), col("file"), col("line_number"), lit(runId).as("run_id")));
      DeltaReplace.replace(DayFiles.onePerDay(classified.where("_disposition = 'loaded'")
          .select(bronzeColumns.toArray(Column[]::new)), dts.size()), bronze, DeltaReplace.in("dt", dts), "dt");
      // The bronze write has cached every classified row; the parsed lines are not read again.
      lines.unpersist();

      String quarantineWhere = "source = '" + spec.name() + "' AND " + DeltaReplace.in("dt", dts);
      DeltaReplace.replace(classified.where("_disposition = 'quarantined'").select(
              lit(spec.name()).as("source"), col("dt"), col("file"), col("line_number"),
              col("_reason").as("reason"), col("_raw").as("raw"), lit(runId).as("run_id")).coalesce(1),
          layout.path(WarehouseLayout.QUARANTINE), quarantineWhere, OpsTables.PARTITION);

      List<IngestAuditRow> audit = reconcile(spec, batch, dts, classified, bronze, quarantineWhere);
      writeAudit(spec, dts, audit);
      return audit;
    } finally {
      classified.unpersist();
      lines.unpersist();
    }
  }

  /** Every counted line (parsed and validated) with its disposition: quarantined, duplicate or loaded. */
  private Dataset<Row> classify(SourceSpec spec, Dataset<Row> lines, TreeSet<String> dts, long inputBytes) {
    // Validation comes first: only valid lines compete for an id, first by dt, file, line.
    Column firstSeen = row_number().over(Window.partitionBy("_id").orderBy("dt", "file", "line_number"));
    Dataset<Row> ranked = lines.withColumn("_rank", when(col("_reason").isNull(), firstSeen));

    String bronzeTable = WarehouseLayout.bronze(spec.name());
    Column alreadyLoaded = lit(false);
    if (layout.exists(bronzeTable)) {
      // Only the batch's own ids are looked up in history: a semi join keeps the loaded ids that the
      // batch holds. A night's ids are broadcast, so bronze's id column is streamed past them once
      // instead of being shuffled whole; a large backfill batch shuffles both sides instead.
      Dataset<Row> batchIds = lines.where(col("_reason").isNull()).select(col("_id").as("_loaded_id")).distinct();
      if (inputBytes <= BROADCAST_IDS_MAX_INPUT_BYTES) {
        batchIds = broadcast(batchIds);
      }
      Dataset<Row> loadedIds = spark.read().format("delta").load(layout.path(bronzeTable))
          .where("NOT " + DeltaReplace.in("dt", dts))
          .select(col(spec.idField()).as("_loaded_id"))
          .join(batchIds, "_loaded_id", "left_semi");
      ranked = ranked.join(loadedIds, ranked.col("_id").equalTo(loadedIds.col("_loaded_id")), "left");
      alreadyLoaded = col("_loaded_id").isNotNull();
    }
    return ranked.withColumn("_disposition",
        when(col("_reason").isNotNull(), "quarantined")
            .when(col("_rank").equalTo(1).and(alreadyLoaded.unary_$bang()), "loaded")
            .otherwise("duplicate"));
  }

  /**
   * Counts each file's lines by status, compares the loaded and quarantined counts with what the
   * tables now hold for this run, and fails when anything does not add up.
   */
  private List<IngestAuditRow> reconcile(SourceSpec spec, List<DtFolder> batch, TreeSet<String> dts,
      Dataset<Row> classified, String bronze, String quarantineWhere) {
    Map<String, long[]> counted = new HashMap<>();
    for (Row r : classified.groupBy("dt", "file", "_disposition").count().collectAsList()) {
      long[] c = counted.computeIfAbsent(r.getString(0) + "/" + r.getString(1), k -> new long[3]);
      c[dispositionIndex(r.getString(2))] += r.getLong(3);
    }
    Map<String, Long> storedLoaded = countByFile(spark.read().format("delta").load(bronze)
        .where(DeltaReplace.in("dt", dts)));
    Map<String, Long> storedQuarantined = countByFile(spark.read().format("delta")
        .load(layout.path(WarehouseLayout.QUARANTINE)).where(quarantineWhere));

    List<IngestAuditRow> audit = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (DtFolder folder : batch) {
      for (Path file : folder.files()) {
        String key = folder.dt() + "/" + file.getFileName();
        long[] c = counted.getOrDefault(key, new long[3]);
        long loaded = storedLoaded.getOrDefault(key, 0L);
        long quarantined = storedQuarantined.getOrDefault(key, 0L);
        IngestAuditRow row = new IngestAuditRow(spec.name(), folder.dt(), file.getFileName().toString(),
            c[0] + c[1] + c[2], loaded, c[1], quarantined);
        if (!row.reconciles() || loaded != c[0] || quarantined != c[2]) {
          problems.add(key + ": read " + row.linesRead() + ", classified loaded/duplicate/quarantined "
              + c[0] + "/" + c[1] + "/" + c[2] + ", stored loaded " + loaded + ", quarantined " + quarantined);
        }
        audit.add(row);
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("ingest of " + spec.name() + " does not reconcile; nothing was"
          + " marked ingested and the next run redoes these days:\n  " + String.join("\n  ", problems));
    }
    return audit;
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new LandingFileException("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static int dispositionIndex(String disposition) {
    return switch (disposition) {
      case "loaded" -> 0;
      case "duplicate" -> 1;
      case "quarantined" -> 2;
      default -> throw new IllegalStateException("unknown disposition " + disposition);
    };
  }

  private static Map<String, Long> countByFile(Dataset<Row> rows) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Row r : rows.groupBy("dt", "file").count().collectAsList()) {
      out.put(r.getString(0) + "/" + r.getString(1), r.getLong(2));
    }
    return out;
  }

  private void writeAudit(SourceSpec spec, TreeSet<String> dts, List<IngestAuditRow> audit) {
    Timestamp now = Timestamp.from(Instant.now());
    List<Row> rows = new ArrayList<>();
    for (IngestAuditRow a : audit) {
      rows.add(RowFactory.create(a.source(), a.dt(), a.file(), a.linesRead(), a.loaded(),
          a.duplicates(), a.quarantined(), runId, now));
    }
    DeltaReplace.replace(spark.createDataFrame(rows, OpsTables.INGEST_AUDIT),
        layout.path(WarehouseLayout.INGEST_AUDIT),
        "source = '" + spec.name() + "' AND " + DeltaReplace.in("dt", dts), OpsTables.PARTITION);
  }
}
