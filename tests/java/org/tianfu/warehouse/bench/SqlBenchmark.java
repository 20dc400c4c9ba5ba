package org.tianfu.warehouse.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tianfu.warehouse.serve.AsOf;
import org.tianfu.warehouse.serve.DuckDbSql;
import org.tianfu.warehouse.serve.QueryEngine;
import org.tianfu.warehouse.serve.SparkSql;
import org.tianfu.warehouse.store.SparkSessions;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * The benchmark behind BENCHMARKS.md (a measurement, not a test): province staff's four typical
 * questions on both engines, in a warm process (as in the shell: every DuckDB answer opens the
 * snapshots anew) and as separate bin/warehouse processes (as a notebook calls it). Prints medians.
 *
 * <p>Usage: tests/bench/sql-benchmark WAREHOUSE MONTH COUNTY [RUNS]
 */
public final class SqlBenchmark {
  private SqlBenchmark() {}

  static Map<String, String> questions(String month, String county) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("a month's leaderboard", "SELECT rank_province, county_name, city_name, score, grade, rank_change"
        + " FROM gold.county_scores WHERE period = '" + month + "' ORDER BY rank_province NULLS LAST, county_code");
    q.put("one county's KPI lines for a year", "SELECT period, kpi_code, actual, actual_ytd, target, completion_rate,"
        + " pace FROM gold.kpi_county_month WHERE county_code = '" + county + "' AND period BETWEEN '"
        + month.substring(0, 4) + "-01' AND '" + month.substring(0, 4) + "-12' ORDER BY period, kpi_code");
    q.put("distribution of pace per KPI", "SELECT kpi_code, count(pace) AS n, min(pace) AS lowest,"
        + " percentile_cont(0.25) WITHIN GROUP (ORDER BY pace) AS q1, percentile_cont(0.5) WITHIN GROUP (ORDER BY pace)"
        + " AS median, percentile_cont(0.75) WITHIN GROUP (ORDER BY pace) AS q3, max(pace) AS highest"
        + " FROM gold.kpi_county_month WHERE period = '" + month + "' GROUP BY kpi_code ORDER BY kpi_code");
    q.put("quarantine counts by reason", "SELECT source, reason, count(*) AS lines FROM ops.quarantine"
        + " GROUP BY source, reason ORDER BY lines DESC, source, reason");
    return q;
  }

  public static void main(String[] args) throws Exception {
    Path warehouse = Path.of(args[0]).toAbsolutePath();
    Map<String, String> questions = questions(args[1], args[2]);
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 7;
    WarehouseLayout layout = new WarehouseLayout(warehouse);

    System.out.println("| question | rows | DuckDB in process: first, median of " + runs
        + " (ms) | Spark in process: first, median (ms) | DuckDB process (ms) | Spark process (ms) |");
    System.out.println("|---|---|---|---|---|---|");
    Map<String, long[]> duck = new LinkedHashMap<>();
    Map<String, long[]> spark = new LinkedHashMap<>();
    Map<String, Integer> rows = new LinkedHashMap<>();
    try (DuckDbSql engine = new DuckDbSql(layout, AsOf.LATEST)) {
      questions.forEach((name, sql) -> {
        rows.put(name, engine.query(sql).rows().size());
        duck.put(name, time(engine, sql, runs));
      });
    }
    try (QueryEngine engine = new SparkSql(SparkSessions.getOrCreate(), layout, AsOf.LATEST)) {
      questions.forEach((name, sql) -> spark.put(name, time(engine, sql, runs)));
    }
    for (Map.Entry<String, String> q : questions.entrySet()) {
      String name = q.getKey();
      long duckProcess = median(process(warehouse, q.getValue(), "duckdb", 5));
      long sparkProcess = median(process(warehouse, q.getValue(), "spark", 3));
      System.out.printf("| %s | %d | %d, **%d** | %d, **%d** | %d | %d |%n", name, rows.get(name),
          duck.get(name)[0], duck.get(name)[1], spark.get(name)[0], spark.get(name)[1], duckProcess, sparkProcess);
    }
    System.exit(0);
  }

  /** {first run, median of the runs after it}, in ms. */
  private static long[] time(QueryEngine engine, String sql, int runs) {
    List<Long> times = new ArrayList<>();
    for (int i = 0; i <= runs; i++) {
      long start = System.nanoTime();
      engine.query(sql);
      times.add((System.nanoTime() - start) / 1_000_000);
    }
    return new long[] {times.get(0), median(times.subList(1, times.size()))};
  }

  private static List<Long> process(Path warehouse, String sql, String engine, int runs) {
    Function<Integer, Long> one = i -> {
      try {
        long start = System.nanoTime();
        Process p = new ProcessBuilder("bin/warehouse", "sql", "--warehouse", warehouse.toString(), "--engine", engine,
            "--format", "csv", sql).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
          throw new IllegalStateException("bin/warehouse sql --engine " + engine + " failed: " + sql);
        }
        return (System.nanoTime() - start) / 1_000_000;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    };
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      times.add(one.apply(i));
    }
    return times;
  }

  static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
