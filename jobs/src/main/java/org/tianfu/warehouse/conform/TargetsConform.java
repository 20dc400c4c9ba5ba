package org.tianfu.warehouse.conform;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tianfu.warehouse.state.DirtyPeriods;
import org.tianfu.warehouse.state.OpsTables;
import org.tianfu.warehouse.store.DeltaReplace;
import org.tianfu.warehouse.store.Storage;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * landing/targets → silver.targets, the effective target per (year, county, KPI); rejected rows to
 * ops.quarantine and one audit row per file, with source {@code targets} and dt {@code year=YYYY}.
 * Targets are small and re-read every run; tables are rewritten only when something changed, and a
 * changed year marks all its months dirty (completion rates and scores of the whole year move).
 */
public final class TargetsConform {
  static final String TABLE = "silver.targets";
  private static final StructType SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("year", DataTypes.IntegerType, false),
      DataTypes.createStructField("county_code", DataTypes.StringType, false),
      DataTypes.createStructField("kpi_code", DataTypes.StringType, false),
      DataTypes.createStructField("target", DataTypes.createDecimalType(24, 6), false),
      DataTypes.createStructField("file", DataTypes.StringType, false),
      DataTypes.createStructField("line_number", DataTypes.IntegerType, false)));

  private final SparkSession spark;
  private final WarehouseLayout layout;
  private final TargetsReader reader;
  private final String runId;

  public TargetsConform(SparkSession spark, WarehouseLayout layout, TargetsReader reader, String runId) {
    this.spark = spark;
    this.layout = layout;
    this.reader = reader;
    this.runId = runId;
  }

  void run(Storage landing, List<YearMonth> periods, DirtyPeriods dirty) {
    List<TargetsFile> files = reader.readAll(landing);
    Map<String, TargetRow> effective = TargetsReader.effective(files);
    Map<String, TargetRow> storedRows = storedTargets();
    // Each target's file and line count too (an analyst follows a target back to its row), and so do
    // the rejected rows: one edited but still rejected leaves the audit's counts as they were.
    boolean rowsChanged = !effective.equals(storedRows) || !layout.exists(TABLE);
    if (!rowsChanged
        && auditOf(files).equals(stored(WarehouseLayout.INGEST_AUDIT, "dt", "file", "lines_read", "loaded", "quarantined"))
        && rejectedOf(files).equals(stored(WarehouseLayout.QUARANTINE, "dt", "file", "line_number", "reason", "raw"))) {
      return;
    }
    writeQuarantineAndAudit(files);
    if (!rowsChanged) {
      return;
    }
    Set<Integer> years = new HashSet<>();
    for (String key : union(storedRows.keySet(), effective.keySet())) {
      if (!Objects.equals(target(storedRows.get(key)), target(effective.get(key)))) {
        years.add(Integer.parseInt(key.substring(0, 4)));
      }
    }
    dirty.add(DirtyPeriods.KPIS, ConformStage.monthsOfYears(years, periods));

    List<Row> rows = new ArrayList<>();
    for (TargetRow r : effective.values()) {
      rows.add(RowFactory.create(r.year(), r.countyCode(), r.kpiCode(), r.target(), r.file(), (int) r.line()));
    }
    spark.createDataFrame(rows, SCHEMA).write().format("delta").mode("overwrite").save(layout.path(TABLE));
  }

  /** What the audit says of each file, without run id and time: the part that changes with the files. */
  private static Set<List<Object>> auditOf(List<TargetsFile> files) {
    Set<List<Object>> out = new HashSet<>();
    for (TargetsFile f : files) {
      out.add(List.of(f.folder(), f.file(), f.linesRead(), (long) f.accepted().size(), (long) f.rejected().size()));
    }
    return out;
  }

  /** The rejected rows as the quarantine holds them, without run id. */
  private static Set<List<Object>> rejectedOf(List<TargetsFile> files) {
    Set<List<Object>> out = new HashSet<>();
    for (TargetsFile f : files) {
      for (RejectedLine r : f.rejected()) {
        out.add(List.of(r.dt(), r.file(), (int) r.lineNumber(), r.reason(), r.raw()));
      }
    }
    return out;
  }

  /** The targets' rows of an ops table, each as the values of {@code columns}. */
  private Set<List<Object>> stored(String table, String... columns) {
    Set<List<Object>> out = new HashSet<>();
    if (layout.exists(table)) {
      for (Row r : spark.read().format("delta").load(layout.path(table))
          .where("source = '" + TargetsReader.SOURCE + "'").selectExpr(columns).collectAsList()) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
          values.add(r.get(i));
        }
        out.add(values);
      }
    }
    return out;
  }

  private void writeQuarantineAndAudit(List<TargetsFile> files) {
    List<Row> rejected = new ArrayList<>();
    List<Row> audit = new ArrayList<>();
    Timestamp now = Timestamp.from(Instant.now());
    for (TargetsFile f : files) {
      for (RejectedLine r : f.rejected()) {
        rejected.add(RowFactory.create(r.source(), r.dt(), r.file(), (int) r.lineNumber(),
            r.reason(), r.raw(), runId));
      }
      audit.add(RowFactory.create(TargetsReader.SOURCE, f.folder(), f.file(), f.linesRead(),
          (long) f.accepted().size(), 0L, (long) f.rejected().size(), runId, now));
    }
    String mine = "source = '" + TargetsReader.SOURCE + "'";
    OpsTables.prepare(spark, layout);
    DeltaReplace.replace(spark.createDataFrame(rejected, OpsTables.QUARANTINE),
        layout.path(WarehouseLayout.QUARANTINE), mine, OpsTables.PARTITION);
    DeltaReplace.replace(spark.createDataFrame(audit, OpsTables.INGEST_AUDIT),
        layout.path(WarehouseLayout.INGEST_AUDIT), mine, OpsTables.PARTITION);
  }

  /** silver.targets as stored, keyed as {@link TargetsReader#effective} keys them. */
  private Map<String, TargetRow> storedTargets() {
    Map<String, TargetRow> out = new HashMap<>();
    if (layout.exists(TABLE)) {
      for (Row r : spark.read().format("delta").load(layout.path(TABLE)).collectAsList()) {
        out.put(r.getInt(0) + "/" + r.getString(1) + "/" + r.getString(2),
            new TargetRow(r.getInt(0), r.getString(1), r.getString(2), r.getDecimal(3), r.getString(4), r.getInt(5)));
      }
    }
    return out;
  }

  private static BigDecimal target(TargetRow row) {
    return row == null ? null : row.target();
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new HashSet<>(a);
    out.addAll(b);
    return out;
  }
}
