package org.tianfu.warehouse.metrics;

import static org.apache.spark.sql.functions.col;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.tianfu.warehouse.store.DeltaReplace;
import org.tianfu.warehouse.store.StatsColumns;
import org.tianfu.warehouse.store.WarehouseLayout;

/** Reading and replacing month slices of the gold tables, shared by the kpis and scores stages. */
public final class GoldTables {
  public static final String KPI_ACTUALS = "gold.kpi_actuals";
  public static final String KPI_COUNTY_MONTH = "gold.kpi_county_month";
  public static final String COUNTY_SCORES = "gold.county_scores";
  public static final String SCORE_CHANGE_PARTS = "gold.score_change_parts";
  public static final String RANK_UNCERTAINTY = "gold.rank_uncertainty";
  public static final String TARGET_FLAGS = "gold.target_flags";
  /** Every gold table, in the order the stages write them. */
  public static final List<String> ALL = List.of(KPI_ACTUALS, KPI_COUNTY_MONTH, COUNTY_SCORES, SCORE_CHANGE_PARTS,
      RANK_UNCERTAINTY, TARGET_FLAGS);

  /** The month each silver table is counted by in the KPI SQL (jobs/sql/gold). */
  private static final Map<String, String> MONTH_COLUMNS = Map.of("orders", "completed_period",
      "users", "first_register_period", "postings", "period", "science_base_activity", "period",
      "popsci_deliveries", "period");

  private final SparkSession spark;
  private final WarehouseLayout layout;

  GoldTables(SparkSession spark, WarehouseLayout layout) {
    this.spark = spark;
    this.layout = layout;
  }

  /** The months a gold table holds. */
  TreeSet<YearMonth> periods(String table) {
    TreeSet<YearMonth> out = new TreeSet<>();
    if (layout.exists(table)) {
      for (Row r : spark.read().format("delta").load(layout.path(table)).select("period").distinct().collectAsList()) {
        out.add(YearMonth.parse(r.getString(0)));
      }
    }
    return out;
  }

  /** The months a stage must (re)write: those marked for it and those its table lacks, within {@code periods}. */
  TreeSet<YearMonth> toRewrite(TreeSet<YearMonth> marked, String table, List<YearMonth> periods) {
    TreeSet<YearMonth> months = new TreeSet<>(periods);
    months.removeAll(periods(table));
    months.addAll(marked);
    months.retainAll(periods);
    return months;
  }

  Dataset<Row> read(String table, Collection<YearMonth> months) {
    return spark.read().format("delta").load(layout.path(table)).where(DeltaReplace.in("period", texts(months)));
  }

  /** Replaces the months' rows of the table with those of {@code rows}; returns how many were written. */
  long replace(Dataset<Row> rows, String table, Collection<YearMonth> months) {
    List<String> periods = texts(months);
    // Gold is small (183 counties × 13 KPIs a month): one file per rewrite keeps readers' file counts low.
    // Readers and rewrites select months, so the month is the one column worth statistics.
    return DeltaReplace.replace(rows.where(col("period").isin(periods.toArray())).coalesce(1), layout.path(table),
        DeltaReplace.in("period", periods), StatsColumns.of("period"));
  }

  /**
   * Binds the silver tables the SQL models read, by their unqualified names. A table with a month
   * column is bound with the months as a literal filter (the SQL filters again), so that Delta skips
   * the files whose statistics hold none of them: a night reads its months, not the whole history.
   */
  void bindSilver(List<String> tables, Collection<YearMonth> months) {
    for (String table : tables) {
      if (!layout.exists("silver." + table)) {
        throw new IllegalStateException("silver." + table + " is missing: conform must run before gold");
      }
      Dataset<Row> rows = spark.read().format("delta").load(layout.path("silver." + table));
      String monthColumn = MONTH_COLUMNS.get(table);
      (monthColumn == null ? rows : rows.where(DeltaReplace.in(monthColumn, texts(months))))
          .createOrReplaceTempView(table);
    }
  }

  private static List<String> texts(Collection<YearMonth> months) {
    return new TreeSet<>(months).stream().map(YearMonth::toString).toList();
  }
}
