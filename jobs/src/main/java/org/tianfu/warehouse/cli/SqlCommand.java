package org.tianfu.warehouse.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tianfu.warehouse.serve.QueryResult;
import org.tianfu.warehouse.serve.ResultFormat;
import org.tianfu.warehouse.serve.SparkSql;
import org.tianfu.warehouse.store.SparkSessions;
import org.tianfu.warehouse.store.WarehouseLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sql", mixinStandardHelpOptions = true,
    description = "Answer SQL over the warehouse: bronze.<source>, ops.quarantine, ops.ingest_audit, …")
public final class SqlCommand implements Callable<Integer> {
  @Option(names = "--warehouse", required = true, description = "warehouse directory")
  Path warehouse;

  @Option(names = "--format", defaultValue = "table",
      description = "csv, json (one object per line) or table (default ${DEFAULT-VALUE})")
  ResultFormat format;

  @Parameters(index = "0", paramLabel = "QUERY", description = "one SQL query")
  String query;

  @Override
  public Integer call() {
    RunCommand.requireDirectory(warehouse, "--warehouse");
    WarehouseLayout layout = new WarehouseLayout(warehouse.toAbsolutePath());
    if (layout.tables().isEmpty()) {
      throw new UserError("--warehouse " + warehouse + " holds no tables yet: run 'warehouse run' first");
    }
    QueryResult result = new SparkSql(SparkSessions.getOrCreate(), layout).query(query);
    format.print(result, System.out);
    return 0;
  }
}
