package org.tianfu.warehouse.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.tianfu.warehouse.contract.SourceSpec;
import org.tianfu.warehouse.landing.DtFolder;
import org.tianfu.warehouse.landing.LandingScanner;
import org.tianfu.warehouse.state.OpsTables;
import org.tianfu.warehouse.store.Concurrently;
import org.tianfu.warehouse.store.Storage;
import org.tianfu.warehouse.store.Storage.FileEntry;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * The ingest stage: every dt folder of every source that {@code ops.ingest_audit} does not list yet
 * goes to bronze, oldest first, in batches of at most {@link #BATCH_DAYS} days (one Spark job per
 * batch keeps a backfill fast, the bound keeps its memory flat). A round takes one batch of every
 * source, side by side (see {@link Concurrently}), then writes their quarantine and audit rows.
 */
public final class LandingToBronze {
  static final int BATCH_DAYS = 31;

  private final SparkSession spark;
  private final WarehouseLayout layout;
  private final BronzeIngest ingest;
  private final QuarantineAndAudit ops;
  private final Consumer<String> log;

  public LandingToBronze(SparkSession spark, WarehouseLayout layout, BronzeIngest ingest, String runId,
      Consumer<String> log) {
    this.spark = spark;
    this.layout = layout;
    this.ingest = ingest;
    this.ops = new QuarantineAndAudit(spark, layout, runId);
    this.log = log;
  }

  /**
   * Ingests what is new under {@code landing} among the export days in {@code days}, every source at
   * once (see {@link Concurrently}); returns the audit rows written by this run, in source order.
   */
  public List<IngestAuditRow> run(Storage landing, List<SourceSpec> sources, DayRange days) {
    LandingScanner scanner = new LandingScanner(landing, w -> log.accept("warning: " + w));
    Map<String, Set<String>> ingestedFiles = ingestedFiles();
    Map<SourceSpec, List<DtFolder>> pending = new LinkedHashMap<>();
    Map<SourceSpec, List<DtFolder>> landingDays = new HashMap<>();
    for (SourceSpec spec : sources) {
      List<DtFolder> folders = new ArrayList<>();
      landingDays.put(spec, scanner.folders(spec.name()));
      for (DtFolder folder : landingDays.get(spec)) {
        if (!days.contains(folder.dt())) {
          continue;
        }
        Set<String> known = ingestedFiles.get(spec.name() + "/" + folder.dt());
        if (known == null) {
          folder.skipped().forEach(w -> log.accept("warning: " + w));
          if (!folder.files().isEmpty()) {
            folders.add(folder);
          }
        } else {
          warnAboutNewFiles(folder, known);
        }
      }
      if (!folders.isEmpty()) {
        pending.put(spec, folders);
      }
    }
    if (pending.isEmpty()) {
      return List.of();
    }
    OpsTables.prepare(spark, layout);
    Map<String, List<IngestAuditRow>> written = new LinkedHashMap<>();
    pending.keySet().forEach(spec -> written.put(spec.name(), new ArrayList<>()));
    int rounds = pending.values().stream().mapToInt(f -> (f.size() + BATCH_DAYS - 1) / BATCH_DAYS).max().orElse(0);
    for (int round = 0; round < rounds; round++) {
      int from = round * BATCH_DAYS;
      Map<SourceSpec, List<DtFolder>> batches = new LinkedHashMap<>();
      pending.forEach((spec, folders) -> {
        if (folders.size() > from) {
          batches.put(spec, folders.subList(from, Math.min(from + BATCH_DAYS, folders.size())));
        }
      });
      ingestRound(batches, landingDays).forEach(b -> written.get(b.source()).addAll(b.audit()));
    }
    return written.values().stream().flatMap(List::stream).toList();
  }

  /**
   * One batch of each source to bronze, side by side, then all their quarantined lines and audit rows
   * in one commit each. Returns the batches in source order.
   */
  private List<LandedBatch> ingestRound(Map<SourceSpec, List<DtFolder>> batches, Map<SourceSpec, List<DtFolder>> landingDays) {
    List<LandedBatch> cached = Collections.synchronizedList(new ArrayList<>());
    try {
      List<LandedBatch> landed = Concurrently.each(List.copyOf(batches.keySet()), spec -> {
        long start = System.nanoTime();
        Optional<LandedBatch> batch = ingest.ingest(spec, batches.get(spec), landingDays.get(spec));
        batch.ifPresent(b -> {
          cached.add(b);
          log.accept(describe(spec.name(), batches.get(spec), b, (System.nanoTime() - start) / 1e9));
        });
        return batch;
      }).stream().flatMap(Optional::stream).toList();
      ops.write(landed);
      return landed;
    } finally {
      cached.forEach(b -> b.release().run());
    }
  }

  /** source/dt → file names already ingested. */
  private Map<String, Set<String>> ingestedFiles() {
    Map<String, Set<String>> out = new HashMap<>();
    if (!layout.exists(WarehouseLayout.INGEST_AUDIT)) {
      return out;
    }
    for (Row r : spark.read().format("delta").load(layout.path(WarehouseLayout.INGEST_AUDIT))
        .select("source", "dt", "file").collectAsList()) {
      out.computeIfAbsent(r.getString(0) + "/" + r.getString(1), k -> new HashSet<>()).add(r.getString(2));
    }
    return out;
  }

  // Files dropped into a day already ingested are not read: a corrected day is re-exported whole.
  private void warnAboutNewFiles(DtFolder folder, Set<String> known) {
    for (FileEntry file : folder.files()) {
      if (!known.contains(file.name())) {
        log.accept("warning: " + folder.source() + "/dt=" + folder.dt() + "/" + file.name()
            + " arrived after that day was ingested and was not read");
      }
    }
  }

  private static String describe(String source, List<DtFolder> batch, LandedBatch landed, double seconds) {
    long read = 0, loaded = 0, duplicates = 0, quarantined = 0;
    for (IngestAuditRow a : landed.audit()) {
      read += a.linesRead();
      loaded += a.loaded();
      duplicates += a.duplicates();
      quarantined += a.quarantined();
    }
    String days = batch.size() == 1 ? batch.get(0).dt()
        : batch.get(0).dt() + ".." + batch.get(batch.size() - 1).dt();
    // Copies of later days that the batch made duplicates or loaded (LaterDayCopies).
    String displaced = landed.displaced() + landed.reloaded() == 0 ? ""
        : String.format("  later days' copies now duplicates %,d, now loaded %,d", landed.displaced(), landed.reloaded());
    return String.format("bronze.%-22s dt %s  read %,d  loaded %,d  duplicates %,d  quarantined %,d%s  (%.1f s)",
        source, days, read, loaded, duplicates, quarantined, displaced, seconds);
  }
}
