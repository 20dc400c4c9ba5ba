package org.tianfu.warehouse.orchestrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DAG in a real Airflow 3 (the versions of tests/airflow/requirements-airflow.lock, installed by
 * tests/airflow/venv outside the clone and reused): the pytest suite of tests/airflow, with a fresh
 * AIRFLOW_HOME on SQLite, checks that it imports, builds the Java plan's tasks and edges, and gives
 * each night the export day before it.
 */
class AirflowDagIT {
  private static final Path ROOT = Path.of("").toAbsolutePath();

  @TempDir Path home;

  private String run(Map<String, String> env, long minutes, List<String> command) throws IOException, InterruptedException {
    Path log = home.resolve("out.log");
    ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().putAll(env);
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

  @Test
  void theDagParsesAndIsThePlanInARealAirflow() throws Exception {
    String venv = run(Map.of(), 20, List.of("tests/airflow/venv")).lines().reduce((a, b) -> b).orElseThrow();
    Map<String, String> env = Map.of(
        "PATH", venv + "/bin:" + System.getenv("PATH"),
        "AIRFLOW_HOME", home.toString(),
        "AIRFLOW__CORE__DAGS_FOLDER", ROOT.resolve("dags").toString(),
        "AIRFLOW__CORE__PLUGINS_FOLDER", ROOT.resolve("dags/plugins").toString(),
        "AIRFLOW__CORE__LOAD_EXAMPLES", "False",
        "PYTHONPATH", ROOT.resolve("dags").toString());
    run(env, 5, List.of(venv + "/bin/airflow", "db", "migrate"));
    String out = run(env, 10, List.of(venv + "/bin/pytest", "-p", "no:cacheprovider", "-q", "tests/airflow"));
    assertTrue(out.contains(" passed"), out);
    System.out.println(out.lines().reduce((a, b) -> b).orElse(""));
  }
}
