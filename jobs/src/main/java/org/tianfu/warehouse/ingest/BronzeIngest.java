package org.tianfu.warehouse.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;

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
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;
import org.tianfu.warehouse.contract.CountyReference;
import org.tianfu.warehouse.contract.SourceSpec;
import org.tianfu.warehouse.landing.DtFolder;
import org.tianfu.warehouse.landing.LandingFileException;
import org.tianfu.warehouse.landing.PiiMasking;
import org.tianfu.warehouse.store.DayFiles;
import org.tianfu.warehouse.store.DeltaReplace;
import org.tianfu.warehouse.store.StatsColumns;
import org.tianfu.warehouse.store.Storage.FileEntry;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * Lands a batch of dt folders of one source in bronze. Every counted line is classified once —
 * quarantined (first contract violation), duplicate (a valid copy of its id comes first by dt, file
 * and line, in the batch or in bronze) or loaded; later days' copies whose standing the batch changes
 * follow ({@link LaterDayCopies}). The loaded lines are written here and checked against the
 * count the bronze commit reports; the quarantined lines and the audit rows follow, for all sources
 * at once ({@link QuarantineAndAudit}).
 */
public final class BronzeIngest {
  /**
   * Up to this much input (a scale-1 night is about 45 MB), the batch's ids are broadcast to the id
   * lookup, and its duplicates' keys come to the driver ({@link DuplicateLines}).
   */
  static final long BROADCAST_MAX_INPUT_BYTES = 256L << 20;

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

  /**
   * Writes the folders' loaded lines (all of one source) to bronze and returns the batch, its
   * quarantined lines still cached for {@link QuarantineAndAudit}; empty when the folders hold no file.
   * {@code landingDays} are all the source's days in the landing, where a copy that a rerun's re-export
   * no longer holds may be loaded from instead ({@link LaterDayCopies}).
   */
  public Optional<LandedBatch> ingest(SourceSpec spec, List<DtFolder> batch, List<DtFolder> landingDays) {
    List<Row> files = new ArrayList<>();
    long inputBytes = 0;
    for (DtFolder folder : batch) {
      for (FileEntry file : folder.files()) {
        if (!file.readable()) {
          throw new LandingFileException("cannot read " + file.location() + ": it is missing or not readable");
        }
        files.add(RowFactory.create(folder.dt(), file.name(), file.location()));
        inputBytes += file.size();
      }
    }
    TreeSet<String> dts = new TreeSet<>();
    batch.forEach(f -> dts.add(f.dt()));
    if (files.isEmpty()) {
      return Optional.empty();
    }

    LineValidator validator = new LineValidator(spec, counties, pii);
    Dataset<Row> lines = FileLines.read(spark, validator, BronzeSchema.recordFields(spec), files)
        .persist(StorageLevel.MEMORY_AND_DISK());
    DuplicateLines duplicates = null;
    LaterDayCopies.Kept later = null;
    try {
      // The one pass over the lines that parses and caches them also counts each file's lines and
      // rejections, and finds the batch's id range (a rejected line has no _id).
      List<Row> fileCounts = lines.groupBy("dt", "file")
          .agg(count(lit(1)), count("_reason"), min("_id"), max("_id")).collectAsList();
      boolean small = inputBytes <= BROADCAST_MAX_INPUT_BYTES;
      duplicates = DuplicateLines.of(duplicates(spec, lines, dts, idRange(fileCounts), small), small);
      List<Column> bronzeColumns = new ArrayList<>();
      for (StructField f : BronzeSchema.recordFields(spec)) {
        bronzeColumns.add(col(f.name()));
      }
      bronzeColumns.addAll(List.of(col("dt"), col("file"), col("line_number"), lit(runId).as("run_id")));
      // The loaded lines are a join away from the cached lines: no second full copy of the batch.
      Dataset<Row> loaded = lines.where(col("_reason").isNull())
          .join(duplicates.keys(), BronzeSchema.LINE_KEY.fieldNames(), "left_anti")
          .select(bronzeColumns.toArray(Column[]::new));
      List<IngestAuditRow> audit = account(spec, batch, fileCounts, duplicates);
      long classified = audit.stream().mapToLong(IngestAuditRow::loaded).sum();
      TreeSet<String> slice = new TreeSet<>(dts);
      LaterDayCopies laterDays = new LaterDayCopies(spark, layout, runId);
      Optional<Dataset<Row>> reloaded = laterDays.reloaded(spec, validator, lines, dts, landingDays,
          bronzeColumns.toArray(Column[]::new));
      long stored;
      try {
        if (!duplicates.displaced().isEmpty() || reloaded.isPresent()) {
          later = laterDays.settle(spec, duplicates.displaced(), reloaded);
          loaded = loaded.unionByName(later.rows());
          slice.addAll(later.days());
          classified += later.count();
        }
        stored = DeltaReplace.replace(DayFiles.arrange(loaded, slice.size()),
            layout.path(WarehouseLayout.bronze(spec.name())), DeltaReplace.in("dt", slice),
            StatsColumns.of(spec.idField()), "dt");
      } finally {
        reloaded.ifPresent(Dataset::unpersist);
      }
      requireStored("loaded", classified, "bronze." + spec.name(), stored);
      Dataset<Row> quarantined = lines.where(col("_reason").isNotNull()).select(
          lit(spec.name()).as("source"), col("dt"), col("file"), col("line_number"),
          col("_reason").as("reason"), col("_raw").as("raw"), lit(runId).as("run_id"));
      DuplicateLines keys = duplicates;
      return Optional.of(new LandedBatch(spec.name(), dts, audit, quarantined,
          later == null ? 0 : later.displaced(), later == null ? 0 : later.reloaded(), () -> release(keys, lines)));
    } catch (RuntimeException e) {
      release(duplicates, lines);
      throw e;
    }
  }

