package org.tianfu.warehouse.orchestrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tianfu.warehouse.store.Storage;
import org.tianfu.warehouse.store.WarehouseLayout;
import org.tianfu.warehouse.testing.DayByDayWarehouse;
import org.tianfu.warehouse.testing.TableRows;
import org.tianfu.warehouse.testing.TestSpark;

/**
 * Landing and warehouse on an object store: a local S3 server (s3rver, from npm) holds both, the
 * exports are uploaded to {@code s3a://lake/landing}, and {@code warehouse run} is started as a user
 * starts it, with s3a:// URIs and the S3A settings as {@code spark.hadoop.*} properties. Gold must equal,
 * row for row, gold of the local warehouse built from the same exports.
 */
class ObjectStoreIT {
  private static final Path SERVER = Path.of("target/objectstore").toAbsolutePath();
  private static final List<String> GOLD = List.of("gold.county_scores", "gold.kpi_actuals", "gold.kpi_county_month");

  @TempDir Path tmp;
  private Process server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.destroyForcibly();
    }
  }

  @Test
  void theNightlyRunReadsAndWritesS3AUris() throws Exception {
    DayByDayWarehouse local = DayByDayWarehouse.get();
    Map<String, String> s3a = startServer();
    Configuration hadoop = new Configuration();
    s3a.forEach(hadoop::set);
    FileSystem lake = FileSystem.get(URI.create("s3a://lake/"), hadoop);
    upload(local.landing(), lake, "s3a://lake/landing");
    // A file the contract does not name: the scan over the object store reports it, as it does locally.
    try (var out = lake.create(new org.apache.hadoop.fs.Path("s3a://lake/landing/postings/dt=2024-02-01/_SUCCESS"))) {
      out.write(new byte[0]);
    }

    Process run = warehouseRun(s3a, "s3a://lake/landing", "s3a://lake/warehouse");
    String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, run.waitFor(), output);
    assertTrue(output.contains("no run lock on s3a://lake/warehouse"), output);
    assertTrue(output.contains("skipped postings/dt=2024-02-01/_SUCCESS: not a .jsonl file"), output);

    SparkSession spark = TestSpark.session();
    s3a.forEach(spark.sparkContext().hadoopConfiguration()::set);
    WarehouseLayout onS3 = new WarehouseLayout(Storage.at("s3a://lake/warehouse", spark.sparkContext()::hadoopConfiguration));
    assertEquals(TableRows.dataTables(local.layout()), TableRows.dataTables(onS3));
    // Whether a table exists is asked of its first commit, one request (WarehouseLayout.committed).
    String log = "gold/county_scores/_delta_log";
    assertTrue(onS3.storage().isFile(log + "/00000000000000000000.json"));
    assertFalse(onS3.storage().isFile(log), "a folder is no file");
    assertFalse(onS3.storage().isFile(log + "/00000000000000999999.json"));
    for (String table : GOLD) {
      assertEquals(TableRows.sorted(spark, local.layout(), table), TableRows.sorted(spark, onS3, table), table);
    }
  }

  /**
   * Every file under {@code dir}, written through S3A's output stream (the upload path Delta's writes take;
   * {@code copyFromLocalFile} goes through the SDK's transfer manager, whose signed uploads s3rver refuses).
   */
  private static void upload(Path dir, FileSystem lake, String target) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        try (var out = lake.create(new org.apache.hadoop.fs.Path(target + "/" + dir.relativize(file)))) {
          Files.copy(file, out);
        }
      }
    }
  }

  /** Starts s3rver with one bucket, "lake"; returns the S3A settings that reach it. */
  private Map<String, String> startServer() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ProcessBuilder pb = new ProcessBuilder("node", SERVER.resolve("s3rver.js").toString(),
        Files.createDirectories(tmp.resolve("s3")).toString(), String.valueOf(port), "lake").redirectErrorStream(true);
    // s3rver's list continuation tokens use DES, which OpenSSL 3 keeps in its legacy provider.
    pb.environment().put("NODE_OPTIONS", "--openssl-legacy-provider");
    pb.environment().put("NODE_PATH", SERVER.resolve("node_modules").toString());
    server = pb.start();
    String first = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
    assertEquals("listening", first, "s3rver did not start");
    Map<String, String> s3a = new LinkedHashMap<>();
    s3a.put("fs.s3a.endpoint", "http://127.0.0.1:" + port);
    s3a.put("fs.s3a.endpoint.region", "us-east-1");
    s3a.put("fs.s3a.path.style.access", "true");
    s3a.put("fs.s3a.connection.ssl.enabled", "false");
    s3a.put("fs.s3a.access.key", "S3RVER");
    s3a.put("fs.s3a.secret.key", "S3RVER");
    return s3a;
  }

  /** {@code warehouse run} in a JVM of its own, on the test classpath (which has hadoop-aws and the AWS SDK). */
  private static Process warehouseRun(Map<String, String> s3a, String landing, String warehouse) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx2g"));
    command.addAll(List.of(Files.readString(Path.of("target/jvm-options")).trim().split("\\s+")));
    s3a.forEach((k, v) -> command.add("-Dspark.hadoop." + k + "=" + v));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.tianfu.warehouse.cli.Warehouse",
        "run", "--landing", landing, "--warehouse", warehouse));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("WAREHOUSE_PII_KEY", DayByDayWarehouse.PII_KEY);
    return pb.start();
  }
}
