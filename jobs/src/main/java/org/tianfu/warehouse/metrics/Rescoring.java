package org.tianfu.warehouse.metrics;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import org.tianfu.warehouse.contract.CountyReference;
import org.tianfu.warehouse.models.Relation;
import org.tianfu.warehouse.models.SqlEngine;
import org.tianfu.warehouse.models.SqlModels;

/**
 * The scoring models (kpi_terms.sql to target_flags.sql) over rows of gold.kpi_county_month read
 * back from the warehouse, on any engine: what-if scoring under a proposed methodology, and the
 * proof that DuckDB computes what the nightly Spark run wrote.
 */
public final class Rescoring {
  /** The columns of gold.kpi_county_month, in order, with the types the warehouse stores. */
  public static final List<Relation.Column> KPI_COUNTY_MONTH = Relation.columns("period VARCHAR",
      "county_code VARCHAR", "kpi_code VARCHAR", "actual DECIMAL(28,10)", "actual_ytd DECIMAL(28,10)",
      "target DECIMAL(24,6)", "completion_rate DOUBLE", "time_progress DOUBLE", "pace DOUBLE");

  private Rescoring() {}

  /**
   * Defines the scoring models on {@code engine} for {@code months}, over {@code kpiCountyMonth} in the
   * columns of {@link #KPI_COUNTY_MONTH}. Scores, ranks and intervals need only those months' rows;
   * score_change and its parts also need the month before each (in {@code months} too), and the
   * outlier flags the December before each year (last year's actual).
   */
  public static void define(SqlEngine engine, Methodology methodology, List<Object[]> kpiCountyMonth,
      Collection<YearMonth> months) {
    methodology.relations().forEach(engine::register);
    engine.register(CountiesRelation.of(CountyReference.load()));
    engine.register(Periods.relation(months));
    engine.register(new Relation("kpi_county_month", KPI_COUNTY_MONTH, kpiCountyMonth));
    SqlModels.SCORING.forEach(m -> SqlModels.define(engine, m));
  }
}
