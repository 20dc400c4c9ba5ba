package org.tianfu.warehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.util.VersionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher as a person runs it: a real process, real exit codes, what stdout and stderr say. */
class WarehouseCliIT {
  @TempDir Path tmp;

  record Result(int exit, String out, String err) {}

  static Result warehouse(Map<String, String> env, String... args) throws IOException, InterruptedException {
    return warehouseWithInput(env, "", args);
  }

  /** bin/warehouse with {@code input} as its standard input, as a pipe gives it (the SQL shell reads it). */
  static Result warehouseWithInput(Map<String, String> env, String input, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of("bin/warehouse").toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().remove("WAREHOUSE_PII_KEY");
    // The launcher runs on the tests' own JDK unless a test says otherwise, whatever the shell's JAVA_HOME.
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().putAll(env);
    Path in = Files.writeString(Files.createTempFile("in", ".txt"), input, StandardCharsets.UTF_8);
    Path out = Files.createTempFile("out", ".txt");
    Path err = Files.createTempFile("err", ".txt");
    Process p = pb.redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "bin/warehouse did not finish");
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  private static final String S3A_ERROR = "error: --landing s3a://bucket/landing: No FileSystem for scheme \"s3a\""
      + " (Class org.apache.hadoop.fs.s3a.S3AFileSystem not found) (its Hadoop connector is not on the classpath, and"
      + " bin/warehouse has none: for s3a://, run under spark-submit --packages org.apache.hadoop:hadoop-aws:"
      + VersionInfo.getVersion() + ", see docs/operations.md, \"Running on a Spark cluster\")";

  private static void assertOneLineError(Result r, String expected) {
    assertEquals(2, r.exit(), r.err());
    assertEquals(expected + "\n", r.err());
    assertFalse(r.err().contains("Exception"));
  }

  @Test
  void userMistakesGetOneClearLine() throws Exception {
    assertOneLineError(warehouse(Map.of(), "run", "--landing", "/no/such/dir", "--warehouse", tmp.toString()),
        "error: --landing /no/such/dir: no such directory");
    assertOneLineError(warehouse(Map.of(), "run", "--landing", tmp.toString(), "--warehouse", tmp.toString(), "--bogus"),
        "error: Unknown option: '--bogus' (see: warehouse run --help)");
    assertOneLineError(warehouse(Map.of(), "generate", "--landing", tmp.toString(), "--from", "2024-03-05", "--to", "2024-03-01"),
        "error: --from 2024-03-05 is after --to 2024-03-01");
    assertOneLineError(warehouse(Map.of(), "run", "--landing", tmp.toString(), "--warehouse", tmp.resolve("w").toString()),
        "error: no key for personal data: set WAREHOUSE_PII_KEY or WAREHOUSE_PII_KEY_FILE (a file kept outside"
            + " the repository); phone numbers are stored only as keyed hashes");
    assertOneLineError(warehouse(Map.of("WAREHOUSE_PII_KEY", "k"), "run", "--landing", tmp.toString(), "--warehouse",
        tmp.resolve("w").toString(), "--reports", tmp.resolve("r").toString(), "--chromium", "/no/such/chromium"),
        "error: Chromium /no/such/chromium: not an executable file");
    // The launcher's classpath has no S3A connector (the tests' has, for ClusterIT).
    assertOneLineError(warehouse(Map.of("WAREHOUSE_PII_KEY", "k"), "run", "--landing", "s3a://bucket/landing",
        "--warehouse", tmp.resolve("w").toString()),
        S3A_ERROR);
    assertOneLineError(warehouse(Map.of(), "sql", "--warehouse", tmp.toString(), "SELECT 1"),
        "error: --warehouse " + tmp + " holds no tables yet: run 'warehouse run' first");
  }

  // The launcher records the classes a run loads once per build (target/warehouse.jsa); a failure to
  // record them would only show as slower starts, so it is checked here.
  @Test
  void theLauncherKeepsAClassArchiveNewerThanTheJar() throws Exception {
    assumeTrue(Runtime.version().feature() < 25, "the tests' JDK records an ahead-of-time cache (below)");
    assertRecordedForThisBuild(Map.of(), "warehouse.jsa");
  }

  // On Java 25 and later the launcher records an ahead-of-time cache instead, for faster nights
  // (BENCHMARKS.md, "Levers kept": Java 25 ahead-of-time cache). Its recording is a whole generate and run on that JDK, so this also
  // checks that the pipeline runs there (Hadoop 3.4.3's client, not Spark's 3.4.2, is what allows it).
  @Test
  void onJava25TheLauncherKeepsAnAheadOfTimeCache() throws Exception {
    Optional<Path> jdk = installedJdk(25);
    assumeTrue(jdk.isPresent(), "no JDK 25 or later under /usr/lib/jvm");
    assertRecordedForThisBuild(Map.of("JAVA_HOME", jdk.get().toString()), "warehouse.aot");
    // A command that loads Hadoop and Spark says its one line, without the JVM's warnings of Java 24+.
    assertOneLineError(warehouse(Map.of("JAVA_HOME", jdk.get().toString(), "WAREHOUSE_PII_KEY", "k"), "run",
        "--landing", "s3a://bucket/landing", "--warehouse", tmp.resolve("w").toString()), S3A_ERROR);
  }

