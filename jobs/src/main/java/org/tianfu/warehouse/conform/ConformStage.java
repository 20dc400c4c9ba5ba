package org.tianfu.warehouse.conform;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
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
import org.tianfu.warehouse.store.ConformedDays;
import org.tianfu.warehouse.store.DeltaReplace;
import org.tianfu.warehouse.store.DirtyPeriods;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * Bronze → silver for the export days not conformed yet: each source's events get their Shanghai
 * month and go to their silver table; orders and users are recomputed for the keys those events
 * touch and MERGEd; targets are re-read. Every month whose figures may move is marked dirty
 * before silver changes, and the days are marked conformed last.
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

  /** Conforms what is pending; {@code periods} are the warehouse's months, for targets' years. */
  public void run(Path landing, List<SourceSpec> sources, List<YearMonth> periods) {
    ConformedDays conformed = new ConformedDays(spark, layout);
    DirtyPeriods dirty = new DirtyPeriods(spark, layout);
    Map<String, TreeSet<String>> pending = conformed.pending(sources.stream().map(SourceSpec::name).toList());
    for (SourceSpec spec : sources) {
      TreeSet<String> dts = pending.getOrDefault(spec.name(), new TreeSet<>());
      // A source with nothing yet still gets its (empty) silver tables, so gold can read them.
      if (dts.isEmpty() && layout.exists("silver." + spec.silverTable())) {
        continue;
      }
      long start = System.nanoTime();
      Dataset<Row> events = conformEvents(spec, dts);
      Set<YearMonth> touched = switch (spec.name()) {
        case "orders" -> mergeStates(CurrentStateMerge.ORDERS, events, dirty);
        case "registrations" -> mergeStates(CurrentStateMerge.USERS, events, dirty);
        default -> {
          Set<YearMonth> months = periodsOf(events);
          dirty.add(months);
          yield months;
        }
      };
      log.accept(String.format("silver.%-21s dt %s  months touched %s  (%.1f s)", spec.silverTable(),
          dts.isEmpty() ? "none yet" : dts.first() + ".." + dts.last(), touched, (System.nanoTime() - start) / 1e9));
    }
    targets.run(landing, periods, dirty);
    CountiesConform.run(spark, layout, counties);
    conformed.mark(pending, runId);
  }

  /** Writes the days' bronze rows, with their month, to the source's silver event table. */
  private Dataset<Row> conformEvents(SourceSpec spec, TreeSet<String> dts) {
    String dtFilter = DeltaReplace.in("dt", dts);
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
    String table = layout.path("silver." + spec.silverTable());
    DeltaReplace.replace(events, table, dtFilter);
    return spark.read().format("delta").load(table).where(dtFilter);
  }

  private Set<YearMonth> mergeStates(CurrentStateMerge state, Dataset<Row> events, DirtyPeriods dirty) {
    Dataset<Row> states = state.recompute(spark, layout, events).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Set<YearMonth> touched = state.touchedPeriods(spark, layout, states);
      dirty.add(touched);
      state.merge(spark, layout, states);
      return touched;
    } finally {
      states.unpersist();
    }
  }

  private static Set<YearMonth> periodsOf(Dataset<Row> events) {
    Set<YearMonth> out = new TreeSet<>();
    for (Row r : events.select("period").distinct().collectAsList()) {
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
