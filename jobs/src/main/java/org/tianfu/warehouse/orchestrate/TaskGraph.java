package org.tianfu.warehouse.orchestrate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tianfu.warehouse.contract.SourceSpec;

/**
 * The nightly pipeline as a task graph, defined once: the local runner walks it, {@code warehouse
 * plan} prints it, and the Airflow DAG in {@code dags/} is built from its JSON form. Tasks are
 * listed in an order that respects every dependency.
 */
public final class TaskGraph {
  public static final String INGEST = "ingest";
  public static final String CONFORM = "conform";
  public static final String KPIS = "kpis";
  public static final String SCORES = "scores";
  public static final String REPORTS = "reports";
  public static final String PUBLISH = "publish";
  public static final String DAG_ID = "tianfu_warehouse_nightly";

  private final Map<String, Task> tasks = new LinkedHashMap<>();

  private TaskGraph() {}

  public static TaskGraph nightly(List<SourceSpec> sources) {
    // One ingest task for all sources, not one per source: the sources run side by side inside it,
    // one process start pays for all, and two tasks could not hold the warehouse lock at once anyway.
    TaskGraph g = new TaskGraph();
    g.add(new Task(INGEST, "landing → bronze, all sources side by side: "
        + String.join(", ", sources.stream().map(SourceSpec::name).toList())
        + " (validate, quarantine, de-duplicate, audit)", List.of()));
    g.add(new Task(CONFORM, "bronze → silver: Shanghai months, order state, users, targets, counties", List.of(INGEST)));
    g.add(new Task(KPIS, "silver → gold.kpi_actuals, gold.kpi_county_month for the months touched", List.of(CONFORM)));
    g.add(new Task(SCORES, "gold.kpi_county_month → gold.county_scores (scores, ranks, grades), gold.score_change_parts, gold.rank_uncertainty, gold.target_flags", List.of(KPIS)));
    g.add(new Task(REPORTS, "gold → the latest month's county reports and province leaderboard (HTML, PDF, XLSX) under --reports", List.of(SCORES)));
    g.add(new Task(PUBLISH, "record the gold snapshot (Delta versions) this run publishes in ops.publications", List.of(REPORTS)));
    return g;
  }

  private void add(Task task) {
    for (String dep : task.dependsOn()) {
      if (!tasks.containsKey(dep)) {
        throw new IllegalStateException("task " + task.id() + " depends on " + dep + ", which is not before it");
      }
    }
    if (tasks.put(task.id(), task) != null) {
      throw new IllegalStateException("task " + task.id() + " defined twice");
    }
  }

  public List<Task> tasks() {
    return List.copyOf(tasks.values());
  }

  public Task task(String id) {
    Task task = tasks.get(id);
    if (task == null) {
      throw new IllegalArgumentException("no task " + id + " in the plan; tasks: " + String.join(", ", tasks.keySet()));
    }
    return task;
  }

  public String toText() {
    StringBuilder sb = new StringBuilder("DAG " + DAG_ID + " (" + tasks.size() + " tasks)\n");
    for (Task t : tasks.values()) {
      sb.append(String.format("  %-30s %s%n", t.id(), t.description()));
      sb.append(String.format("  %-30s after: %s%n", "", t.dependsOn().isEmpty() ? "—" : String.join(", ", t.dependsOn())));
    }
    return sb.toString();
  }

  /** {"dag_id": …, "tasks": [{"id", "description", "depends_on": [...]}, …]}, stable key order. */
  public String toJson() {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode().put("dag_id", DAG_ID);
    ArrayNode list = root.putArray("tasks");
    for (Task t : tasks.values()) {
      ObjectNode node = list.addObject().put("id", t.id()).put("description", t.description());
      ArrayNode deps = node.putArray("depends_on");
      t.dependsOn().forEach(deps::add);
    }
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