  /**
   * A first command after the build records {@code target/<archive>} and then says only its own line,
   * none of the JVM's notes about the archive; the record is newer than the jar and did not fail.
   */
  private static void assertRecordedForThisBuild(Map<String, String> env, String archive) throws Exception {
    Result version = warehouse(env, "--version");
    assertEquals(0, version.exit(), version.err());
    assertEquals("", version.err());
    assertEquals("warehouse 0.1.0\n", version.out());
    Path target = Path.of("target");
    assertFalse(Files.exists(target.resolve(archive + ".failed")), "see target/" + archive + ".log");
    assertTrue(Files.getLastModifiedTime(target.resolve(archive))
        .compareTo(Files.getLastModifiedTime(target.resolve("warehouse-0.1.0.jar"))) > 0);
  }

  /** A JDK of at least that major version under /usr/lib/jvm (where Debian and Temurin install them). */
  private static Optional<Path> installedJdk(int major) throws IOException {
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (var homes = Files.list(jvms)) {
      return homes.filter(home -> majorVersion(home.resolve("release")) >= major).sorted().findFirst();
    }
  }

  private static int majorVersion(Path release) {
    try {
      return Files.readAllLines(release).stream()
          .map(Pattern.compile("JAVA_VERSION=\"(\\d+).*")::matcher)
          .filter(Matcher::matches)
          .mapToInt(m -> Integer.parseInt(m.group(1)))
          .findFirst().orElse(0);
    } catch (IOException e) {
      return 0;   // not a JDK
    }
  }

  @Test
  void generateRunAndQueryEndToEnd() throws Exception {
    Path landing = tmp.resolve("landing");
    Path warehouse = tmp.resolve("warehouse");
    Result gen = warehouse(Map.of(), "generate", "--landing", landing.toString(),
        "--from", "2024-01-30", "--to", "2024-02-02", "--scale", "0.01", "--seed", "7");
    assertEquals(0, gen.exit(), gen.err());

    Map<String, String> key = Map.of("WAREHOUSE_PII_KEY", "cli-test");
    Path reports = tmp.resolve("reports");
    Result run = warehouse(key, "run", "--landing", landing.toString(), "--warehouse", warehouse.toString(),
        "--reports", reports.toString(), "--no-pdf");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.err().contains("bronze.orders"), run.err());

    // The reports task wrote the latest export month: 183 counties and the leaderboard, nothing staged left over.
    assertTrue(run.err().lines().anyMatch(l -> l.matches("all days +reports +rows +184 .*")), run.err());
    try (var months = Files.list(reports)) {
      assertEquals(List.of("2024-02"), months.map(p -> p.getFileName().toString()).toList());
    }
    try (var files = Files.list(reports.resolve("2024-02").resolve("counties"))) {
      assertEquals(183 * 2, files.filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".xlsx")).count());
    }
    assertTrue(Files.readString(reports.resolve("2024-02/index.html")).contains("leaderboard-2024-02.html"));

    // The scores task wrote both months of the dense tables: 183 counties each.
    Result written = warehouse(Map.of(), "sql", "--warehouse", warehouse.toString(), "--format", "csv",
        "SELECT rows_written['gold.county_scores'] AS scores, rows_written['gold.rank_uncertainty'] AS intervals"
            + " FROM ops.runs");
    assertEquals("scores,intervals\n366,366\n", written.out(), written.err());

    Result sql = warehouse(Map.of(), "sql", "--warehouse", warehouse.toString(), "--format", "csv",
        "SELECT source, count(DISTINCT dt) AS days, sum(lines_read) - sum(loaded) - sum(duplicates) - sum(quarantined) AS unaccounted"
            + " FROM ops.ingest_audit GROUP BY source ORDER BY source");
    assertEquals(0, sql.exit(), sql.err());
    assertEquals("source,days,unaccounted\norders,4,0\npopsci_deliveries,4,0\npostings,4,0\n"
        + "registrations,4,0\nscience_base_activity,4,0\ntargets,1,0\n", sql.out());

    Result status = warehouse(Map.of(), "status", "--warehouse", warehouse.toString());
    assertEquals(0, status.exit(), status.err());
    assertTrue(status.out().startsWith("No run in progress.\n\nFreshest export day per source"), status.out());
    assertTrue(status.out().lines().anyMatch(l -> l.matches("orders +\\| 2024-02-02 +\\| \\d+ +\\| stale .*")), status.out());
    assertEquals(1, status.out().lines().filter(l -> l.contains("| succeeded |")).count(), status.out());

    Result bad = warehouse(Map.of(), "sql", "--warehouse", warehouse.toString(), "SELECT nope FROM bronze.orders");
    assertEquals(2, bad.exit(), bad.err());
    assertTrue(bad.err().startsWith("error: ") && bad.err().lines().count() == 1, bad.err());
  }
}
