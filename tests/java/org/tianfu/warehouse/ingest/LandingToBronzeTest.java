package org.tianfu.warehouse.ingest;

import org.tianfu.warehouse.store.LocalStorage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tianfu.warehouse.contract.CountyReference;
import org.tianfu.warehouse.contract.SourceSpec;
import org.tianfu.warehouse.landing.LandingFileException;
import org.tianfu.warehouse.landing.PiiMasking;
import org.tianfu.warehouse.state.ConformedDays;
import org.tianfu.warehouse.state.OpsTables;
import org.tianfu.warehouse.store.WarehouseLayout;
import org.tianfu.warehouse.testing.Landing;
import org.tianfu.warehouse.testing.TestSpark;

class LandingToBronzeTest {
  private static final String A = "{\"activity_id\":\"%s\",\"base_id\":\"B1\",\"county_code\":\"510104\","
      + "\"activity_date\":\"2024-03-01\",\"kind\":\"lecture\",\"participants\":%d}";

  @TempDir Path tmp;
  private SparkSession spark;
  private Landing landing;
  private WarehouseLayout layout;
  private final List<String> log = new ArrayList<>();

  @BeforeEach
  void setUp() {
    spark = TestSpark.session();
    landing = new Landing(tmp.resolve("landing"));
    layout = new WarehouseLayout(tmp.resolve("warehouse"));
  }

  private static final String P = "{\"posting_id\":\"%s\",\"user_id\":\"U1\",\"county_code\":\"510104\","
      + "\"side\":\"supply\",\"category\":\"service\",\"posted_at\":\"2024-03-01T10:00:00\"}";

  private List<IngestAuditRow> run(String runId) {
    return run(runId, "science_base_activity");
  }

  private List<IngestAuditRow> run(String runId, String... sources) {
    BronzeIngest ingest = new BronzeIngest(spark, layout, CountyReference.load(),
        new PiiMasking("k".getBytes(StandardCharsets.UTF_8)), runId);
    return new LandingToBronze(spark, layout, ingest, runId, log::add)
        .run(new LocalStorage(landing.root()), Arrays.stream(sources).map(SourceSpec::load).toList(), DayRange.ALL);
  }

  private List<String> rows(String sql) {
    return spark.sql(sql).collectAsList().stream().map(Row::toString).toList();
  }

  /** The bronze files Delta lists, counted by dt partition. */
  private Map<String, Long> filesPerDay() {
    return Arrays.stream(spark.read().format("delta").load(layout.path("bronze.science_base_activity")).inputFiles())
        .collect(Collectors.groupingBy(f -> f.replaceAll(".*/dt=([^/]+)/.*", "$1"), TreeMap::new, Collectors.counting()));
  }

  private String bronze() {
    return "delta.`" + layout.path("bronze.science_base_activity") + "`";
  }

  @Test
  void duplicatesWithinAFileAcrossFilesAndAcrossDaysLoadOnce() {
    landing.write("science_base_activity", "2024-03-01", "a.jsonl",
        String.format(A, "X", 1), String.format(A, "X", 2), String.format(A, "Y", 3));
    landing.write("science_base_activity", "2024-03-01", "b.jsonl", String.format(A, "Y", 4));
    landing.write("science_base_activity", "2024-03-02", "a.jsonl",
        String.format(A, "X", 5), String.format(A, "Z", 6));

    List<IngestAuditRow> audit = run("r1");

    assertEquals(List.of(
        new IngestAuditRow("science_base_activity", "2024-03-01", "a.jsonl", 3, 2, 1, 0),
        new IngestAuditRow("science_base_activity", "2024-03-01", "b.jsonl", 1, 0, 1, 0),
        new IngestAuditRow("science_base_activity", "2024-03-02", "a.jsonl", 2, 1, 1, 0)), audit);
    // The first seen by dt, file, line wins, even when a later copy differs.
    assertEquals(List.of("[X,1,2024-03-01,a.jsonl,1]", "[Y,3,2024-03-01,a.jsonl,3]", "[Z,6,2024-03-02,a.jsonl,2]"),
        rows("SELECT activity_id, participants, dt, file, line_number FROM " + bronze() + " ORDER BY 1"));
    // A batch of two days writes one file per day, not one per shuffle partition (see DayFilesTest).
    assertEquals(Map.of("2024-03-01", 1L, "2024-03-02", 1L), filesPerDay());
  }