  /** The lowest and highest id of a batch's valid lines. */
  private record IdRange(String low, String high) {}

  /** The batch's id range, or null when it has no valid line. */
  private static IdRange idRange(List<Row> fileCounts) {
    String low = null;
    String high = null;
    for (Row r : fileCounts) {
      if (!r.isNullAt(4)) {
        low = low == null || r.getString(4).compareTo(low) < 0 ? r.getString(4) : low;
        high = high == null || r.getString(5).compareTo(high) > 0 ? r.getString(5) : high;
      }
    }
    return low == null ? null : new IdRange(low, high);
  }

  /**
   * Every copy of the batch's ids that is not its id's first by dt, file and line (landing.md), as
   * (dt, file, line_number, _batch): the batch's lines that are duplicates ({@code _batch} 1), and the
   * bronze rows of other days that a copy in the batch precedes ({@code _batch} 0, see {@link LaterDayCopies}).
   */
  private Dataset<Row> duplicates(SourceSpec spec, Dataset<Row> lines, TreeSet<String> dts, IdRange idRange,
      boolean small) {
    // Validation comes first: only valid lines compete for an id. Only the columns the ranking needs
    // are shuffled, not the lines.
    Dataset<Row> valid = lines.where(col("_reason").isNull())
        .select(col("_id"), col("dt"), col("file"), col("line_number"), lit(1).as("_batch"));
    Dataset<Row> competing = valid;
    String bronzeTable = WarehouseLayout.bronze(spec.name());
    if (idRange != null && layout.exists(bronzeTable)) {
      // Only the batch's own ids are looked up in history: a semi join keeps the loaded copies of ids
      // that the batch holds. A small batch's ids (a night's) are broadcast, so bronze's id column is
      // streamed past them once instead of being shuffled whole; a large backfill batch shuffles both sides.
      Dataset<Row> batchIds = valid.select(col("_id")).distinct();
      batchIds = small ? broadcast(batchIds) : batchIds;
      // The batch's id range lets Delta skip every bronze file whose id statistics lie outside it. The
      // platform's ids begin with their creation day (D20241231-…), so a night reads the files of the
      // few days its ids come from, not all of history; other ids would only skip less.
      Dataset<Row> loadedCopies = spark.read().format("delta").load(layout.path(bronzeTable))
          .where("NOT " + DeltaReplace.in("dt", dts))
          .select(col(spec.idField()).as("_id"), col("dt"), col("file"), col("line_number"), lit(0).as("_batch"))
          .where(col("_id").between(idRange.low(), idRange.high()))
          .join(batchIds, "_id", "left_semi");
      competing = valid.union(loadedCopies);
    }
    // The batch's days and the loaded copies' days differ, so every copy has its own place in the
    // ranking, and each line of the batch appears at most once here: the join back cannot repeat a line.
    return competing
        .withColumn("_copy", row_number().over(Window.partitionBy("_id").orderBy("dt", "file", "line_number")))
        .where("_copy > 1")
        .select("dt", "file", "line_number", "_batch");
  }

  /**
   * Each file's audit row: its lines read and quarantined from the first pass, its duplicates from
   * their keys, and the rest loaded (a duplicate is a valid line, counted once).
   */
  private static List<IngestAuditRow> account(SourceSpec spec, List<DtFolder> batch, List<Row> fileCounts,
      DuplicateLines duplicates) {
    Map<String, long[]> counted = new HashMap<>();
    for (Row r : fileCounts) {
      counted.put(r.getString(0) + "/" + r.getString(1), new long[] {r.getLong(2), r.getLong(3)});
    }
    List<IngestAuditRow> audit = new ArrayList<>();
    for (DtFolder folder : batch) {
      for (FileEntry file : folder.files()) {
        long[] c = counted.getOrDefault(folder.dt() + "/" + file.name(), new long[2]);
        long dup = duplicates.in(folder.dt(), file.name());
        audit.add(new IngestAuditRow(spec.name(), folder.dt(), file.name(), c[0], c[0] - c[1] - dup, dup, c[1]));
      }
    }
    return audit;
  }

  /** Fails the ingest, before anything is marked ingested, when a commit stored other than the lines classified. */
  static void requireStored(String disposition, long classified, String table, long stored) {
    if (stored != classified) {
      throw new IllegalStateException("ingest does not reconcile: " + classified + " lines classified as "
          + disposition + ", but the " + table + " commit stored " + stored + "; nothing was marked ingested"
          + " and the next run redoes these days");
    }
  }

  /** Both caches go together, the duplicates' first (they are computed from the lines); null: not yet made. */
  private static void release(DuplicateLines duplicates, Dataset<Row> lines) {
    if (duplicates != null) {
      duplicates.release().run();
    }
    lines.unpersist();
  }
}
