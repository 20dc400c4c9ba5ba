package org.tianfu.warehouse.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tianfu.warehouse.contract.FieldType;
import org.tianfu.warehouse.contract.SourceSpec;
import org.tianfu.warehouse.models.SqlModels;
import org.tianfu.warehouse.serve.AsOf;
import org.tianfu.warehouse.serve.DuckDbSql;
import org.tianfu.warehouse.serve.QueryResult;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * The peer baseline of BENCHMARKS.md (a measurement, not a test): DuckDB computes the KPI actuals of
 * the given months straight from bronze, in one query made of the pipeline's own SQL models (silver
 * months, order and user states from all their events, the KPI families), through the same Delta
 * snapshot views as {@code warehouse sql}. It first checks that its rows equal gold.kpi_actuals for
 * those months, then prints the first and the median time of the runs.
 *
 * <p>Usage: tests/bench/kpi-baseline WAREHOUSE RUNS MONTH...
 */
public final class KpiBaseline {
  private KpiBaseline() {}

  public static void main(String[] args) {
    WarehouseLayout layout = new WarehouseLayout(Path.of(args[0]).toAbsolutePath());
    int runs = Integer.parseInt(args[1]);
    List<String> months = List.of(args).subList(2, args.length);
    String actuals = actualsFromBronze(months);
    try (DuckDbSql duckdb = new DuckDbSql(layout, AsOf.LATEST)) {
      String gold = "SELECT period, county_code, kpi_code, actual FROM gold.kpi_actuals WHERE period IN ("
          + String.join(", ", months.stream().map(m -> "'" + m + "'").toList()) + ")";
      QueryResult differences = duckdb.query("WITH duck AS (" + actuals + "\n), gold AS (" + gold + ")\n"
          + "SELECT (SELECT count(*) FROM (SELECT * FROM duck EXCEPT ALL SELECT * FROM gold)),"
          + " (SELECT count(*) FROM (SELECT * FROM gold EXCEPT ALL SELECT * FROM duck)), (SELECT count(*) FROM gold)");
      List<Object> d = differences.rows().get(0);
      System.out.printf("gold.kpi_actuals rows for %s: %s; DuckDB rows not in gold: %s, gold rows not from DuckDB: %s%n",
          months, d.get(2), d.get(0), d.get(1));
      if (((Number) d.get(0)).longValue() != 0 || ((Number) d.get(1)).longValue() != 0) {
        System.exit(1);
      }
      List<Long> times = new ArrayList<>();
      for (int i = 0; i <= runs; i++) {
        long start = System.nanoTime();
        duckdb.query(actuals);
        times.add((System.nanoTime() - start) / 1_000_000);
      }
      System.out.printf("DuckDB KPI actuals from bronze: first %d ms, median of %d more %d ms%n",
          times.get(0), runs, SqlBenchmark.median(times.subList(1, times.size())));
    }
    System.exit(0);
  }

  /** kpi_actuals for the months, as one query: each model a CTE named after it, over bronze. */
  static String actualsFromBronze(List<String> months) {
    List<String> ctes = new ArrayList<>();
    for (SourceSpec spec : SourceSpec.loadAll()) {
      String time = spec.field(spec.periodField()).type() == FieldType.TIMESTAMP
          ? spec.periodField() + "_ts" : spec.periodField();
      // The views show instants in Asia/Shanghai, as the Spark session does: strftime gives the contract's month.
      ctes.add(spec.silverTable() + " AS (SELECT * EXCLUDE (extra, run_id), strftime(" + time + ", '%Y-%m') AS period"
          + " FROM bronze." + spec.name() + ")");
    }
    ctes.add("periods AS (SELECT * FROM (VALUES " + String.join(", ", months.stream().map(m -> "('" + m + "')").toList())
        + ") AS p(period))");
    for (String model : List.of(SqlModels.SILVER_ORDERS, SqlModels.SILVER_USERS)) {
      ctes.add(cte(model));
    }
    SqlModels.KPI_FAMILIES.forEach(m -> ctes.add(cte(m)));
    ctes.add(cte(SqlModels.KPI_ACTUALS));
    return "WITH " + String.join(",\n", ctes) + "\nSELECT * FROM kpi_actuals";
  }

  private static String cte(String model) {
    return SqlModels.relation(model) + " AS (\n" + SqlModels.text(model).strip().replaceAll(";+$", "") + "\n)";
  }
}