  @Test
  void aLaterDayDuplicatesWhatEarlierRunsLoaded() {
    landing.write("science_base_activity", "2024-03-01", "a.jsonl", String.format(A, "X", 1));
    run("r1");
    // Both of the later day's copies of X are duplicates of the loaded one.
    landing.write("science_base_activity", "2024-03-02", "a.jsonl",
        String.format(A, "X", 9), String.format(A, "W", 2), String.format(A, "X", 8));
    assertEquals(List.of(new IngestAuditRow("science_base_activity", "2024-03-02", "a.jsonl", 3, 1, 2, 0)), run("r2"));
    assertEquals(List.of("[W,r2]", "[X,r1]"), rows("SELECT activity_id, run_id FROM " + bronze() + " ORDER BY 1"));
    assertEquals(Map.of("2024-03-01", 1L, "2024-03-02", 1L), filesPerDay());
  }

  /** Two later days that re-sent X, ingested; conform marked them done. */
  private void laterDaysIngestedAndConformed() {
    landing.write("science_base_activity", "2024-03-02", "a.jsonl",
        String.format(A, "X", 5), String.format(A, "W", 6), String.format(A, "X", 7));
    landing.write("science_base_activity", "2024-03-03", "a.jsonl", String.format(A, "X", 8));
    run("r1");
    new ConformedDays(spark, layout).mark(Map.of("science_base_activity", Set.of("2024-03-02", "2024-03-03")), "c1");
  }

  private List<String> bronzeAndAudit() {
    List<String> out = new ArrayList<>(rows("SELECT activity_id, participants, dt, file, line_number FROM " + bronze() + " ORDER BY ALL"));
    out.addAll(rows("SELECT dt, file, lines_read, loaded, duplicates, quarantined FROM delta.`"
        + layout.path("ops.ingest_audit") + "` ORDER BY ALL"));
    return out;
  }

  /**
   * The first copy of an id by dt, file and line loads (landing.md), whatever order the days arrive in:
   * an earlier day exported late takes X from the later day that loaded it, whose audit row and bronze
   * slice are corrected and which conform must take in again; exactly what ingesting all three at once gives.
   */
  @Test
  void anEarlierDayArrivingLateTakesItsIdsFromLaterDays() {
    laterDaysIngestedAndConformed();
    landing.write("science_base_activity", "2024-03-01", "a.jsonl", String.format(A, "X", 1), String.format(A, "Y", 2));

    assertEquals(List.of(new IngestAuditRow("science_base_activity", "2024-03-01", "a.jsonl", 2, 2, 0, 0)), run("r2"));

    List<String> allAtOnce = List.of("[W,6,2024-03-02,a.jsonl,2]", "[X,1,2024-03-01,a.jsonl,1]", "[Y,2,2024-03-01,a.jsonl,2]",
        "[2024-03-01,a.jsonl,2,2,0,0]", "[2024-03-02,a.jsonl,3,1,2,0]", "[2024-03-03,a.jsonl,1,0,1,0]");
    assertEquals(allAtOnce, bronzeAndAudit());
    assertEquals(List.of("[2024-03-03]"), rows("SELECT dt FROM delta.`" + layout.path(ConformedDays.TABLE) + "`"));
    assertTrue(log.stream().anyMatch(l -> l.contains("later days' copies now duplicates 1")), log.toString());
    // 2024-03-03 loaded nothing, before and after.
    assertEquals(Map.of("2024-03-01", 1L, "2024-03-02", 1L), filesPerDay());
  }

