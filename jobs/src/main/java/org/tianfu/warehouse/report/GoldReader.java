package org.tianfu.warehouse.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.tianfu.warehouse.metrics.GoldTables;
import org.tianfu.warehouse.state.ExportDays;
import org.tianfu.warehouse.store.DeltaReplace;
import org.tianfu.warehouse.store.WarehouseLayout;

/** Reads the gold rows one period's reports need, with Spark, into a {@link GoldExtract}. */
public final class GoldReader {
  private final SparkSession spark;
  private final WarehouseLayout layout;

  public GoldReader(SparkSession spark, WarehouseLayout layout) {
    this.spark = spark;
    this.layout = layout;
  }

  /** @throws IllegalArgumentException when gold has no scores for {@code period} (a mistake the caller can fix) */
  public GoldExtract read(YearMonth period) {
    for (String table : List.of(GoldTables.COUNTY_SCORES, GoldTables.KPI_COUNTY_MONTH)) {
      if (!layout.exists(table)) {
        throw new IllegalArgumentException(layout.root() + " has no " + table + " yet: run 'warehouse run' first");
      }
    }
    TreeSet<YearMonth> inGold = periods();
    if (!inGold.contains(period)) {
      throw new IllegalArgumentException("--period " + period + " is not in gold.county_scores"
          + (inGold.isEmpty() ? "" : ": the warehouse has " + inGold.first() + " … " + inGold.last()));
    }
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = YearMonth.of(period.getYear(), 1); !m.isAfter(period); m = m.plusMonths(1)) {
      months.add(m);
    }
    if (inGold.contains(period.minusMonths(1)) && period.getMonthValue() == 1) {
      months.add(0, period.minusMonths(1));
    }
    return new GoldExtract(period, ExportDays.latest(spark, layout), scores(months), kpis(period), checks(period));
  }

  private ScoreChecks checks(YearMonth period) {
    Map<String, RankInterval> intervals = new TreeMap<>();
    for (Row r : rows(GoldTables.RANK_UNCERTAINTY, period, "county_code", "rank_low", "rank_high", "p_top10",
        "p_bottom10", "draws")) {
      intervals.put(r.getString(0), new RankInterval((Integer) r.get(1), (Integer) r.get(2), (Double) r.get(3),
          (Double) r.get(4), r.getInt(5)));
    }
    Map<String, List<TargetFlag>> flags = new TreeMap<>();
    for (Row r : rows(GoldTables.TARGET_FLAGS, period, "county_code", "kpi_code", "flag", "target", "actual_ytd",
        "pace", "last_year_actual", "robust_z", "threshold")) {
      flags.computeIfAbsent(r.getString(0), c -> new ArrayList<>()).add(new TargetFlag(r.getString(0), r.getString(1),
          r.getString(2), (BigDecimal) r.get(3), (BigDecimal) r.get(4), (Double) r.get(5), (BigDecimal) r.get(6),
          (Double) r.get(7), (Double) r.get(8)));
    }
    Map<String, List<ChangePart>> parts = new TreeMap<>();
    for (Row r : rows(GoldTables.SCORE_CHANGE_PARTS, period, "county_code", "component", "contribution",
        "kpi_score", "kpi_score_previous")) {
      parts.computeIfAbsent(r.getString(0), c -> new ArrayList<>()).add(new ChangePart(r.getString(0), r.getString(1),
          (BigDecimal) r.get(2), (Double) r.get(3), (Double) r.get(4)));
    }
    return new ScoreChecks(intervals, flags, parts);
  }

  /** The period's rows of a table, ordered by its first columns; none when the table does not exist yet. */
  private List<Row> rows(String table, YearMonth period, String... columns) {
    if (!layout.exists(table)) {
      return List.of();
    }
    return table(table).where(inPeriods(List.of(period))).selectExpr(columns)
        .orderBy(columns[0], columns[1]).collectAsList();
  }

  private TreeSet<YearMonth> periods() {
    TreeSet<YearMonth> out = new TreeSet<>();
    table(GoldTables.COUNTY_SCORES).select("period").distinct().collectAsList()
        .forEach(r -> out.add(YearMonth.parse(r.getString(0))));
    return out;
  }

  private Map<YearMonth, List<CountyScore>> scores(List<YearMonth> months) {
    Map<YearMonth, List<CountyScore>> out = new TreeMap<>();
    months.forEach(m -> out.put(m, new ArrayList<>()));
    // round(score, 2) exactly as county_scores.sql takes it for ranks and grades.
    for (Row r : table(GoldTables.COUNTY_SCORES).where(inPeriods(months)).selectExpr("period", "county_code",
        "county_name", "city_code", "city_name", "score", "ROUND(CAST(score AS DECIMAL(20,10)), 2) AS score_2dp",
        "kpis_scored", "rank_province", "rank_city", "grade", "score_change", "rank_change", "methodology_version")
        .orderBy("period", "county_code").collectAsList()) {
      YearMonth period = YearMonth.parse(r.getString(0));
      out.get(period).add(new CountyScore(period, r.getString(1), r.getString(2), r.getString(3), r.getString(4),
          (Double) r.get(5), (BigDecimal) r.get(6), r.getInt(7), (Integer) r.get(8), (Integer) r.get(9),
          r.getString(10), (Double) r.get(11), (Integer) r.get(12), r.getString(13)));
    }
    return out;
  }

  private Map<String, List<KpiMonth>> kpis(YearMonth period) {
    Map<String, List<KpiMonth>> out = new LinkedHashMap<>();
    for (Row r : table(GoldTables.KPI_COUNTY_MONTH).where(inPeriods(List.of(period))).selectExpr("county_code",
        "kpi_code", "actual", "actual_ytd", "target", "completion_rate", "time_progress", "pace")
        .orderBy("county_code", "kpi_code").collectAsList()) {
      out.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(new KpiMonth(r.getString(0), r.getString(1),
          (BigDecimal) r.get(2), (BigDecimal) r.get(3), (BigDecimal) r.get(4), (Double) r.get(5), r.getDouble(6),
          (Double) r.get(7)));
    }
    return out;
  }

  private Dataset<Row> table(String table) {
    return spark.read().format("delta").load(layout.path(table));
  }

  private static String inPeriods(List<YearMonth> months) {
    return DeltaReplace.in("period", months.stream().map(YearMonth::toString).toList());
  }
}
