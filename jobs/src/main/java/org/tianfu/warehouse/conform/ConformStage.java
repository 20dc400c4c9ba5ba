package org.tianfu.warehouse.conform;

import static org.apache.spark.sql.functions.col;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.tianfu.warehouse.contract.CountyReference;
import org.tianfu.warehouse.contract.SourceSpec;
import org.tianfu.warehouse.ingest.BronzeSchema;
import org.tianfu.warehouse.state.ConformedDays;
import org.tianfu.warehouse.state.DirtyPeriods;
import org.tianfu.warehouse.store.Concurrently;
import org.tianfu.warehouse.store.DayFiles;
import org.tianfu.warehouse.store.DeltaReplace;
import org.tianfu.warehouse.store.StatsColumns;
import org.tianfu.warehouse.store.Storage;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * Bronze → silver for the export days not conformed yet: each source's events get their Shanghai
 * month and go to their silver table; orders and users are recomputed for the keys those events
 * touch and MERGEd; targets are re-read. Every month whose figures may move is marked dirty
 * before silver changes, and the days are marked conformed last.
 */
public final class ConformStage {
  /** Silver events are replaced and read by export day, and gold reads them by month. */
  private static final StatsColumns EVENT_STATS = StatsColumns.of("dt", "period");

  private final SparkSession spark;
  private final WarehouseLayout layout;
  private final TargetsConform targets;
  private final CountyReference counties;
  private final String runId;
  private final Consumer<String> log;

  public ConformStage(SparkSession spark, WarehouseLayout layout, TargetsConform targets,
      CountyReference counties, String runId, Consumer<String> log) {
    this.spark = spark;
    this.layout = layout;
    this.targets = targets;
    this.counties = counties;
    this.runId = runId;
    this.log = log;
  }

  /**
   * Conforms what is pending; {@code periods} are the warehouse's months, for targets' years.
   * Returns the rows written per silver table.
   */
  public Map<String, Long> run(Storage landing, List<SourceSpec> sources, List<YearMonth> periods) {
    ConformedDays conformed = new ConformedDays(spark, layout);
    DirtyPeriods dirty = new DirtyPeriods(spark, layout);
    Map<String, TreeSet<String>> pending = conformed.pending(sources.stream().map(SourceSpec::name).toList());
    // A source with nothing yet still gets its (empty) silver tables, so gold can read them.
    List<SourceSpec> todo = sources.stream().filter(spec -> pending.containsKey(spec.name())
        || !layout.exists("silver." + spec.silverTable())).toList();
    Map<String, Long> written = new LinkedHashMap<>();
    Concurrently.each(todo, spec -> conformSource(spec, pending.getOrDefault(spec.name(), new TreeSet<>()), dirty))
        .forEach(written::putAll);
    targets.run(landing, periods, dirty);
    CountiesConform.run(spark, layout, counties);
    conformed.mark(pending, runId);
    return written;
  }

  /**
   * Writes the days' bronze rows, with their month, to the source's silver event table, replacing
   * what those days held before (a rerun of a re-exported day); orders and users are recomputed for
   * the keys those rows touch. The months or keys of both the old and the new slice are touched:
   * marked dirty before silver changes. Returns the rows written per silver table.
   */
  private Map<String, Long> conformSource(SourceSpec spec, TreeSet<String> dts, DirtyPeriods dirty) {
    long start = System.nanoTime();
    CurrentStateMerge state = switch (spec.name()) {
      case "orders" -> CurrentStateMerge.ORDERS;
      case "registrations" -> CurrentStateMerge.USERS;
      default -> null;
    };
    Map<String, Long> written = new LinkedHashMap<>();
    Set<YearMonth> touched = conformEvents(spec, dts, state, dirty, written);
    log.accept(String.format("silver.%-21s dt %s  months touched %s  (%.1f s)", spec.silverTable(),
        dts.isEmpty() ? "none yet" : dts.first() + ".." + dts.last(), touched, (System.nanoTime() - start) / 1e9));
    return written;
  }

  private Set<YearMonth> conformEvents(SourceSpec spec, TreeSet<String> dts, CurrentStateMerge state,
      DirtyPeriods dirty, Map<String, Long> written) {
    String dtFilter = DeltaReplace.in("dt", dts);
    String silverTable = "silver." + spec.silverTable();
    String table = layout.path(silverTable);
    Dataset<Row> previous = layout.exists(silverTable) ? spark.read().format("delta").load(table).where(dtFilter) : null;

    String bronzeTable = WarehouseLayout.bronze(spec.name());
    Dataset<Row> bronze = layout.exists(bronzeTable)
        ? spark.read().format("delta").load(layout.path(bronzeTable)).where(dtFilter)
        : spark.createDataFrame(List.of(), BronzeSchema.table(spec));
    String timeColumn = switch (spec.field(spec.periodField()).type()) {
      case TIMESTAMP -> spec.periodField() + "_ts";
      case DATE -> spec.periodField();
      default -> throw new IllegalStateException(spec.name() + ": period_field must be a timestamp or a date");
    };
    Dataset<Row> events = bronze.drop("extra", "run_id").withColumn("period", ShanghaiMonth.of(spark, col(timeColumn)));
    if (state == null) {
      Set<YearMonth> months = periodsOf(previous == null ? events : previous.select("period").union(events.select("period")));
      dirty.add(DirtyPeriods.KPIS, months);
      written.put(silverTable, replaceDays(events, dts, table, dtFilter));
      return months;
    }
    // The old slice's keys are collected before silver changes: they may vanish from it.
    List<Row> previousKeys = previous == null ? List.of() : previous.select(state.key()).distinct().collectAsList();
    Dataset<Row> keys = spark.createDataFrame(previousKeys, events.select(state.key()).schema())
        .union(events.select(state.key())).distinct();
    written.put(silverTable, replaceDays(events, dts, table, dtFilter));
    Dataset<Row> touchedKeys = keys.persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> states = state.recompute(spark, layout, touchedKeys).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Set<YearMonth> touched = state.touchedPeriods(spark, layout, touchedKeys, states);
      dirty.add(DirtyPeriods.KPIS, touched);
      state.merge(spark, layout, touchedKeys, states);
      written.put(state.stateTable(), states.count());
      return touched;
    } finally {
      states.unpersist();
      touchedKeys.unpersist();
    }
  }

  /** Replaces the days' events, laid out by {@link DayFiles}; returns the rows stored. */
  private static long replaceDays(Dataset<Row> events, TreeSet<String> dts, String table, String dtFilter) {
    return DeltaReplace.replace(DayFiles.arrange(events, dts.size()), table, dtFilter, EVENT_STATS);
  }

  private static Set<YearMonth> periodsOf(Dataset<Row> rows) {
    Set<YearMonth> out = new TreeSet<>();
    for (Row r : rows.select("period").where(col("period").isNotNull()).distinct().collectAsList()) {
      out.add(YearMonth.parse(r.getString(0)));
    }
    return out;
  }

  static List<YearMonth> monthsOfYears(Set<Integer> years, List<YearMonth> periods) {
    List<YearMonth> out = new ArrayList<>();
    periods.stream().filter(p -> years.contains(p.getYear())).forEach(out::add);
    return out;
  }
}
