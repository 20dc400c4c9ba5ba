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
import org.tianfu.warehouse.store.Concurrently;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * The scores stage: gold.kpi_county_month → gold.county_scores and what says how far a score can be
 * trusted (gold.score_change_parts, gold.rank_uncertainty, gold.target_flags), for the months the
 * kpis stage rewrote (and months not scored yet). Looking back, it also rewrites:
 * <ul>
 *   <li>the January after a rescored December, whose score_change, rank_change and change parts
 *       look back one month;
 *   <li>the target flags of every month of the year after a rescored December, whose year-to-date
 *       actual is "last year's actual" there.
 * </ul>
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
    // Months the dense tables lack are written too: a new warehouse, or one from before a table existed.
    TreeSet<YearMonth> dirty = gold.toRewrite(marked, GoldTables.COUNTY_SCORES, periods);
    dirty.addAll(gold.toRewrite(new TreeSet<>(), GoldTables.RANK_UNCERTAINTY, periods));
    Map<String, Long> written = new LinkedHashMap<>();
    if (!dirty.isEmpty()) {
      TreeSet<YearMonth> months = withFollowingJanuary(dirty, periods);
      TreeSet<YearMonth> flagMonths = withFollowingYear(months, periods);
      TreeSet<YearMonth> inputs = new TreeSet<>(flagMonths);
      months.stream().map(m -> m.minusMonths(1)).filter(periods::contains).forEach(inputs::add);
      TreeSet<YearMonth> withDecembers = new TreeSet<>(inputs);
      flagMonths.stream().map(m -> YearMonth.of(m.getYear() - 1, 12)).filter(periods::contains).forEach(withDecembers::add);
      gold.bindSilver(List.of("counties"), inputs);
      engine.register(Periods.relation(inputs));
      gold.read(GoldTables.KPI_COUNTY_MONTH, withDecembers).createOrReplaceTempView("kpi_county_month");
      SqlModels.SCORING.forEach(m -> SqlModels.define(engine, m));
      // Four small writes side by side: one plans or commits while another computes.
      Map<String, TreeSet<YearMonth>> writes = new LinkedHashMap<>();
      writes.put(GoldTables.COUNTY_SCORES, months);
      writes.put(GoldTables.SCORE_CHANGE_PARTS, months);
      writes.put(GoldTables.RANK_UNCERTAINTY, months);
      writes.put(GoldTables.TARGET_FLAGS, flagMonths);
      List<String> tables = List.copyOf(writes.keySet());
      // Each table is the model of its name (gold.rank_uncertainty is the view rank_uncertainty).
      List<Long> rows = Concurrently.each(tables, table ->
          gold.replace(spark.table(table.substring(table.indexOf('.') + 1)), table, writes.get(table)));
      for (int i = 0; i < tables.size(); i++) {
        written.put(tables.get(i), rows.get(i));
      }
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

  /** The months, and every month the warehouse has of the year after each December among them. */
  static TreeSet<YearMonth> withFollowingYear(TreeSet<YearMonth> months, List<YearMonth> periods) {
    TreeSet<YearMonth> out = new TreeSet<>(months);
    for (YearMonth m : months) {
      if (m.getMonthValue() == 12) {
        periods.stream().filter(p -> p.getYear() == m.getYear() + 1).forEach(out::add);
      }
    }
    return out;
  }
}
