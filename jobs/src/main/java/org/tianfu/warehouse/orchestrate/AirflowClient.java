package org.tianfu.warehouse.orchestrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.tianfu.warehouse.contract.LandingTimestamps;

/**
 * Drives the nightly DAG through Airflow's stable REST API: v2 on Airflow 3 (JWT from
 * {@code /auth/token}), v1 on Airflow 2 (basic auth). One DAG run per export day D, with the data
 * interval the schedule gives it — [D 02:00, D+1 02:00) Asia/Shanghai — and run id
 * {@code manual__tianfu__D}. Airflow refuses (409) a day that already has a run of that logical date,
 * scheduled or triggered; the outcome names that run.
 */
public final class AirflowClient {
  /** The outcome of triggering one export day. */
  public record Triggered(LocalDate day, String runId, String outcome) {}

  /** One DAG run and the tasks that failed in it. */
  public record DagRun(String runId, String state, String dataIntervalStart, String startDate, String endDate,
      List<String> failedTasks) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final AirflowSettings settings;
  private final HttpClient http;
  private String authorization;

  public AirflowClient(AirflowSettings settings) {
    this.settings = settings;
    // HTTP/1.1: over http:// the JDK's default asks to upgrade to HTTP/2, and Airflow 3's API server
    // (uvicorn) answers a login request that does so with 400 "Invalid HTTP request received".
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout()).build();
  }

  public List<Triggered> trigger(LocalDate from, LocalDate to) {
    List<Triggered> out = new ArrayList<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      String runId = "manual__tianfu__" + day;
      ZonedDateTime start = day.atTime(LocalTime.of(2, 0)).atZone(LandingTimestamps.SHANGHAI);
      ObjectNode body = JSON.createObjectNode()
          .put("dag_run_id", runId)
          .put("logical_date", start.toOffsetDateTime().toString())
          .put("data_interval_start", start.toOffsetDateTime().toString())
          .put("data_interval_end", start.plusDays(1).toOffsetDateTime().toString())
          .put("note", "triggered by bin/warehouse airflow trigger");
      body.putObject("conf");
      HttpResponse<String> response = send(HttpRequest.newBuilder(uri(dagPath() + "/dagRuns"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
      if (response.statusCode() == 409) {
        out.add(collided(day, start));
      } else {
        expectOk(response, "trigger " + runId);
        out.add(new Triggered(day, runId, "queued"));
      }
    }
    return out;
  }

  /**
   * What a trigger of day D collided with: the run that holds D's logical date, scheduled or triggered
   * (its id need not be {@code manual__tianfu__D}).
   */
  private Triggered collided(LocalDate day, ZonedDateTime logicalDate) {
    String at = URLEncoder.encode(logicalDate.toOffsetDateTime().toString(), StandardCharsets.UTF_8);
    String field = settings.api().equals("v2") ? "logical_date" : "execution_date";
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri(dagPath() + "/dagRuns?limit=1&" + field + "_gte="
        + at + "&" + field + "_lte=" + at)).GET());
    expectOk(response, "find the run of export day " + day);
    JsonNode run = read(response).path("dag_runs").path(0);
    if (run.isMissingNode()) {
      return new Triggered(day, null, "refused by Airflow (409), and no run of that day found");
    }
    return new Triggered(day, run.path("dag_run_id").asText(), "already has this run (" + run.path("state").asText()
        + "): not queued again; clear it in Airflow to run it again");
  }

  /** The most recent DAG runs, newest first, with their failed tasks. */
  public List<DagRun> recentRuns(int limit) {
    String order = settings.api().equals("v2") ? "-run_after" : "-execution_date";
    HttpResponse<String> response = send(HttpRequest.newBuilder(
        uri(dagPath() + "/dagRuns?limit=" + limit + "&order_by=" + order)).GET());
    expectOk(response, "list DAG runs");
    List<DagRun> runs = new ArrayList<>();
    for (JsonNode run : read(response).path("dag_runs")) {
      String runId = run.path("dag_run_id").asText();
      List<String> failed = new ArrayList<>();
      if ("failed".equals(run.path("state").asText())) {
        HttpResponse<String> tis = send(HttpRequest.newBuilder(uri(dagPath() + "/dagRuns/"
            + URLEncoder.encode(runId, StandardCharsets.UTF_8) + "/taskInstances?state=failed")).GET());
        expectOk(tis, "list failed tasks of " + runId);
        read(tis).path("task_instances").forEach(ti -> failed.add(ti.path("task_id").asText()));
      }
      runs.add(new DagRun(runId, run.path("state").asText(), run.path("data_interval_start").asText(null),
          run.path("start_date").asText(null), run.path("end_date").asText(null), failed));
    }
    return runs;
  }

  private String dagPath() {
    return "/api/" + settings.api() + "/dags/" + URLEncoder.encode(settings.dagId(), StandardCharsets.UTF_8);
  }

  private java.net.URI uri(String path) {
    return java.net.URI.create(settings.baseUrl() + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    request.timeout(settings.timeout()).header("Accept", "application/json")
        .header("Authorization", authorization());
    HttpResponse<String> response = exchange(request.build());
    if (response.statusCode() == 401) {
      throw new IllegalArgumentException("Airflow at " + settings.baseUrl() + " refused the credentials (401):"
          + " check AIRFLOW_TOKEN or AIRFLOW_USERNAME/AIRFLOW_PASSWORD");
    }
    if (response.statusCode() == 404) {
      throw new IllegalArgumentException("Airflow at " + settings.baseUrl() + " has no DAG " + settings.dagId()
          + " (404): deploy dags/ or set AIRFLOW_DAG_ID");
    }
    return response;
  }

  private String authorization() {
    if (authorization != null) {
      return authorization;
    }
    if (settings.token() != null && !settings.token().isBlank()) {
      authorization = "Bearer " + settings.token();
    } else if (settings.api().equals("v1")) {
      authorization = "Basic " + Base64.getEncoder().encodeToString(
          (settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
    } else {
      ObjectNode login = JSON.createObjectNode().put("username", settings.username()).put("password", settings.password());
      HttpResponse<String> response = exchange(HttpRequest.newBuilder(uri("/auth/token"))
          .timeout(settings.timeout()).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(login.toString())).build());
      if (response.statusCode() == 401 || response.statusCode() == 403) {
        throw new IllegalArgumentException("Airflow at " + settings.baseUrl() + " refused the login of "
            + settings.username() + " (" + response.statusCode() + "): check AIRFLOW_USERNAME/AIRFLOW_PASSWORD");
      }
      expectOk(response, "log in");
      authorization = "Bearer " + read(response).path("access_token").asText();
    }
    return authorization;
  }

  private HttpResponse<String> exchange(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new AirflowUnavailableException("Airflow at " + settings.baseUrl() + " did not answer within "
          + settings.timeout().toSeconds() + " s (AIRFLOW_TIMEOUT_SECONDS)");
    } catch (ConnectException e) {
      throw new AirflowUnavailableException("cannot connect to Airflow at " + settings.baseUrl());
    } catch (IOException e) {
      throw new AirflowUnavailableException("talking to Airflow at " + settings.baseUrl() + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AirflowUnavailableException("interrupted while waiting for Airflow");
    }
  }

  private static void expectOk(HttpResponse<String> response, String what) {
    if (response.statusCode() / 100 != 2) {
      String detail = response.body().length() > 300 ? response.body().substring(0, 300) : response.body();
      throw new AirflowUnavailableException("Airflow could not " + what + " (HTTP " + response.statusCode() + "): " + detail);
    }
  }

  private static JsonNode read(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AirflowUnavailableException("Airflow answered with something that is not JSON: " + e.getMessage());
    }
  }
}