  /**
   * A run killed after it recounted the later day's audit row but before the bronze commit (the table
   * as it was, the late day not marked ingested), or after the bronze commit, is redone to the same result.
   */
  @Test
  void aRunKilledWhileDisplacingCopiesIsRedoneToTheSameResult() {
    laterDaysIngestedAndConformed();
    long before = latestVersion("bronze.science_base_activity");
    landing.write("science_base_activity", "2024-03-01", "a.jsonl", String.format(A, "X", 1), String.format(A, "Y", 2));
    run("r2");
    List<String> expected = bronzeAndAudit();

    spark.sql("RESTORE TABLE " + bronze() + " TO VERSION AS OF " + before);
    spark.sql("DELETE FROM delta.`" + layout.path("ops.ingest_audit") + "` WHERE dt = '2024-03-01'");
    run("r3");
    assertEquals(expected, bronzeAndAudit());

    spark.sql("DELETE FROM delta.`" + layout.path("ops.ingest_audit") + "` WHERE dt = '2024-03-01'");
    run("r4");
    assertEquals(expected, bronzeAndAudit());
  }

  /**
   * A rerun's re-export that drops an id its day had loaded: the first copy a later day holds, counted
   * there as a duplicate, is loaded in its place, exactly as ingesting the corrected days at once gives;
   * also when the rerun is killed after the later day's recount and redone.
   */
  @Test
  void aRerunThatDropsAnIdLoadsTheFirstLaterCopyInstead() {
    landing.write("science_base_activity", "2024-03-01", "a.jsonl", String.format(A, "X", 1), String.format(A, "Y", 2));
    landing.write("science_base_activity", "2024-03-02", "a.jsonl", String.format(A, "W", 3), String.format(A, "X", 5));
    landing.write("science_base_activity", "2024-03-03", "a.jsonl", String.format(A, "X", 8));
    run("r1");
    new ConformedDays(spark, layout).mark(Map.of("science_base_activity", Set.of("2024-03-01", "2024-03-02", "2024-03-03")), "c1");
    long before = latestVersion("bronze.science_base_activity");

    // The platform re-exports 1 March without X; a rerun first forgets that the day was conformed and ingested.
    landing.write("science_base_activity", "2024-03-01", "a.jsonl", String.format(A, "Y", 2));
    spark.sql("DELETE FROM delta.`" + layout.path(ConformedDays.TABLE) + "` WHERE dt = '2024-03-01'");
    spark.sql("DELETE FROM delta.`" + layout.path("ops.ingest_audit") + "` WHERE dt = '2024-03-01'");
    assertEquals(List.of(new IngestAuditRow("science_base_activity", "2024-03-01", "a.jsonl", 1, 1, 0, 0)), run("r2"));

    List<String> correctedAtOnce = List.of("[W,3,2024-03-02,a.jsonl,1]", "[X,5,2024-03-02,a.jsonl,2]",
        "[Y,2,2024-03-01,a.jsonl,1]", "[2024-03-01,a.jsonl,1,1,0,0]", "[2024-03-02,a.jsonl,2,2,0,0]",
        "[2024-03-03,a.jsonl,1,0,1,0]");
    assertEquals(correctedAtOnce, bronzeAndAudit());
    assertEquals(List.of("[2024-03-03]"), rows("SELECT dt FROM delta.`" + layout.path(ConformedDays.TABLE) + "`"));
    assertTrue(log.stream().anyMatch(l -> l.contains("later days' copies now duplicates 0, now loaded 1")), log.toString());

    spark.sql("RESTORE TABLE " + bronze() + " TO VERSION AS OF " + before);
    spark.sql("DELETE FROM delta.`" + layout.path("ops.ingest_audit") + "` WHERE dt = '2024-03-01'");
    run("r3");
    assertEquals(correctedAtOnce, bronzeAndAudit());
  }

