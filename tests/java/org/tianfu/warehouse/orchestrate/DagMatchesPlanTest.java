package org.tianfu.warehouse.orchestrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tianfu.warehouse.contract.SourceSpec;

/** The Airflow DAG cannot drift from the Java task graph, and it compiles. */
class DagMatchesPlanTest {
  private static final Path DAG = Path.of("dags/tianfu_warehouse.py");
  private static final TaskGraph GRAPH = TaskGraph.nightly(SourceSpec.loadAll());

  private static String python(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("python3"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  @Test
  void theCommittedPlanIsTheJavaGraph() throws IOException {
    assertEquals(GRAPH.toJson(), Files.readString(Path.of("dags/tianfu_warehouse_plan.json"), StandardCharsets.UTF_8),
        "dags/tianfu_warehouse_plan.json is stale: regenerate it with bin/warehouse plan --json");
  }

  @Test
  void theDagBuildsExactlyTheGraphsTasksAndEdges() throws Exception {
    python("-m", "py_compile", DAG.toString());
    JsonNode dag = new ObjectMapper().readTree(python("tests/python/dag_structure.py", DAG.toString()));

    List<String> ids = GRAPH.tasks().stream().map(Task::id).toList();
    List<List<String>> edges = new ArrayList<>();
    GRAPH.tasks().forEach(t -> t.dependsOn().forEach(d -> edges.add(List.of(d, t.id()))));
    edges.sort((a, b) -> (a.get(0) + " " + a.get(1)).compareTo(b.get(0) + " " + b.get(1)));

    assertEquals(TaskGraph.DAG_ID, dag.get("dag_id").asText());
    assertEquals(ids, new ObjectMapper().convertValue(dag.get("tasks"), List.class));
    assertEquals(edges, new ObjectMapper().convertValue(dag.get("edges"), List.class));
    for (String id : ids) {
      assertEquals(List.of("run", "--only", id), new ObjectMapper().convertValue(dag.get("commands").get(id), List.class));
    }
    assertEquals("0 2 * * *", dag.get("schedule").asText());
    assertEquals("Asia/Shanghai", dag.get("timezone").asText());
    assertEquals(true, dag.get("catchup").asBoolean());
    assertEquals(1, dag.get("max_active_runs").asInt());
    assertEquals(2, dag.get("retries").asInt());
    assertEquals(true, dag.get("retry_exponential_backoff").asBoolean());
    assertEquals(7200.0, dag.get("execution_timeout_s").asDouble());
    assertEquals(true, dag.get("has_failure_callback").asBoolean());
    assertEquals(18000.0, dag.get("deadline_s").asDouble());
  }
}
