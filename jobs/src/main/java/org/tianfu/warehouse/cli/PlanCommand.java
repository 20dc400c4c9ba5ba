package org.tianfu.warehouse.cli;

import java.util.concurrent.Callable;
import org.tianfu.warehouse.contract.SourceSpec;
import org.tianfu.warehouse.orchestrate.TaskGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Print the nightly task graph that 'run' executes and the Airflow DAG mirrors.")
public final class PlanCommand implements Callable<Integer> {
  @Option(names = "--json", description = "as JSON (what dags/tianfu_warehouse_plan.json holds)")
  boolean json;

  @Override
  public Integer call() {
    TaskGraph graph = TaskGraph.nightly(SourceSpec.loadAll());
    System.out.print(json ? graph.toJson() : graph.toText());
    return 0;
  }
}