  /** A rerun that drops an id no later day holds changes only its own day: no later day is recounted or forgotten. */
  @Test
  void aRerunThatDropsAnIdNoLaterDayHoldsLeavesLaterDaysAlone() {
    landing.write("science_base_activity", "2024-03-01", "a.jsonl", String.format(A, "X", 1), String.format(A, "Y", 2));
    landing.write("science_base_activity", "2024-03-02", "a.jsonl", String.format(A, "W", 3));
    run("r1");
    new ConformedDays(spark, layout).mark(Map.of("science_base_activity", Set.of("2024-03-01", "2024-03-02")), "c1");

    landing.write("science_base_activity", "2024-03-01", "a.jsonl", String.format(A, "Y", 2));
    spark.sql("DELETE FROM delta.`" + layout.path(ConformedDays.TABLE) + "` WHERE dt = '2024-03-01'");
    spark.sql("DELETE FROM delta.`" + layout.path("ops.ingest_audit") + "` WHERE dt = '2024-03-01'");
    long conformed = latestVersion(ConformedDays.TABLE);
    long audit = latestVersion("ops.ingest_audit");
    run("r2");

    assertEquals(List.of("[W,3,2024-03-02,a.jsonl,1]", "[Y,2,2024-03-01,a.jsonl,1]", "[2024-03-01,a.jsonl,1,1,0,0]",
        "[2024-03-02,a.jsonl,1,1,0,0]"), bronzeAndAudit());
    assertEquals(conformed, latestVersion(ConformedDays.TABLE));
    assertEquals(audit + 1, latestVersion("ops.ingest_audit"));   // the rerun's own day only
    assertTrue(log.stream().noneMatch(l -> l.contains("later days' copies")), log.toString());
  }

  @Test
  void aQuarantinedLineDoesNotClaimItsId() {
    landing.write("science_base_activity", "2024-03-01", "a.jsonl",
        String.format(A, "X", -1), "not json", "", "   ", String.format(A, "X", 7));
    assertEquals(List.of(new IngestAuditRow("science_base_activity", "2024-03-01", "a.jsonl", 3, 1, 0, 2)), run("r1"));
    assertEquals(List.of("[X,7,5]"), rows("SELECT activity_id, participants, line_number FROM " + bronze()));
    assertEquals(List.of("[science_base_activity,2024-03-01,a.jsonl,1,bad_value:participants]",
            "[science_base_activity,2024-03-01,a.jsonl,2,malformed_json]"),
        rows("SELECT source, dt, file, line_number, reason FROM delta.`"
            + layout.path("ops.quarantine") + "` ORDER BY line_number"));
  }

  @Test
  void runningAgainWithNothingNewChangesNothing() throws Exception {
    landing.write("science_base_activity", "2024-03-01", "a.jsonl", String.format(A, "X", 1));
    run("r1");
    long version = latestVersion("bronze.science_base_activity");
    long auditVersion = latestVersion("ops.ingest_audit");
    assertEquals(List.of(), run("r2"));
    assertEquals(version, latestVersion("bronze.science_base_activity"));
    assertEquals(auditVersion, latestVersion("ops.ingest_audit"));
  }

  @Test
  void aRunKilledBeforeTheAuditIsRedoneWithoutDuplicates() {
    landing.write("science_base_activity", "2024-03-01", "a.jsonl", String.format(A, "X", 1), String.format(A, "Y", 2));
    run("r1");
    // Simulate a crash after bronze and quarantine were written but before the audit marked the day.
    spark.sql("DELETE FROM delta.`" + layout.path("ops.ingest_audit") + "`");
    landing.write("science_base_activity", "2024-03-02", "a.jsonl", String.format(A, "Y", 3));

    List<IngestAuditRow> audit = run("r2");

    assertEquals(List.of(
        new IngestAuditRow("science_base_activity", "2024-03-01", "a.jsonl", 2, 2, 0, 0),
        new IngestAuditRow("science_base_activity", "2024-03-02", "a.jsonl", 1, 0, 1, 0)), audit);
    assertEquals(List.of("[X,r2]", "[Y,r2]"), rows("SELECT activity_id, run_id FROM " + bronze() + " ORDER BY 1"));
  }

  @Test
  void emptyFilesAreAuditedAndOtherFilesAreSkippedWithAWarning() {
    landing.writeBytes("science_base_activity", "2024-03-01", "empty.jsonl", new byte[0]);
    landing.write("science_base_activity", "2024-03-01", "_SUCCESS", "");
    assertEquals(List.of(new IngestAuditRow("science_base_activity", "2024-03-01", "empty.jsonl", 0, 0, 0, 0)), run("r1"));
    assertTrue(log.stream().anyMatch(l -> l.contains("science_base_activity/dt=2024-03-01/_SUCCESS: not a .jsonl file")), log.toString());
  }

