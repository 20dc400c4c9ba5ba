package org.tianfu.warehouse.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tianfu.warehouse.serve.AsOf;
import org.tianfu.warehouse.serve.DuckDbSql;
import org.tianfu.warehouse.serve.QueryEngine;
import org.tianfu.warehouse.serve.QueryResult;
import org.tianfu.warehouse.serve.SparkSql;
import org.tianfu.warehouse.store.SparkSessions;
import org.tianfu.warehouse.store.WarehouseLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {"Answer SQL over the warehouse: bronze.<source>, silver.*, gold.*, ops.quarantine, ops.ingest_audit, …",
        "Read-only: only queries are answered. With no QUERY, opens an interactive shell."})
public final class SqlCommand implements Callable<Integer> {
  enum Engine { DUCKDB, SPARK }

  @Option(names = "--warehouse", required = true, description = "warehouse directory")
  Path warehouse;

  @Option(names = "--engine", defaultValue = "duckdb",
      description = "duckdb (default: each table's Delta snapshot, in-process, contained) or spark")
  Engine engine;

  @Option(names = "--as-of", paramLabel = "VERSION|TIMESTAMP",
      description = "read each table as of a Delta version (12) or a moment (2024-04-03, '2024-04-03 09:00';"
          + " Asia/Shanghai unless an offset is given)")
  String asOf;

  @Option(names = "--format", defaultValue = "table",
      description = "csv, json (one object per line), table (default), xlsx or parquet (these two need --out)")
  OutputFormat format;

  @Option(names = "--out", paramLabel = "FILE", description = "write the result to FILE instead of standard output")
  Path out;

  @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY", description = "one SQL query; none opens the shell")
  String query;

  @Override
  public Integer call() throws IOException {
    RunCommand.requireDirectory(warehouse, "--warehouse");
    WarehouseLayout layout = new WarehouseLayout(warehouse.toAbsolutePath().normalize());
    if (layout.tables().isEmpty()) {
      throw new UserError("--warehouse " + warehouse + " holds no tables yet: run 'warehouse run' first");
    }
    checkOutput(layout);
    AsOf at = asOf == null ? AsOf.LATEST : AsOf.parse(asOf);
    if (format == OutputFormat.PARQUET) {
      try (DuckDbSql duckDb = new DuckDbSql(layout, at)) {
        duckDb.exportParquet(query, out);
      }
      return 0;
    }
    try (QueryEngine sql = engine == Engine.SPARK ? new SparkSql(SparkSessions.getOrCreate(), layout, at)
        : new DuckDbSql(layout, at)) {
      if (query == null) {
        return new SqlShell(sql, layout, format.rendering, engine + (at.isLatest() ? "" : ", as of " + asOf)).run();
      }
      QueryResult result = sql.query(query);
      if (out == null) {
        format.rendering.print(result, System.out);
      } else {
        try (OutputStream file = Files.newOutputStream(out)) {
          format.rendering.print(result, file);
        }
      }
    }
    return 0;
  }

  private void checkOutput(WarehouseLayout layout) {
    if (query == null && (out != null || !format.isText())) {
      throw new UserError("the shell prints its results: --out and --format " + format.name().toLowerCase()
          + " go with a QUERY");
    }
    if (!format.isText() && out == null) {
      throw new UserError("--format " + format.name().toLowerCase() + " writes a file: name it with --out FILE");
    }
    if (format == OutputFormat.PARQUET && engine == Engine.SPARK) {
      throw new UserError("--format parquet is written by DuckDB: drop --engine spark");
    }
    if (out != null) {
      requireOutside(out, layout);
    }
  }

  /** A file the command writes must not land among the warehouse's tables. */
  static void requireOutside(Path out, WarehouseLayout layout) {
    if (out.toAbsolutePath().normalize().startsWith(Path.of(layout.root()))) {
      throw new UserError("--out " + out + " is inside the warehouse, which only the pipeline writes");
    }
  }
}
