package org.tianfu.warehouse.orchestrate;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.tianfu.warehouse.conform.ConformStage;
import org.tianfu.warehouse.conform.TargetsConform;
import org.tianfu.warehouse.conform.TargetsReader;
import org.tianfu.warehouse.contract.CountyReference;
import org.tianfu.warehouse.contract.SourceSpec;
import org.tianfu.warehouse.ingest.BronzeIngest;
import org.tianfu.warehouse.ingest.DayRange;
import org.tianfu.warehouse.ingest.IngestAuditRow;
import org.tianfu.warehouse.ingest.LandingToBronze;
import org.tianfu.warehouse.landing.PiiMasking;
import org.tianfu.warehouse.metrics.KpiCatalogue;
import org.tianfu.warehouse.metrics.KpiStage;
import org.tianfu.warehouse.metrics.Methodology;
import org.tianfu.warehouse.metrics.Periods;
import org.tianfu.warehouse.metrics.ScoreStage;
import org.tianfu.warehouse.report.MonthlyReports;
import org.tianfu.warehouse.state.ConformedDays;
import org.tianfu.warehouse.state.ExportDays;
import org.tianfu.warehouse.store.DeltaReplace;
import org.tianfu.warehouse.store.Storage;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * The local runner of the task graph, in one SparkSession: holds the warehouse lock, records the
 * run in ops.runs, and runs the graph's tasks in order — once over every pending export day, or
 * day by day for a backfill ({@code from}..{@code to}), printing a line per day and task.
 * Schemas, the county reference and the methodology are loaded and checked before anything is read.
 */
public final class Runner {
  /** The layers a full rebuild clears. */
  private static final List<String> LAYERS = List.of("bronze", "silver", "gold", "ops");

  private final SparkSession spark;
  private final WarehouseLayout layout;
  private final byte[] piiKey;
  private final Consumer<String> log;
  private final List<SourceSpec> sources = SourceSpec.loadAll();
  private final CountyReference counties = CountyReference.load();
  private final KpiCatalogue catalogue = KpiCatalogue.load();
  private final Methodology methodology = Methodology.load(catalogue);
  private final TaskGraph graph = TaskGraph.nightly(sources);
  /** The warehouse's months, read once after each ingest: only ingest changes them (see {@link #periods()}). */
  private List<YearMonth> periods;

  /** {@code warehouse}: a local directory or a URI on a Hadoop filesystem (see {@link Storage}). */
  public Runner(SparkSession spark, String warehouse, byte[] piiKey, Consumer<String> log) {
    this.spark = spark;
    this.layout = new WarehouseLayout(storage(warehouse));
    this.piiKey = piiKey;
    this.log = log;
  }

  public TaskGraph graph() {
    return graph;
  }

  /** Runs the request; returns the rows written per table. */
  public Map<String, Long> run(RunRequest request) {
    List<Task> tasks = request.only() == null ? graph.tasks() : List.of(graph.task(request.only()));
    String runId = newRunId();
    periods = null;
    Path local = layout.storage().localRoot();
    if (local == null) {
      log.accept("no run lock on " + layout.root() + ": an object store has no file lock; one run at a time is"
          + " the scheduler's job (Airflow: max_active_runs=1)");
    }
    try (RunLock lock = local == null ? RunLock.none() : RunLock.acquire(local, runId, request.command())) {
      if (request.full()) {
        clear();
      }
      RunLog runs = new RunLog(spark, layout);
      runs.started(runId, request.command(), request.from(), request.to());
      Storage landing = storage(request.landing());
      log.accept("run " + runId + ": " + landing.root() + " → " + layout.root()
          + (request.full() ? " (full rebuild)" : ""));
      Map<String, Long> written = new LinkedHashMap<>();
      try {
        if (request.rerun() != null) {
          forget(request.rerun());
        }
        List<DayRange> nights = days(request);
        for (int i = 0; i < nights.size(); i++) {
          DayRange days = nights.get(i);
          for (Task task : tasks) {
            if (task.id().equals(TaskGraph.REPORTS) && i + 1 < nights.size() && sameMonth(days, nights.get(i + 1))) {
              continue;   // a backfill reports each month once, on its last day in the range
            }
            long start = System.nanoTime();
            Map<String, Long> rows = execute(task, days, request, landing, runId);
            rows.forEach((table, n) -> written.merge(table, n, Long::sum));
            log.accept(String.format("%-22s %-28s rows %,9d  %6.1f s", days, task.id(),
                rows.values().stream().mapToLong(Long::longValue).sum(), (System.nanoTime() - start) / 1e9));
          }
        }
        runs.ended(runId, written, null);
        return written;
      } catch (Exception e) {   // and Spark's checked ones, thrown unannounced from Scala
        runs.ended(runId, written, e);
        throw e;
      }
    }
  }

