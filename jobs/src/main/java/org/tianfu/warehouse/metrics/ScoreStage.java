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
 * The scores stage: gold.kpi_county_month → gold.county_scores for the months the kpis stage
 * rewrote (and months not scored yet), plus the January after a rescored December, whose
 * score_change and rank_change look back one month.
 */
public final class ScoreStage {
  private final SparkSession spark;
  private final GoldTables gold;
  private final DirtyPeriods dirtyPeriods;
  private final SparkEngine engine;

  public ScoreStage(SparkSession spark, WarehouseLayout layout, Methodology methodology) {
    this.spark = spark;
    this.gold = new GoldTables(spark, layout);
    this.dirtyPeriods = new DirtyPeriods(spark, layout);
    this.engine = new SparkEngine(spark);
    methodology.relations().forEach(engine::register);
  }

  public Map<String, Long> run(List<YearMonth> periods) {
    TreeSet<YearMonth> marked = dirtyPeriods.read(DirtyPeriods.SCORES);
    TreeSet<YearMonth> dirty = gold.toRewrite(marked, GoldTables.COUNTY_SCORES, periods);
    Map<String, Long> written = new LinkedHashMap<>();
    if (!dirty.isEmpty()) {
      TreeSet<YearMonth> months = withFollowingJanuary(dirty, periods);
      TreeSet<YearMonth> withPrevious = new TreeSet<>(months);
      months.stream().map(m -> m.minusMonths(1)).filter(periods::contains).forEach(withPrevious::add);
      gold.bindSilver(List.of("counties"), withPrevious);
      engine.register(Periods.relation(withPrevious));
      gold.read(GoldTables.KPI_COUNTY_MONTH, withPrevious).createOrReplaceTempView("kpi_county_month");
      SqlModels.define(engine, SqlModels.COUNTY_SCORES);
      written.put(GoldTables.COUNTY_SCORES, gold.replace(spark.table("county_scores"), GoldTables.COUNTY_SCORES, months));
    }
    dirtyPeriods.remove(DirtyPeriods.SCORES, marked);
    return written;
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
