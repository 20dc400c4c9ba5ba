package org.tianfu.warehouse.orchestrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.tianfu.warehouse.testing.FreePort;

/**
 * A real Airflow 3 for the tests, from tests/airflow/requirements-airflow.lock (installed once per lock
 * by tests/airflow/venv, outside the clone): an AIRFLOW_HOME on SQLite with the project's DAGs and
 * plugins folders, its commands run with that environment, and {@code airflow standalone} (API
 * server, scheduler, DAG processor, triggerer) on a loopback port when a test needs one.
 */
final class LocalAirflow implements AutoCloseable {
  static final Path ROOT = Path.of("").toAbsolutePath();
  static final String USER = "admin";
  static final String PASSWORD = "tianfu-test";

  final Path home;
  final String venv;
  final Map<String, String> env = new HashMap<>();
  private Process standalone;

  LocalAirflow(Path home) throws IOException, InterruptedException {
    this.home = home;
    this.venv = run(List.of("tests/airflow/venv"), 20).lines().reduce((a, b) -> b).orElseThrow();
    int port = FreePort.pick();
    Files.writeString(home.resolve("passwords.json"), "{\"" + USER + "\": \"" + PASSWORD + "\"}");
    env.putAll(Map.of(
        "PATH", venv + "/bin:" + System.getenv("PATH"),
        "AIRFLOW_HOME", home.toString(),
        "AIRFLOW__CORE__DAGS_FOLDER", ROOT.resolve("dags").toString(),
        "AIRFLOW__CORE__PLUGINS_FOLDER", ROOT.resolve("dags/plugins").toString(),
        "AIRFLOW__CORE__LOAD_EXAMPLES", "False",
        "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE", home.resolve("passwords.json").toString(),
        "AIRFLOW__API__PORT", Integer.toString(port),
        "AIRFLOW__API__BASE_URL", url(port),
        "PYTHONPATH", ROOT.resolve("dags").toString()));
    env.putAll(Map.of("AIRFLOW_URL", url(port), "AIRFLOW_USERNAME", USER, "AIRFLOW_PASSWORD", PASSWORD));
    airflow("db", "migrate");
  }

  private static String url(int port) {
    return "http://127.0.0.1:" + port;
  }

  String url() {
    return env.get("AIRFLOW_URL");
  }

  /** Runs a command in the project folder with this Airflow's environment; fails the test unless it exits 0. */
  String run(List<String> command, long minutes) throws IOException, InterruptedException {
    Path log = Files.createTempFile(home, "command", ".log");
    List<String> resolved = new ArrayList<>(command);
    if (venv != null && Files.isExecutable(Path.of(venv, "bin", command.get(0)))) {
      resolved.set(0, venv + "/bin/" + command.get(0));   // ProcessBuilder looks up our PATH, not the child's
    }
    ProcessBuilder pb = new ProcessBuilder(resolved).directory(ROOT.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    environment(pb);
    Process p = pb.start();
    boolean done = p.waitFor(minutes, TimeUnit.MINUTES);
    if (!done) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(done, String.join(" ", command) + " did not finish in " + minutes + " min:\n" + out);
    assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + out);
    return out;
  }

  /**
   * This Airflow's environment. Without the test JVM's WAREHOUSE_PII_KEY: it would override the key file
   * the DAG passes to spark-submit, as it would on a worker where it is set.
   */
  private void environment(ProcessBuilder pb) {
    pb.environment().remove("WAREHOUSE_PII_KEY");
    pb.environment().putAll(env);
  }

  String airflow(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("airflow"));
    command.addAll(List.of(args));
    return run(command, 5);
  }

  String pytest(String path) throws IOException, InterruptedException {
    String out = run(List.of("pytest", "-p", "no:cacheprovider", "-q", path), 25);
    assertTrue(out.contains(" passed"), out);
    return out;
  }

  /** Starts the API server, scheduler, DAG processor and triggerer, and waits until the API answers. */
  void start() throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(venv + "/bin/airflow", "standalone").directory(ROOT.toFile())
        .redirectErrorStream(true).redirectOutput(standaloneLog().toFile());
    environment(pb);
    standalone = pb.start();
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < 180; i++) {
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url() + "/api/v2/monitor/health"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("\"triggerer\":{\"status\":\"healthy\"")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      assertTrue(standalone.isAlive(), "airflow standalone exited:\n" + Files.readString(standaloneLog()));
      Thread.sleep(1000);
    }
    throw new AssertionError("Airflow did not become healthy in 3 minutes:\n" + Files.readString(standaloneLog()));
  }

  Path standaloneLog() {
    return home.resolve("standalone.log");
  }

  @Override
  public void close() {
    if (standalone != null) {
      standalone.descendants().forEach(ProcessHandle::destroy);
      standalone.destroy();
      try {
        if (!standalone.waitFor(30, TimeUnit.SECONDS)) {
          standalone.descendants().forEach(ProcessHandle::destroyForcibly);
          standalone.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
