package org.tianfu.warehouse.orchestrate;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Where Airflow is and how to log in, from the environment only — never the command line (shell
 * history) or the repository: AIRFLOW_URL, AIRFLOW_TOKEN or AIRFLOW_USERNAME + AIRFLOW_PASSWORD,
 * AIRFLOW_API (v2 for Airflow 3, the default; v1 for Airflow 2), AIRFLOW_DAG_ID,
 * AIRFLOW_TIMEOUT_SECONDS.
 */
public record AirflowSettings(URI baseUrl, String api, String token, String username, String password,
    String dagId, Duration timeout) {

  public static AirflowSettings fromEnvironment(Map<String, String> env) {
    String url = env.get("AIRFLOW_URL");
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("set AIRFLOW_URL (e.g. https://airflow.example:8080) and AIRFLOW_TOKEN,"
          + " or AIRFLOW_USERNAME and AIRFLOW_PASSWORD, in the environment");
    }
    String api = env.getOrDefault("AIRFLOW_API", "v2");
    if (!api.equals("v1") && !api.equals("v2")) {
      throw new IllegalArgumentException("AIRFLOW_API must be v2 (Airflow 3) or v1 (Airflow 2), not " + api);
    }
    String token = env.get("AIRFLOW_TOKEN");
    String user = env.get("AIRFLOW_USERNAME");
    String password = env.get("AIRFLOW_PASSWORD");
    if ((token == null || token.isBlank()) && (user == null || password == null)) {
      throw new IllegalArgumentException("set AIRFLOW_TOKEN, or AIRFLOW_USERNAME and AIRFLOW_PASSWORD, in the environment");
    }
    long seconds;
    try {
      seconds = Long.parseLong(env.getOrDefault("AIRFLOW_TIMEOUT_SECONDS", "30"));
    } catch (NumberFormatException e) {
      seconds = 0;
    }
    if (seconds <= 0) {
      throw new IllegalArgumentException("AIRFLOW_TIMEOUT_SECONDS must be a whole number of seconds above 0");
    }
    return new AirflowSettings(URI.create(url.replaceAll("/+$", "")), api, token, user, password,
        env.getOrDefault("AIRFLOW_DAG_ID", TaskGraph.DAG_ID), Duration.ofSeconds(seconds));
  }
}
