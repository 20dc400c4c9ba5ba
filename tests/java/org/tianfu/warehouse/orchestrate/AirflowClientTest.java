package org.tianfu.warehouse.orchestrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AirflowClientTest {
  private static AirflowClient client(FakeAirflow airflow, Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>(Map.of("AIRFLOW_URL", airflow.url() + "/", "AIRFLOW_API", airflow.api,
        "AIRFLOW_USERNAME", "admin", "AIRFLOW_PASSWORD", "secret", "AIRFLOW_TIMEOUT_SECONDS", "2"));
    env.putAll(overrides);
    return new AirflowClient(AirflowSettings.fromEnvironment(env));
  }

  @Test
  void triggerQueuesOneRunPerExportDayWithItsDataIntervalOnAirflow3() throws Exception {
    try (FakeAirflow airflow = new FakeAirflow("v2")) {
      // The scheduler's run of 2 March holds that day's logical date: a trigger of the day collides with it.
      airflow.existingRunOn("2024-03-02T02:00+08:00", "scheduled__2024-03-01T18:00:00+00:00", "success");
      List<AirflowClient.Triggered> result = client(airflow, Map.of())
          .trigger(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 3));
      assertEquals(List.of(
          new AirflowClient.Triggered(LocalDate.of(2024, 3, 1), "manual__tianfu__2024-03-01", "queued"),
          new AirflowClient.Triggered(LocalDate.of(2024, 3, 2), "scheduled__2024-03-01T18:00:00+00:00",
              "already has this run (success): not queued again; clear it in Airflow to run it again"),
          new AirflowClient.Triggered(LocalDate.of(2024, 3, 3), "manual__tianfu__2024-03-03", "queued")), result);
      assertEquals("POST /auth/token {\"username\":\"admin\",\"password\":\"secret\"}", airflow.requests.get(0));
      assertEquals("POST /api/v2/dags/tianfu_warehouse_nightly/dagRuns {\"dag_run_id\":\"manual__tianfu__2024-03-01\","
          + "\"logical_date\":\"2024-03-01T02:00+08:00\",\"data_interval_start\":\"2024-03-01T02:00+08:00\","
          + "\"data_interval_end\":\"2024-03-02T02:00+08:00\",\"note\":\"triggered by bin/warehouse airflow trigger\","
          + "\"conf\":{}}", airflow.requests.get(1));
      assertEquals("GET /api/v2/dags/tianfu_warehouse_nightly/dagRuns?limit=1&logical_date_gte=2024-03-02T02%3A00%2B08%3A00"
          + "&logical_date_lte=2024-03-02T02%3A00%2B08%3A00", airflow.requests.get(3));
      assertEquals(5, airflow.requests.size(), "one login, then one request per day and one for the collision");
    }
  }

  @Test
  void statusListsRecentRunsAndTheFailedTasksOnAirflow2() throws Exception {
    try (FakeAirflow airflow = new FakeAirflow("v1")) {
      airflow.existingRun("scheduled__2024-03-01", "success");
      airflow.existingRun("scheduled__2024-03-02", "failed", "ingest", "conform");
      List<AirflowClient.DagRun> runs = client(airflow, Map.of()).recentRuns(5);
      assertEquals(List.of("scheduled__2024-03-02", "scheduled__2024-03-01"), runs.stream().map(AirflowClient.DagRun::runId).toList());
      assertEquals(List.of("ingest", "conform"), runs.get(0).failedTasks());
      assertEquals(List.of(), runs.get(1).failedTasks());
      assertEquals("GET /api/v1/dags/tianfu_warehouse_nightly/dagRuns?limit=5&order_by=-execution_date", airflow.requests.get(0));
    }
  }

  @Test
  void wrongCredentialsUnknownDagAndSilenceAreClearErrors() throws Exception {
    try (FakeAirflow airflow = new FakeAirflow("v2")) {
      IllegalArgumentException login = assertThrows(IllegalArgumentException.class,
          () -> client(airflow, Map.of("AIRFLOW_PASSWORD", "wrong")).recentRuns(5));
      assertEquals("Airflow at " + airflow.url() + " refused the login of admin (401): check AIRFLOW_USERNAME/AIRFLOW_PASSWORD",
          login.getMessage());
      IllegalArgumentException token = assertThrows(IllegalArgumentException.class,
          () -> client(airflow, Map.of("AIRFLOW_TOKEN", "stale")).recentRuns(5));
      assertTrue(token.getMessage().endsWith("refused the credentials (401): check AIRFLOW_TOKEN or AIRFLOW_USERNAME/AIRFLOW_PASSWORD"));
      IllegalArgumentException dag = assertThrows(IllegalArgumentException.class,
          () -> client(airflow, Map.of("AIRFLOW_DAG_ID", "nope")).recentRuns(5));
      assertEquals("Airflow at " + airflow.url() + " has no DAG nope (404): deploy dags/ or set AIRFLOW_DAG_ID", dag.getMessage());

      airflow.delayMillis = 3_000;
      AirflowUnavailableException slow = assertThrows(AirflowUnavailableException.class,
          () -> client(airflow, Map.of("AIRFLOW_TOKEN", "jwt-token")).recentRuns(5));
      assertEquals("Airflow at " + airflow.url() + " did not answer within 2 s (AIRFLOW_TIMEOUT_SECONDS)", slow.getMessage());
    }
  }

  @Test
  void settingsComeFromTheEnvironmentOnly() {
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> AirflowSettings.fromEnvironment(Map.of()));
    assertTrue(none.getMessage().startsWith("set AIRFLOW_URL"));
    IllegalArgumentException noCredentials = assertThrows(IllegalArgumentException.class,
        () -> AirflowSettings.fromEnvironment(Map.of("AIRFLOW_URL", "http://x")));
    assertEquals("set AIRFLOW_TOKEN, or AIRFLOW_USERNAME and AIRFLOW_PASSWORD, in the environment", noCredentials.getMessage());
    for (String timeout : new String[] {"0", "-5", "soon"}) {
      IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> AirflowSettings.fromEnvironment(
          Map.of("AIRFLOW_URL", "http://x", "AIRFLOW_TOKEN", "t", "AIRFLOW_TIMEOUT_SECONDS", timeout)));
      assertEquals("AIRFLOW_TIMEOUT_SECONDS must be a whole number of seconds above 0", bad.getMessage());
    }
  }
}
