package org.tianfu.warehouse.metrics;

import static org.apache.spark.sql.functions.col;

import java.time.YearMonth;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.tianfu.warehouse.store.DeltaReplace;
import org.tianfu.warehouse.store.DirtyPeriods;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * Silver → gold for the dirty months, in three steps of the shared SQL models:
 * <ol>
 *   <li>gold.kpi_actuals (sparse monthly actuals) for the dirty months only — the one step that
 *       scans silver;
 *   <li>gold.kpi_county_month for each dirty month and the months after it in the same year (YTD
 *       carries a change forward), computed from January on;
 *   <li>gold.county_scores for those months, and the January after a rewritten December (its
 *       score_change looks back one month).
 * </ol>
 * Months leave ops.dirty_periods only after all three are written.
 */
public final class GoldStage {
  static final String KPI_ACTUALS = "gold.kpi_actuals";
  static final String KPI_COUNTY_MONTH = "gold.kpi_county_month";
  static final String COUNTY_SCORES = "gold.county_scores";

  private final SparkSession spark;
  private final WarehouseLayout layout;
  private final SparkEngine engine;
  private final Consumer<String> log;

  public GoldStage(SparkSession spark, WarehouseLayout layout, KpiCatalogue catalogue,
      Methodology methodology, Consumer<String> log) {
    this.spark = spark;
    this.layout = layout;
    this.engine = new SparkEngine(spark);
    this.log = log;
    engine.register(catalogue.relation());
    methodology.relations().forEach(engine::register);
  }

  /** Recomputes the dirty months among {@code periods} (the warehouse's months) and clears them. */
  public void run(List<YearMonth> periods) {
    DirtyPeriods dirtyPeriods = new DirtyPeriods(spark, layout);
    TreeSet<YearMonth> marked = dirtyPeriods.read();
    TreeSet<YearMonth> dirty = new TreeSet<>(periods);
    dirty.removeAll(scoredPeriods());     // months gold does not have yet are dirty too
    dirty.addAll(marked);
    dirty.retainAll(periods);
    if (!dirty.isEmpty()) {
      long start = System.nanoTime();
      TreeSet<YearMonth> rest = restOfYears(dirty, periods);
      TreeSet<YearMonth> scored = withFollowingJanuary(rest, periods);
      bindSilver();
      writeActuals(dirty);
      writeKpiCountyMonth(rest, periods);
      writeCountyScores(scored, periods);
      log.accept(String.format("gold   actuals %s..%s, completion %s..%s, scores %s..%s  (%.1f s)",
          dirty.first(), dirty.last(), rest.first(), rest.last(), scored.first(), scored.last(),
          (System.nanoTime() - start) / 1e9));
    }
    // Months outside the warehouse's periods never reach gold; they are cleared with the rest.
    dirtyPeriods.remove(marked);
  }

  private TreeSet<YearMonth> scoredPeriods() {
    TreeSet<YearMonth> out = new TreeSet<>();
    if (layout.exists(COUNTY_SCORES)) {
      for (Row r : spark.read().format("delta").load(layout.path(COUNTY_SCORES)).select("period").distinct().collectAsList()) {
        out.add(YearMonth.parse(r.getString(0)));
      }
    }
    return out;
  }

  private void writeActuals(TreeSet<YearMonth> months) {
    engine.register(Periods.relation(months));
    SqlModels.KPI_FAMILIES.forEach(m -> SqlModels.define(engine, m));
    SqlModels.define(engine, SqlModels.KPI_ACTUALS);
    replace(spark.table("kpi_actuals"), KPI_ACTUALS, months);
  }

  private void writeKpiCountyMonth(TreeSet<YearMonth> months, List<YearMonth> periods) {
    TreeSet<YearMonth> fromJanuary = new TreeSet<>();
    periods.stream().filter(p -> months.stream().anyMatch(m -> m.getYear() == p.getYear())).forEach(fromJanuary::add);
    engine.register(Periods.relation(fromJanuary));
    read(KPI_ACTUALS, fromJanuary).createOrReplaceTempView("kpi_actuals");
    SqlModels.define(engine, SqlModels.KPI_COUNTY_MONTH);
    replace(spark.table("kpi_county_month"), KPI_COUNTY_MONTH, months);
  }

  private void writeCountyScores(TreeSet<YearMonth> months, List<YearMonth> periods) {
    TreeSet<YearMonth> withPrevious = new TreeSet<>(months);
    months.forEach(m -> {
      if (periods.contains(m.minusMonths(1))) {
        withPrevious.add(m.minusMonths(1));
      }
    });
    engine.register(Periods.relation(withPrevious));
    read(KPI_COUNTY_MONTH, withPrevious).createOrReplaceTempView("kpi_county_month");
    SqlModels.define(engine, SqlModels.COUNTY_SCORES);
    replace(spark.table("county_scores"), COUNTY_SCORES, months);
  }

  private void bindSilver() {
    for (String table : List.of("orders", "users", "postings", "science_base_activity",
        "popsci_deliveries", "counties", "targets")) {
      if (!layout.exists("silver." + table)) {
        throw new IllegalStateException("silver." + table + " is missing: conform must run before gold");
      }
      spark.read().format("delta").load(layout.path("silver." + table)).createOrReplaceTempView(table);
    }
  }

  private Dataset<Row> read(String table, TreeSet<YearMonth> months) {
    return spark.read().format("delta").load(layout.path(table))
        .where(DeltaReplace.in("period", months.stream().map(YearMonth::toString).toList()));
  }

  private void replace(Dataset<Row> rows, String table, TreeSet<YearMonth> months) {
    List<String> periods = months.stream().map(YearMonth::toString).toList();
    DeltaReplace.replace(rows.where(col("period").isin(periods.toArray())), layout.path(table),
        DeltaReplace.in("period", periods));
  }

  /** Each dirty month and every later month of its year that the warehouse has. */
  static TreeSet<YearMonth> restOfYears(TreeSet<YearMonth> dirty, List<YearMonth> periods) {
    TreeSet<YearMonth> out = new TreeSet<>();
    for (YearMonth p : periods) {
      YearMonth firstDirtyThatYear = dirty.stream().filter(d -> d.getYear() == p.getYear()).findFirst().orElse(null);
      if (firstDirtyThatYear != null && !p.isBefore(firstDirtyThatYear)) {
        out.add(p);
      }
    }
    return out;
  }

  static TreeSet<YearMonth> withFollowingJanuary(TreeSet<YearMonth> months, List<YearMonth> periods) {
    TreeSet<YearMonth> out = new TreeSet<>(months);
    for (YearMonth m : months) {
      if (m.getMonthValue() == 12 && periods.contains(m.plusMonths(1))) {
        out.add(m.plusMonths(1));
      }
    }
    return out;
  }
}
