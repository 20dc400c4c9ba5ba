package org.tianfu.warehouse.orchestrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tianfu.warehouse.store.Storage;
import org.tianfu.warehouse.store.WarehouseLayout;
import org.tianfu.warehouse.testing.DayByDayWarehouse;
import org.tianfu.warehouse.testing.FreePort;
import org.tianfu.warehouse.testing.LocalS3;
import org.tianfu.warehouse.testing.TableRows;
import org.tianfu.warehouse.testing.TestSpark;

/**
 * The shaded jar on a real Spark standalone cluster, with landing and warehouse on an object store, as
 * docs/operations.md's cluster deployment runs it: a master and two workers on 127.0.0.1 (their classes are in
 * the Spark jars the build already has), a local S3 server holding the exports under
 * {@code s3a://lake/landing}, and the pipeline submitted with {@code SparkSubmit --master
 * spark://127.0.0.1:PORT}, S3A's connector passed with {@code --jars} (as {@code --packages} would bring
 * it) and its settings as {@code spark.hadoop.*}. One worker is killed (with its executor) in the
 * middle of the run: Spark reruns the lost tasks on the other worker, the run finishes, the warehouse on
 * S3 holds the same tables as the local one, and its gold exactly the rows of the local run over the
 * same exports.
 */
class ClusterIT {
  private static final Path LIB = Path.of("target/lib").toAbsolutePath();
  private static final Path JAR = Path.of("target/warehouse-0.1.0-spark.jar").toAbsolutePath();
  private static final List<String> GOLD = List.of("gold.county_scores", "gold.kpi_actuals", "gold.kpi_county_month");

  /** The S3A connector on the test classpath: hadoop-aws and what it needs that Spark's jars lack. */
  private static final List<String> S3A_JARS = List.of("/org/apache/hadoop/hadoop-aws/", "/software/amazon/",
      "/org/reactivestreams/", "/org/wildfly/openssl/", "/org/apache/httpcomponents/");

  @TempDir Path tmp;
  private final List<Process> cluster = new ArrayList<>();
  private LocalS3 s3;

  @AfterEach
  void stop() {
    cluster.forEach(ClusterIT::killTree);
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  void theShadedJarRunsOnAStandaloneClusterOverS3AndSurvivesALostWorker() throws Exception {
    DayByDayWarehouse local = DayByDayWarehouse.get();
    s3 = LocalS3.start(tmp.resolve("s3"));
    s3.upload(local.landing(), "s3a://lake/landing");
    // A file the contract does not name: the scan over the object store reports it, as it does locally.
    try (var out = s3.lake().create(new org.apache.hadoop.fs.Path("s3a://lake/landing/postings/dt=2024-02-01/_SUCCESS"))) {
      out.write(new byte[0]);
    }

    int port = FreePort.pick();
    String master = "spark://127.0.0.1:" + port;
    Path sparkHome = sparkHome();
    cluster.add(daemon(sparkHome, "master", "org.apache.spark.deploy.master.Master",
        "--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", String.valueOf(FreePort.pick())));
    for (int i = 1; i <= 2; i++) {
      cluster.add(daemon(sparkHome, "worker-" + i, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
          "--cores", "1", "--memory", "1g", "--webui-port", "0", "--work-dir", tmp.resolve("work-" + i).toString(), master));
    }
    awaitLog(tmp.resolve("master.log"), "Registering worker", 2);

    Process run = submit(master, "s3a://lake/landing", "s3a://lake/warehouse");
    StringBuilder output = new StringBuilder();
    BufferedReader log = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8));
    String line;
    boolean killed = false;
    while ((line = log.readLine()) != null) {
      output.append(line).append('\n');
      if (!killed && line.startsWith("bronze.postings ")) {
        killTree(cluster.get(1));   // worker 1 and the executor it started, mid-run, as a lost machine goes
        killed = true;
      }
    }
    assertEquals(0, run.waitFor(), output.toString());
    assertTrue(killed, output.toString());
    assertTrue(output.toString().contains("Lost executor"), "Spark noticed the lost worker:\n" + output);
    assertTrue(output.toString().contains("no run lock on s3a://lake/warehouse"), output.toString());
    assertTrue(output.toString().contains("skipped postings/dt=2024-02-01/_SUCCESS: not a .jsonl file"), output.toString());

