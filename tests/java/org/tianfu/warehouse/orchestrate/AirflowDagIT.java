package org.tianfu.warehouse.orchestrate;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DAG in a real Airflow 3 ({@link LocalAirflow}): the pytest suite tests/airflow/test_dag.py, with a
 * fresh AIRFLOW_HOME on SQLite, checks that it imports, builds the Java plan's tasks and edges, and gives
 * each night the export day before it.
 */
class AirflowDagIT {
  @TempDir Path home;

  @Test
  void theDagParsesAndIsThePlanInARealAirflow() throws Exception {
    try (LocalAirflow airflow = new LocalAirflow(home)) {
      System.out.println(airflow.pytest("tests/airflow/test_dag.py").lines().reduce((a, b) -> b).orElse(""));
    }
  }
}
