package org.tianfu.warehouse.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tianfu.warehouse.serve.ResultFormat;
import org.tianfu.warehouse.serve.SparkSql;
import org.tianfu.warehouse.store.SparkSessions;
import org.tianfu.warehouse.store.WarehouseLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
    description = "The last runs, the freshest export day per source, months waiting to be recomputed.")
public final class StatusCommand implements Callable<Integer> {
  @Option(names = "--warehouse", required = true, description = "warehouse directory")
  Path warehouse;

  @Option(names = "--runs", defaultValue = "10", description = "how many runs to show (default ${DEFAULT-VALUE})")
  int runs;

  @Override
  public Integer call() throws Exception {
    RunCommand.requireDirectory(warehouse, "--warehouse");
    WarehouseLayout layout = new WarehouseLayout(warehouse.toAbsolutePath());
    if (!layout.exists(WarehouseLayout.INGEST_AUDIT)) {
      throw new UserError("--warehouse " + warehouse + " has not been run yet");
    }
    Path lock = Path.of(layout.root()).resolve("_lock");
    String holder = Files.exists(lock) ? Files.readString(lock, StandardCharsets.UTF_8).strip() : "";
    System.out.println(holder.isEmpty() ? "No run in progress." : "In progress: " + holder);

    SparkSql sql = new SparkSql(SparkSessions.getOrCreate(), layout);
    System.out.println("\nFreshest export day per source (stale = older than yesterday):");
    ResultFormat.TABLE.print(sql.query("""
        SELECT source, max(dt) AS latest_dt, datediff(current_date(), to_date(max(dt))) AS days_old,
               CASE WHEN to_date(max(dt)) < date_sub(current_date(), 1) THEN 'stale' ELSE 'fresh' END AS state,
               sum(lines_read) AS lines_read, sum(quarantined) AS quarantined
        FROM ops.ingest_audit WHERE source <> 'targets' GROUP BY source ORDER BY source"""), System.out);
    if (layout.exists("ops.runs")) {
      System.out.println("\nLast runs (ops.runs):");
      ResultFormat.TABLE.print(sql.query("SELECT run_id, status, started_at, ended_at, date_from, date_to,"
          + " aggregate(map_values(rows_written), 0L, (a, b) -> a + b) AS rows, substr(error, 1, 80) AS error, command"
          + " FROM ops.runs ORDER BY started_at DESC LIMIT " + Math.max(1, runs)), System.out);
    }
    if (layout.exists("ops.dirty_periods")) {
      System.out.println("\nMonths waiting to be recomputed (ops.dirty_periods; empty after a finished run):");
      ResultFormat.TABLE.print(sql.query("SELECT stage, period FROM ops.dirty_periods ORDER BY stage, period"), System.out);
    }
    return 0;
  }
}