    SparkSession spark = TestSpark.session();
    s3.settings().forEach(spark.sparkContext().hadoopConfiguration()::set);
    WarehouseLayout onCluster = new WarehouseLayout(Storage.at("s3a://lake/warehouse", spark.sparkContext()::hadoopConfiguration));
    assertEquals(TableRows.dataTables(local.layout()), TableRows.dataTables(onCluster));
    // Whether a table exists is asked of its first commit, one request (WarehouseLayout.committed).
    String deltaLog = "gold/county_scores/_delta_log";
    assertTrue(onCluster.storage().isFile(deltaLog + "/00000000000000000000.json"));
    assertFalse(onCluster.storage().isFile(deltaLog), "a folder is no file");
    assertFalse(onCluster.storage().isFile(deltaLog + "/00000000000000999999.json"));
    for (String table : GOLD) {
      assertEquals(TableRows.sorted(spark, local.layout(), table), TableRows.sorted(spark, onCluster, table), table);
    }
  }

  /** A Spark home as a cluster has one: a RELEASE file and jars/, which the workers put on their executors' classpath. */
  private Path sparkHome() throws IOException {
    Path home = tmp.resolve("spark-home");
    Path jars = Files.createDirectories(home.resolve("jars"));
    Files.writeString(home.resolve("RELEASE"), "Spark and Delta jars of the build, for ClusterIT\n");
    try (Stream<Path> lib = Files.list(LIB)) {
      for (Path jar : lib.toList()) {
        Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar);
      }
    }
    return home;
  }

  private Process daemon(Path sparkHome, String name, String mainClass, String... args) throws IOException {
    List<String> command = java(sparkHome.resolve("jars") + "/*");
    command.add(mainClass);
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(tmp.resolve(name + ".log").toFile());
    environment(pb.environment(), sparkHome);
    return started(pb);
  }

  /** What {@code spark-submit --master URL --jars … --conf … --class … JAR run …} runs: SparkSubmit, the JAR, the command. */
  private Process submit(String master, String landing, String warehouse) throws IOException {
    List<String> command = java(LIB + "/*");
    command.addAll(List.of("org.apache.spark.deploy.SparkSubmit", "--master", master, "--deploy-mode", "client",
        "--class", "org.tianfu.warehouse.cli.Warehouse", "--jars", String.join(",", s3aJars()),
        "--conf", "spark.executor.cores=1", "--conf", "spark.executor.memory=1g", "--conf", "spark.cores.max=2",
        "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1"));
    s3.settings().forEach((k, v) -> command.addAll(List.of("--conf", "spark.hadoop." + k + "=" + v)));
    command.addAll(List.of(JAR.toString(), "run", "--landing", landing, "--warehouse", warehouse));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    environment(pb.environment(), tmp.resolve("spark-home"));
    pb.environment().put("WAREHOUSE_PII_KEY", DayByDayWarehouse.PII_KEY);
    return started(pb);
  }

  private static List<String> s3aJars() {
    List<String> jars = Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(entry -> S3A_JARS.stream().anyMatch(entry::contains)).toList();
    assertEquals(S3A_JARS.size(), S3A_JARS.stream().filter(dir -> jars.stream().anyMatch(j -> j.contains(dir))).count(),
        "the S3A connector's jars on the test classpath: " + jars);
    return jars;
  }

  /** Started, and stopped with the test JVM too (Ctrl-C, a killed build), which @AfterEach does not see. */
  private static Process started(ProcessBuilder pb) throws IOException {
    Process process = pb.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> killTree(process)));
    return process;
  }

  private static List<String> java(String classpath) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g"));
    command.addAll(List.of(Files.readString(Path.of("target/jvm-options")).trim().split("\\s+")));
    command.addAll(List.of("-cp", classpath));
    return command;
  }

  private static void environment(Map<String, String> env, Path sparkHome) {
    env.put("SPARK_HOME", sparkHome.toString());
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("SPARK_SCALA_VERSION", "2.13");
  }

  private static void awaitLog(Path log, String text, int times) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).split(text, -1).length - 1 >= times) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the cluster did not start: " + log + "\n" + (Files.exists(log) ? Files.readString(log) : ""));
  }

  private static void killTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