  private static boolean sameMonth(DayRange a, DayRange b) {
    return YearMonth.from(a.last()).equals(YearMonth.from(b.last()));
  }

  /** The days to run one by one: each day of a backfill, a rerun's day, or all pending days at once. */
  private static List<DayRange> days(RunRequest request) {
    if (request.from() == null && request.to() == null) {
      return List.of(request.rerun() == null ? DayRange.ALL : DayRange.of(request.rerun()));
    }
    if (request.from() == null || request.to() == null || request.from().isAfter(request.to())) {
      throw new IllegalArgumentException("--from and --to go together, --from not after --to");
    }
    List<DayRange> out = new ArrayList<>();
    for (LocalDate d = request.from(); !d.isAfter(request.to()); d = d.plusDays(1)) {
      out.add(DayRange.of(d));
    }
    return out;
  }

  private Map<String, Long> execute(Task task, DayRange days, RunRequest request, Storage landing, String runId) {
    Map<String, Long> rows = new LinkedHashMap<>();
    switch (task.id()) {
      case TaskGraph.CONFORM -> {
        TargetsReader targetsReader = new TargetsReader(counties, catalogue.kpis().keySet(), w -> log.accept("warning: " + w));
        rows.putAll(new ConformStage(spark, layout, new TargetsConform(spark, layout, targetsReader, runId), counties, runId, log)
            .run(landing, sources, periods()));
      }
      case TaskGraph.KPIS -> rows.putAll(new KpiStage(spark, layout, catalogue).run(periods()));
      case TaskGraph.SCORES -> rows.putAll(new ScoreStage(spark, layout, methodology).run(periods()));
      case TaskGraph.REPORTS -> rows.putAll(reports(request.reports(), runId));
      case TaskGraph.PUBLISH -> rows.put(Publication.TABLE, new Publication(spark, layout).run(runId));
      case TaskGraph.INGEST -> {
        BronzeIngest ingest = new BronzeIngest(spark, layout, counties, new PiiMasking(piiKey), runId);
        for (IngestAuditRow a : new LandingToBronze(spark, layout, ingest, runId, log).run(landing, sources, days)) {
          rows.merge(WarehouseLayout.bronze(a.source()), a.loaded(), Long::sum);
          rows.merge(WarehouseLayout.QUARANTINE, a.quarantined(), Long::sum);
          rows.merge(WarehouseLayout.INGEST_AUDIT, 1L, Long::sum);
        }
        periods = null;
      }
      default -> throw new IllegalStateException("no runner for task " + task.id());
    }
    return rows;
  }

  /**
   * The reports of the month of the latest export day, the month county offices are following; an
   * earlier month restated by late data is re-reported with {@code warehouse report --period}.
   */
  private Map<String, Long> reports(ReportTarget target, String runId) {
    List<YearMonth> months = periods();
    if (target == null || months.isEmpty()) {
      log.accept("reports: " + (target == null ? "no --reports folder given" : "no export day ingested yet")
          + ", none written");
      return Map.of();
    }
    YearMonth period = months.get(months.size() - 1);
    Path written = new ReportsFolder(target.dir()).replace(period, runId, out -> new MonthlyReports(catalogue, methodology)
        .write(spark, layout, period, counties.all(), out, target.printer(), log));
    log.accept("reports: " + written.resolve("index.html"));
    return Map.of("reports." + period, (long) counties.size() + 1);
  }

  /**
   * A rerun of an export day: forget that it was conformed, then that it was ingested, so the
   * stages redo it from the folders as they are now. In this order a run killed in between
   * leaves the day pending, never half-forgotten.
   */
  private void forget(LocalDate day) {
    String dt = "dt = '" + day + "'";
    if (layout.exists(ConformedDays.TABLE)) {
      spark.sql("DELETE FROM delta.`" + layout.path(ConformedDays.TABLE) + "` WHERE " + dt);
    }
    if (layout.exists(WarehouseLayout.INGEST_AUDIT)) {
      spark.sql("DELETE FROM delta.`" + layout.path(WarehouseLayout.INGEST_AUDIT) + "` WHERE " + dt
          + " AND " + DeltaReplace.in("source", sources.stream().map(SourceSpec::name).toList()));
    }
  }

  /**
   * The months the warehouse reports: January of the first export year through the month of the
   * latest export day, so that every YTD figure in gold has its months beside it.
   */
  private List<YearMonth> periods() {
    if (periods == null) {
      ExportDays days = ExportDays.read(spark, layout);
      periods = days == null ? List.of()
          : Periods.between(YearMonth.of(days.first().getYear(), 1), YearMonth.from(days.latest()));
    }
    return periods;
  }

  private void clear() {
    LAYERS.forEach(layer -> layout.storage().deleteTree(layer));
  }

  private Storage storage(String location) {
    return Storage.at(location, spark.sparkContext()::hadoopConfiguration);
  }

  static String newRunId() {
    return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now())
        + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
