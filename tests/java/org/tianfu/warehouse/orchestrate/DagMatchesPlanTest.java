package org.tianfu.warehouse.orchestrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tianfu.warehouse.contract.SourceSpec;

/**
 * The plan the Airflow DAG is built from is the Java task graph; AirflowDagIT checks the DAG builds it in a
 * real Airflow.
 */
class DagMatchesPlanTest {
  private static final TaskGraph GRAPH = TaskGraph.nightly(SourceSpec.loadAll());

  @Test
  void theCommittedPlanIsTheJavaGraph() throws IOException {
    assertEquals(GRAPH.toJson(), Files.readString(Path.of("dags/tianfu_warehouse_plan.json"), StandardCharsets.UTF_8),
        "dags/tianfu_warehouse_plan.json is stale: regenerate it with bin/warehouse plan --json");
  }
}
