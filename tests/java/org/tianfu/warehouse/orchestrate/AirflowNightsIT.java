package org.tianfu.warehouse.orchestrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tianfu.warehouse.contract.LandingTimestamps;
import org.tianfu.warehouse.generate.GeneratorOptions;
import org.tianfu.warehouse.generate.LandingGenerator;
import org.tianfu.warehouse.store.WarehouseLayout;
import org.tianfu.warehouse.testing.TableRows;
import org.tianfu.warehouse.testing.TestSpark;

/**
 * Nights of the DAG in a real Airflow 3 ({@link LocalAirflow}: scheduler, API server, triggerer, SQLite),
 * every task a {@code spark-submit} of the shaded job jar from pyspark, local master, the Delta package
 * resolved from Maven Central. The latest night runs as scheduled; the two days before it are a backfill
 * through the official Python client (tests/airflow/live), whose trigger of the scheduled day is refused;
 * the runs do not overlap; the warehouse equals, table by table and row by row, what {@code run} writes
 * over the same exports. A corrected re-export is rerun through the client and the warehouse equals a
 * build of the corrected exports. A missing PII key fails a run after its retries, with the failure
 * callback's line; the deadline alert fires; and {@code bin/warehouse airflow trigger/status} work
 * against the same API server with Airflow 3's token login.
 */
class AirflowNightsIT {
  private static final byte[] KEY = "airflow-nights".getBytes(StandardCharsets.UTF_8);

  @TempDir Path tmp;

  @Test
  void nightsBackfillRerunAndFailuresInARealAirflow() throws Exception {
    // The scheduler's first night is the latest whole interval [D 02:00, D+1 02:00) Shanghai: D is yesterday's date
    // 02:00 ago. The landing holds D and the two days before it.
    LocalDate last = ZonedDateTime.now(LandingTimestamps.SHANGHAI).minusHours(26).toLocalDate();
    List<LocalDate> days = List.of(last.minusDays(2), last.minusDays(1), last);
    Path landing = tmp.resolve("landing");
    new LandingGenerator(new GeneratorOptions(landing, days.get(0), last, 0.005, 5L, 0.01, false)).run();
    Path warehouse = tmp.resolve("warehouse");
    Path keyFile = tmp.resolve("pii.key");
    Files.write(keyFile, KEY);

    try (LocalAirflow airflow = new LocalAirflow(Files.createDirectories(tmp.resolve("airflow")))) {
      configure(airflow, landing, warehouse, keyFile);
      airflow.env.put("TIANFU_DAYS", days.stream().map(LocalDate::toString).collect(Collectors.joining(",")));
      airflow.env.put("TIANFU_STANDALONE_LOG", airflow.standaloneLog().toString());
      airflow.start();

      airflow.pytest("tests/airflow/live/test_1_backfill.py");
      assertSameData(reference(landing, days), new WarehouseLayout(warehouse));

      correct(landing, days.get(1));
      airflow.pytest("tests/airflow/live/test_2_rerun.py");
      assertSameData(reference(landing, days), new WarehouseLayout(warehouse));

      airflow.pytest("tests/airflow/live/test_3_failure.py");

      String trigger = airflow.run(List.of("bin/warehouse", "airflow", "trigger", "--from", last.toString(), "--to",
          last.toString()), 2);
      assertTrue(trigger.contains(last + "  scheduled__") && trigger.contains("already has this run (success)"), trigger);
      String status = airflow.run(List.of("bin/warehouse", "airflow", "status", "--limit", "10"), 2);
      assertTrue(status.lines().anyMatch(l -> l.startsWith("failing__tianfu__") && l.contains("ingest")), status);
    }
  }

  /** The Variables the DAG reads, the Spark connection as JSON, and a retry delay and deadline short enough to test. */
  private static void configure(LocalAirflow airflow, Path landing, Path warehouse, Path keyFile) throws Exception {
    Path jar = LocalAirflow.ROOT.resolve("target/warehouse-0.1.0-spark.jar");
    Path variables = airflow.home.resolve("variables.json");
    Files.writeString(variables, "{\"tianfu_jar\": \"" + jar + "\", \"tianfu_landing\": \"" + landing
        + "\", \"tianfu_warehouse\": \"" + warehouse + "\", \"tianfu_pii_key_file\": \"" + keyFile + "\"}");
    airflow.airflow("variables", "import", variables.toString());
    // spark-submit --packages asks Ivy, which tries ~/.m2 first and fails on a POM there without its jar
    // (Maven fetches POMs alone): these settings name Maven Central only.
    Path ivy = airflow.home.resolve("ivysettings.xml");
    Files.writeString(ivy, "<ivysettings><settings defaultResolver=\"central\"/><resolvers><ibiblio name=\"central\""
        + " m2compatible=\"true\" root=\"https://repo.maven.apache.org/maven2/\"/></resolvers></ivysettings>");
    Path sparkConf = Files.createDirectories(airflow.home.resolve("spark-conf"));
    Files.writeString(sparkConf.resolve("spark-defaults.conf"), "spark.jars.ivySettings " + ivy + "\n");
    airflow.env.put("SPARK_CONF_DIR", sparkConf.toString());
    airflow.env.put("AIRFLOW_CONN_TIANFU_SPARK", "{\"conn_type\": \"spark\", \"host\": \"local[2]\"}");
    airflow.env.put("TIANFU_RETRY_DELAY_SECONDS", "1");
    airflow.env.put("TIANFU_DEADLINE_SECONDS", "30");
  }

  /** A corrected re-export of a day: its first registrations file loses its last line. */
  private static void correct(Path landing, LocalDate day) throws Exception {
    Path file;
    try (Stream<Path> files = Files.list(landing.resolve("registrations").resolve("dt=" + day))) {
      file = files.filter(f -> f.toString().endsWith(".jsonl")).sorted().findFirst().orElseThrow();
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Files.write(file, lines.subList(0, lines.size() - 1), StandardCharsets.UTF_8);
  }

  /** What {@code run} writes over the same exports, in one process. */
  private WarehouseLayout reference(Path landing, List<LocalDate> days) throws Exception {
    Path dir = Files.createTempDirectory(tmp, "reference");
    new Runner(TestSpark.session(), dir.toString(), KEY, s -> { })
        .run(new RunRequest(landing.toString(), days.get(0), days.get(days.size() - 1), null, null, false, "reference"));
    return new WarehouseLayout(dir);
  }

  private static void assertSameData(WarehouseLayout expected, WarehouseLayout actual) {
    SparkSession spark = TestSpark.session();
    assertEquals(TableRows.dataTables(expected), TableRows.dataTables(actual));
    for (String table : TableRows.dataTables(expected)) {
      assertEquals(TableRows.sorted(spark, expected, table), TableRows.sorted(spark, actual, table), table);
    }
  }
}
