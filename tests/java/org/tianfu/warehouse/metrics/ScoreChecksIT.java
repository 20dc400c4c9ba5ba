package org.tianfu.warehouse.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.tianfu.warehouse.models.DuckDbEngine;
import org.tianfu.warehouse.serve.QueryResult;
import org.tianfu.warehouse.store.WarehouseLayout;
import org.tianfu.warehouse.testing.DayByDayWarehouse;
import org.tianfu.warehouse.testing.TestSpark;

/** The checks on the scores as the nightly Spark run wrote them, on a warehouse built night by night. */
class ScoreChecksIT {
  final WarehouseLayout layout = DayByDayWarehouse.get().layout();
  final SparkSession spark = TestSpark.session();

  private List<String> spark(String sql) {
    String resolved = Pattern.compile("gold\\.[a-z_]+").matcher(sql)
        .replaceAll(m -> Matcher.quoteReplacement("delta.`" + layout.path(m.group()) + "`"));
    return spark.sql(resolved).collectAsList().stream().map(Row::toString).toList();
  }

  @Test
  void duckDbDrawsTheSameRankIntervalsFromTheSameKpis() throws Exception {
    QueryResult kpis = DayByDayWarehouse.get().duckDb().query("SELECT * FROM gold.kpi_county_month");
    String ranks = "SELECT period, county_code, rank_low, rank_high, p_top10, p_bottom10, draws FROM %s"
        + " ORDER BY period, county_code";
    List<String> onDuckDb;
    try (DuckDbEngine db = new DuckDbEngine()) {
      Rescoring.define(db, Methodology.load(KpiCatalogue.load()),
          kpis.rows().stream().map(List::toArray).toList(), List.of(YearMonth.of(2024, 1), YearMonth.of(2024, 2)));
      onDuckDb = db.query(String.format(ranks, "rank_uncertainty")).stream()
          .map(r -> "[" + String.join(",", r.stream().map(String::valueOf).toList()) + "]").toList();
    }
    List<String> onSpark = spark(String.format(ranks, "gold.rank_uncertainty"));
    assertEquals(183 * 2, onSpark.size());
    assertEquals(onSpark, onDuckDb);
    assertTrue(spark("SELECT 1 FROM gold.rank_uncertainty WHERE rank_high > rank_low").size() > 10,
        "weights and cap that vary move some ranks");
  }

  @Test
  void theChangePartsAddUpExactlyToEveryScoreChange() {
    List<String> changes = spark("SELECT period, county_code, CAST(score_change AS DECIMAL(20,12)) FROM gold.county_scores"
        + " WHERE score_change IS NOT NULL ORDER BY period, county_code");
    assertTrue(changes.size() > 100, changes.size() + " counties with a score change");
    assertEquals(changes, spark("SELECT period, county_code, SUM(contribution) FROM gold.score_change_parts"
        + " GROUP BY period, county_code ORDER BY period, county_code"));
  }
}
