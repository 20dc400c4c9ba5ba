package org.tianfu.warehouse.orchestrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small HTTP server on 127.0.0.1 that answers the few endpoints the client uses as Airflow's
 * published OpenAPI specifications say (v2: Airflow 3 with JWT from /auth/token; v1: Airflow 2
 * with basic auth): 401 without valid credentials, 404 for an unknown DAG, 409 for a run id or a
 * logical date that exists, DAGRunCollection (filtered by logical date) and TaskInstanceCollection
 * bodies. AirflowDagIT checks the DAG itself in a real Airflow.
 */
final class FakeAirflow implements AutoCloseable {
  static final String DAG = "tianfu_warehouse_nightly";
  private static final ObjectMapper JSON = new ObjectMapper();

  final String api;
  final Map<String, ObjectNode> runs = new LinkedHashMap<>();
  final List<String> requests = new ArrayList<>();
  volatile long delayMillis;
  private final HttpServer server;

  FakeAirflow(String api) throws IOException {
    this.api = api;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Adds a run as the scheduler would have made it, with failed tasks if any. */
  void existingRun(String runId, String state, String... failedTasks) {
    existingRunOn("2024-03-01T02:00+08:00", runId, state, failedTasks);
  }

  /** Adds a run of the given logical date (also its data interval's start). */
  void existingRunOn(String logicalDate, String runId, String state, String... failedTasks) {
    ObjectNode run = JSON.createObjectNode().put("dag_run_id", runId).put("dag_id", DAG).put("state", state)
        .put("logical_date", logicalDate).put("data_interval_start", logicalDate).put("start_date", "2024-03-02T02:00:05+08:00")
        .put("end_date", "2024-03-02T02:41:00+08:00");
    ArrayNode failed = run.putArray("_failed");
    for (String t : failedTasks) {
      failed.add(t);
    }
    runs.put(runId, run);
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String query = ex.getRequestURI().getRawQuery();
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    synchronized (requests) {
      requests.add(ex.getRequestMethod() + " " + path + (query == null ? "" : "?" + query) + (body.isEmpty() ? "" : " " + body));
    }
    try {
      Thread.sleep(delayMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (api.equals("v2") && path.equals("/auth/token") && ex.getRequestMethod().equals("POST")) {
      JsonNode login = JSON.readTree(body);
      if ("admin".equals(login.path("username").asText()) && "secret".equals(login.path("password").asText())) {
        reply(ex, 201, JSON.createObjectNode().put("access_token", "jwt-token"));
      } else {
        reply(ex, 401, JSON.createObjectNode().put("detail", "Invalid credentials"));
      }
      return;
    }
    String expected = api.equals("v2") ? "Bearer jwt-token"
        : "Basic " + Base64.getEncoder().encodeToString("admin:secret".getBytes(StandardCharsets.UTF_8));
    if (!expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
      reply(ex, 401, JSON.createObjectNode().put("detail", "Not authenticated"));
      return;
    }
    String prefix = "/api/" + api + "/dags/";
    if (!path.startsWith(prefix)) {
      reply(ex, 404, JSON.createObjectNode().put("detail", "Not Found"));
      return;
    }
    String[] parts = path.substring(prefix.length()).split("/");
    if (!parts[0].equals(DAG)) {
      reply(ex, 404, JSON.createObjectNode().put("detail", "The Dag with ID: `" + parts[0] + "` was not found"));
      return;
    }
    if (parts.length == 2 && parts[1].equals("dagRuns") && ex.getRequestMethod().equals("POST")) {
      JsonNode request = JSON.readTree(body);
      String runId = request.path("dag_run_id").asText();
      String logicalDate = request.path("logical_date").asText();
      if (runs.containsKey(runId) || runs.values().stream().anyMatch(r -> r.path("logical_date").asText().equals(logicalDate))) {
        reply(ex, 409, JSON.createObjectNode().put("detail", "Unique constraint violation"));
        return;
      }
      existingRunOn(logicalDate, runId, "queued");
      reply(ex, 200, withoutFailed(runs.get(runId)));
    } else if (parts.length == 2 && parts[1].equals("dagRuns")) {
      String field = api.equals("v2") ? "logical_date_gte=" : "execution_date_gte=";
      String at = query != null && query.contains(field)
          ? java.net.URLDecoder.decode(query.split(field)[1].split("&")[0], StandardCharsets.UTF_8) : null;
      ObjectNode collection = JSON.createObjectNode();
      ArrayNode list = collection.putArray("dag_runs");
      List<ObjectNode> newestFirst = new ArrayList<>(runs.values());
      java.util.Collections.reverse(newestFirst);
      newestFirst.stream().filter(r -> at == null || r.path("logical_date").asText().equals(at))
          .forEach(r -> list.add(withoutFailed(r)));
      collection.put("total_entries", runs.size());
      reply(ex, 200, collection);
    } else if (parts.length == 4 && parts[3].equals("taskInstances") && runs.containsKey(parts[2])) {
      ObjectNode collection = JSON.createObjectNode();
      ArrayNode list = collection.putArray("task_instances");
      runs.get(parts[2]).path("_failed").forEach(t -> list.addObject().put("task_id", t.asText()).put("state", "failed"));
      collection.put("total_entries", list.size());
      reply(ex, 200, collection);
    } else {
      reply(ex, 404, JSON.createObjectNode().put("detail", "Not Found"));
    }
  }

  private static ObjectNode withoutFailed(ObjectNode run) {
    ObjectNode copy = run.deepCopy();
    copy.remove("_failed");
    return copy;
  }

  private static void reply(HttpExchange ex, int status, JsonNode body) throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    try {
      ex.sendResponseHeaders(status, bytes.length);
      ex.getResponseBody().write(bytes);
    } catch (IOException e) {
      // the client gave up (timeout test): nothing to answer
    } finally {
      ex.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