  // A year of days with a _SUCCESS each would otherwise repeat hundreds of warnings every night.
  @Test
  void otherFilesAreWarnedAboutWhenTheirDayIsReadNotEveryNightAfter() throws IOException {
    Files.createDirectories(landing.root().resolve("science_base_activity/dt=2024-03-02/sub"));
    landing.write("science_base_activity", "2024-03-01", "a.jsonl", String.format(A, "X", 1));
    landing.write("science_base_activity", "2024-03-01", "_SUCCESS", "");
    landing.write("science_base_activity", "2024-03-02", "_SUCCESS", "");   // a day with nothing to read yet
    landing.write("science_base_activity", "2024-03-02", "sub/b.jsonl", String.format(A, "Y", 1));
    run("r1");
    assertEquals(List.of(
        "warning: skipped science_base_activity/dt=2024-03-02/sub: not a file (a folder in a folder)",
        "warning: skipped science_base_activity/dt=2024-03-01/_SUCCESS: not a .jsonl file",
        "warning: skipped science_base_activity/dt=2024-03-02/_SUCCESS: not a .jsonl file"),
        log.stream().filter(l -> l.startsWith("warning:")).toList());
    log.clear();
    assertEquals(List.of(), run("r2"));
    assertEquals(List.of(
        "warning: skipped science_base_activity/dt=2024-03-02/sub: not a file (a folder in a folder)",
        "warning: skipped science_base_activity/dt=2024-03-02/_SUCCESS: not a .jsonl file"),
        log.stream().filter(l -> l.startsWith("warning:")).toList());
  }

  @Test
  void filesArrivingAfterTheirDayWasIngestedAreReportedNotRead() {
    landing.write("science_base_activity", "2024-03-01", "a.jsonl", String.format(A, "X", 1));
    run("r1");
    landing.write("science_base_activity", "2024-03-01", "b.jsonl", String.format(A, "Y", 1));
    assertEquals(List.of(), run("r2"));
    assertTrue(log.stream().anyMatch(l -> l.contains("dt=2024-03-01/b.jsonl arrived after that day was ingested")));
  }

  @Test
  void anUnreadableFileFailsTheRunNamingIt() throws Exception {
    Path file = landing.write("science_base_activity", "2024-03-01", "a.jsonl", String.format(A, "X", 1));
    Files.delete(file);
    Files.createSymbolicLink(file, tmp.resolve("vanished.jsonl"));
    LandingFileException e = assertThrows(LandingFileException.class, () -> run("r1"));
    assertTrue(e.getMessage().contains("a.jsonl"), e.getMessage());
    assertEquals(List.of(), rows("SELECT * FROM delta.`" + layout.path("ops.ingest_audit") + "`"));
  }

  /**
   * Every .jsonl file of a folder is read, whatever its name: Spark's file sources would skip "_" and "."
   * names as hidden and take "{1}" as a pattern, and a space or Chinese characters must survive the URI.
   */
  @Test
  void filesOfAnyJsonlNameAreRead() {
    List<String> names = List.of(".hidden.jsonl", "_late.jsonl", "b{1}[2]*.jsonl", "x y.jsonl", "推送 100%.jsonl");
    for (int i = 0; i < names.size(); i++) {
      landing.write("science_base_activity", "2024-03-01", names.get(i), String.format(A, "N" + i, i), "not json");
    }
    List<IngestAuditRow> expected = new ArrayList<>();
    names.forEach(n -> expected.add(new IngestAuditRow("science_base_activity", "2024-03-01", n, 2, 1, 0, 1)));
    assertEquals(expected, run("r1"));
    assertEquals(List.of("[.hidden.jsonl,N0]", "[_late.jsonl,N1]", "[b{1}[2]*.jsonl,N2]", "[x y.jsonl,N3]",
        "[推送 100%.jsonl,N4]"), rows("SELECT file, activity_id FROM " + bronze() + " ORDER BY file"));
  }

