package org.tianfu.warehouse.conform;

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
import org.tianfu.warehouse.store.Concurrently;
import org.tianfu.warehouse.store.ConformedDays;
import org.tianfu.warehouse.store.DeltaReplace;
import org.tianfu.warehouse.store.DirtyPeriods;
import org.tianfu.warehouse.store.Storage;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * Bronze → silver for the export days not conformed yet: orders and registrations get their month
 * and go to their silver event tables, and orders and users are recomputed for the keys those events
 * touch and MERGEd; targets are re-read. The other sources' events were written at ingest
 * ({@link AppendOnlyEvents}), before the audit row that makes their days pending here, so their days
 * are only marked. Every month whose figures may move is marked dirty before silver changes, and the
 * days are marked conformed last.
 */
public final class ConformStage {
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
    AppendOnlyEvents appendOnly = new AppendOnlyEvents(spark, layout, dirty);
    sources.stream().filter(spec -> appendOnly.table(spec).isPresent()).forEach(appendOnly::ensureExists);
    // A source with nothing yet still gets its (empty) silver tables, so gold can read them.
    List<SourceSpec> todo = sources.stream().filter(spec -> CurrentStateMerge.of(spec).isPresent()
        && (pending.containsKey(spec.name()) || !layout.exists("silver." + spec.silverTable()))).toList();
    Map<String, Long> written = new LinkedHashMap<>();
    Concurrently.each(todo, spec -> conformSource(spec, CurrentStateMerge.of(spec).orElseThrow(),
            pending.getOrDefault(spec.name(), new TreeSet<>()), dirty))
        .forEach(written::putAll);
    targets.run(landing, periods, dirty);
    CountiesConform.run(spark, layout, counties);
    conformed.mark(pending, runId);
    return written;
  }

  /**
   * Writes the days' bronze rows, with their month, to the source's silver event table, replacing
   * what those days held before (a rerun of a re-exported day), and recomputes the state of the keys
   * those rows touch. The months of the keys of both the old and the new slice are touched: marked
   * dirty before silver changes. Returns the rows written per silver table.
   */
  private Map<String, Long> conformSource(SourceSpec spec, CurrentStateMerge state, TreeSet<String> dts,
      DirtyPeriods dirty) {
    long start = System.nanoTime();
    EventTable table = new EventTable(spark, layout, spec);
    Dataset<Row> previous = table.slice(dts);
    String bronzeTable = WarehouseLayout.bronze(spec.name());
    Dataset<Row> bronze = layout.exists(bronzeTable)
        ? spark.read().format("delta").load(layout.path(bronzeTable)).where(DeltaReplace.in("dt", dts))
        : spark.createDataFrame(List.of(), BronzeSchema.table(spec));
    Dataset<Row> events = table.events(bronze);
    Map<String, Long> written = new LinkedHashMap<>();
    // The old slice's keys are collected before silver changes: they may vanish from it.
    List<Row> previousKeys = previous == null ? List.of() : previous.select(state.key()).distinct().collectAsList();
    Dataset<Row> keys = spark.createDataFrame(previousKeys, events.select(state.key()).schema())
        .union(events.select(state.key())).distinct();
    written.put(table.name(), table.replace(events, dts));
    Dataset<Row> touchedKeys = keys.persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> states = state.recompute(spark, layout, touchedKeys).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Set<YearMonth> touched = state.touchedPeriods(spark, layout, touchedKeys, states);
      dirty.add(DirtyPeriods.KPIS, touched);
      state.merge(spark, layout, touchedKeys, states);
      written.put(state.stateTable(), states.count());
      log.accept(String.format("silver.%-21s dt %s  months touched %s  (%.1f s)", spec.silverTable(),
          dts.isEmpty() ? "none yet" : dts.first() + ".." + dts.last(), touched, (System.nanoTime() - start) / 1e9));
      return written;
    } finally {
      states.unpersist();
      touchedKeys.unpersist();
    }
  }

  static List<YearMonth> monthsOfYears(Set<Integer> years, List<YearMonth> periods) {
    List<YearMonth> out = new ArrayList<>();
    periods.stream().filter(p -> years.contains(p.getYear())).forEach(out::add);
    return out;
  }
}
