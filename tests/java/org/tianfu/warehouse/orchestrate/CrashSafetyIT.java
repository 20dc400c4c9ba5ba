package org.tianfu.warehouse.orchestrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tianfu.warehouse.store.WarehouseLayout;
import org.tianfu.warehouse.testing.DayByDayWarehouse;
import org.tianfu.warehouse.testing.TableRows;
import org.tianfu.warehouse.testing.TestSpark;

/**
 * SIGKILL at several points of a real {@code bin/warehouse run} — while bronze, silver, the gold
 * actuals and the scores are being written — leaves every table readable, and the next run completes to exactly the result
 * of uninterrupted runs: the shared day-by-day warehouse, built from the same exports. A second run against a held
 * warehouse is refused, naming the holder.
 */
class CrashSafetyIT {
  /** Log lines (regular expressions) after which to kill a run, and how long after: each lands in another stage. */
  private static final List<String[]> KILL_AFTER = List.of(
      new String[] {"bronze\\.registrations .*", "0"},                  // during ingest of the other sources
      new String[] {"all days +ingest +rows.*", "1500"},                  // during conform (silver events, MERGEs)
      new String[] {"all days +conform +rows.*", "800"},                  // during kpis (gold.kpi_actuals)
      new String[] {"all days +kpis +rows.*", "300"});                    // during scores

  @TempDir Path tmp;

  private Process start(Path landing, Path warehouse) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(Path.of("bin/warehouse").toAbsolutePath().toString(), "run",
        "--landing", landing.toString(), "--warehouse", warehouse.toString());
    pb.environment().put("WAREHOUSE_PII_KEY", DayByDayWarehouse.PII_KEY);
    return pb.redirectErrorStream(true).start();
  }

  @Test
  void killedRunsLeaveReadableTablesAndTheNextRunFinishesTheJob() throws Exception {
    SparkSession spark = TestSpark.session();
    DayByDayWarehouse shared = DayByDayWarehouse.get();
    Path landing = shared.landing();
    WarehouseLayout reference = shared.layout();

    WarehouseLayout crashed = new WarehouseLayout(tmp.resolve("crashed"));
    Random random = new Random(42);
    List<String> killedAt = new ArrayList<>();
    for (String[] point : KILL_AFTER) {
      Process run = start(landing, Path.of(crashed.root()));
      BufferedReader log = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = log.readLine()) != null && !line.matches(point[0])) {
        // read on until the stage we aim after
      }
      assertTrue(line != null, "the run ended before printing '" + point[0] + "'");
      Thread.sleep(Long.parseLong(point[1]) + random.nextInt(200));
      run.destroyForcibly();          // SIGKILL: no shutdown hook, no finally block runs
      assertTrue(run.waitFor(60, TimeUnit.SECONDS));
      killedAt.add(point[0]);
      for (String table : crashed.tables()) {
        spark.read().format("delta").load(crashed.path(table)).count();   // every table readable
      }
    }

    Process last = start(landing, Path.of(crashed.root()));
    String output = new String(last.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, last.waitFor(), output);

    List<String> data = TableRows.dataTables(reference);
    assertEquals(data, TableRows.dataTables(crashed));
    for (String table : data) {
      assertEquals(TableRows.sorted(spark, reference, table), TableRows.sorted(spark, crashed, table),
          table + " after kills at " + killedAt);
    }
    assertEquals(List.of("killed", "killed", "killed", "killed", "succeeded"),
        rowsOf(spark.read().format("delta").load(crashed.path("ops.runs")).orderBy("started_at").select("status")));
  }

  @Test
  void aSecondRunIsRefusedNamingTheHolder() throws Exception {
    Path warehouse = tmp.resolve("held");
    Path landing = tmp.resolve("empty-landing");
    java.nio.file.Files.createDirectories(landing);
    try (RunLock held = RunLock.acquire(warehouse, "run-holding", "warehouse run --landing x")) {
      Process second = start(landing, warehouse);
      String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(3, second.waitFor(), output);
      String error = output.lines().filter(l -> l.startsWith("error: ")).findFirst().orElse(output);
      assertTrue(error.startsWith("error: the warehouse " + warehouse + " is in use by another run: run run-holding (pid "
          + ProcessHandle.current().pid() + " on "), error);
      assertTrue(error.endsWith(": warehouse run --landing x); try again when it has finished"), error);
    }
  }

  private static List<String> rowsOf(Dataset<Row> rows) {
    return rows.collectAsList().stream().map(r -> r.size() == 1 ? String.valueOf(r.get(0)) : r.toString()).toList();
  }
}