  /** The sources land side by side; their slices of the shared quarantine and audit must all commit. */
  @Test
  void sourcesIngestedSideBySideAllCommit() {
    for (int day = 1; day <= 3; day++) {
      String dt = "2024-03-0" + day;
      landing.write("science_base_activity", dt, "a.jsonl", String.format(A, "A" + day, 1), "not json");
      landing.write("postings", dt, "a.jsonl", String.format(P, "P" + day), "{}");
      long quarantineVersion = day == 1 ? 0 : latestVersion("ops.quarantine");
      long auditVersion = day == 1 ? 0 : latestVersion("ops.ingest_audit");
      List<IngestAuditRow> audit = run("r" + day, "science_base_activity", "postings");
      assertEquals(List.of(new IngestAuditRow("science_base_activity", dt, "a.jsonl", 2, 1, 0, 1),
          new IngestAuditRow("postings", dt, "a.jsonl", 2, 1, 0, 1)), audit);
      // Both sources' rows go into one commit per ops table (version 0 is the empty table prepared first).
      assertEquals(quarantineVersion + 1, latestVersion("ops.quarantine"));
      assertEquals(auditVersion + 1, latestVersion("ops.ingest_audit"));
    }
    assertEquals(List.of("[postings,3,3,3]", "[science_base_activity,3,3,3]"),
        rows("SELECT source, count(*), sum(loaded), sum(quarantined) FROM delta.`" + layout.path("ops.ingest_audit")
            + "` GROUP BY source ORDER BY source"));
    assertEquals(List.of("[postings,3]", "[science_base_activity,3]"),
        rows("SELECT source, count(*) FROM delta.`" + layout.path("ops.quarantine") + "` GROUP BY source ORDER BY source"));
  }

  /** Redoing one day of a batch rewrites the quarantine file it shares with the other day; only its own lines count. */
  @Test
  void redoingOneDayOfABatchCountsOnlyItsOwnQuarantinedLines() {
    landing.write("science_base_activity", "2024-03-01", "a.jsonl", String.format(A, "A1", 1), "not json");
    landing.write("science_base_activity", "2024-03-02", "a.jsonl", String.format(A, "A2", 1), "not json", "{}");
    run("r1");
    spark.sql("DELETE FROM delta.`" + layout.path("ops.ingest_audit") + "` WHERE dt = '2024-03-01'");
    assertEquals(List.of(new IngestAuditRow("science_base_activity", "2024-03-01", "a.jsonl", 2, 1, 0, 1)), run("r2"));
    assertEquals(List.of("[2024-03-01,1,r2]", "[2024-03-02,2,r1]"), rows("SELECT dt, count(*), max(run_id) FROM delta.`"
        + layout.path("ops.quarantine") + "` GROUP BY dt ORDER BY dt"));
  }

  /** An audit written unpartitioned by an earlier version is rewritten partitioned by source, rows intact. */
  @Test
  void anUnpartitionedAuditIsPartitionedBySourceOnTheNextIngest() {
    spark.createDataFrame(List.of(RowFactory.create("orders", "2024-02-01", "a.jsonl", 1L, 1L, 0L, 0L, "r0",
        java.sql.Timestamp.valueOf("2024-02-02 00:00:00"))), OpsTables.INGEST_AUDIT)
        .write().format("delta").save(layout.path("ops.ingest_audit"));
    landing.write("science_base_activity", "2024-03-01", "a.jsonl", String.format(A, "X", 1));
    run("r1");
    assertEquals("[source]", spark.sql("DESCRIBE DETAIL delta.`" + layout.path("ops.ingest_audit") + "`")
        .select("partitionColumns").first().getList(0).toString());
    assertEquals(List.of("[orders,2024-02-01,r0]", "[science_base_activity,2024-03-01,r1]"),
        rows("SELECT source, dt, run_id FROM delta.`" + layout.path("ops.ingest_audit") + "` ORDER BY source"));
  }

  private long latestVersion(String table) {
    return spark.sql("DESCRIBE HISTORY delta.`" + layout.path(table) + "` LIMIT 1").first().getLong(0);
  }
}
