package org.tianfu.warehouse.metrics;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;
import org.tianfu.warehouse.models.SparkEngine;
import org.tianfu.warehouse.models.SqlModels;
import org.tianfu.warehouse.state.DirtyPeriods;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * The kpis stage: silver → gold.kpi_actuals and gold.kpi_county_month for the months conform marked
 * dirty (and months gold does not have yet).
 * <ol>
 *   <li>gold.kpi_actuals (sparse monthly actuals) for those months only — the one step that scans silver;
 *   <li>gold.kpi_county_month for each of them and the months after it in the same year (YTD carries a
 *       change forward), computed from January on.
 * </ol>
 * The months rewritten are then marked dirty for the scores stage, and only then cleared here.
 */
public final class KpiStage {
  private final SparkSession spark;
  private final GoldTables gold;
  private final DirtyPeriods dirtyPeriods;
  private final SparkEngine engine;

  public KpiStage(SparkSession spark, WarehouseLayout layout, KpiCatalogue catalogue) {
    this.spark = spark;
    this.gold = new GoldTables(spark, layout);
    this.dirtyPeriods = new DirtyPeriods(spark, layout);
    this.engine = new SparkEngine(spark);
    engine.register(catalogue.relation());
  }

  /** Recomputes what is dirty among {@code periods} (the warehouse's months); returns rows written per table. */
  public Map<String, Long> run(List<YearMonth> periods) {
    TreeSet<YearMonth> marked = dirtyPeriods.read(DirtyPeriods.KPIS);
    TreeSet<YearMonth> dirty = gold.toRewrite(marked, GoldTables.KPI_COUNTY_MONTH, periods);
    Map<String, Long> written = new LinkedHashMap<>();
    if (!dirty.isEmpty()) {
      TreeSet<YearMonth> rest = restOfYears(dirty, periods);
      gold.bindSilver(List.of("orders", "users", "postings", "science_base_activity", "popsci_deliveries",
          "counties", "targets"), dirty);
      written.put(GoldTables.KPI_ACTUALS, writeActuals(dirty));
      written.put(GoldTables.KPI_COUNTY_MONTH, writeKpiCountyMonth(rest, periods));
      dirtyPeriods.add(DirtyPeriods.SCORES, rest);
    }
    // Months outside the warehouse's periods never reach gold; they are cleared with the rest.
    dirtyPeriods.remove(DirtyPeriods.KPIS, marked);
    return written;
  }

  private long writeActuals(TreeSet<YearMonth> months) {
    engine.register(Periods.relation(months));
    SqlModels.KPI_FAMILIES.forEach(m -> SqlModels.define(engine, m));
    SqlModels.define(engine, SqlModels.KPI_ACTUALS);
    return gold.replace(spark.table("kpi_actuals"), GoldTables.KPI_ACTUALS, months);
  }

  private long writeKpiCountyMonth(TreeSet<YearMonth> months, List<YearMonth> periods) {
    TreeSet<YearMonth> fromJanuary = new TreeSet<>();
    periods.stream().filter(p -> months.stream().anyMatch(m -> m.getYear() == p.getYear())).forEach(fromJanuary::add);
    engine.register(Periods.relation(fromJanuary));
    gold.read(GoldTables.KPI_ACTUALS, fromJanuary).createOrReplaceTempView("kpi_actuals");
    SqlModels.define(engine, SqlModels.KPI_COUNTY_MONTH);
    return gold.replace(spark.table("kpi_county_month"), GoldTables.KPI_COUNTY_MONTH, months);
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
}
