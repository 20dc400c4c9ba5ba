package org.tianfu.warehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import org.tianfu.warehouse.generate.GeneratorOptions;
import org.tianfu.warehouse.generate.LandingGenerator;
import org.tianfu.warehouse.orchestrate.RunRequest;
import org.tianfu.warehouse.orchestrate.Runner;
import org.tianfu.warehouse.serve.AsOf;
import org.tianfu.warehouse.serve.DuckDbSql;
import org.tianfu.warehouse.store.Directories;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * A warehouse built as production builds one, for the tests of {@code warehouse sql} and the reports,
 * and the reference that the crash-safety and cluster runs over its exports must reproduce: generated
 * exports ingested one night at a time across a month boundary (replaceWhere overwrites, MERGEs into
 * silver.orders and silver.users, DELETEs from ops.dirty_periods, and checkpoints: its tables are
 * created with a checkpoint every second commit, so that two nights leave logs like a year's, a
 * checkpoint then JSON commits), with a hand-written order completed in January and refunded the next night,
 * in February (January is restated), then a rerun with nothing new. Two nights only, as each run
 * takes a minute or more here whatever the volume. Built once per test JVM; the folder goes when the
 * JVM exits.
 */
public final class DayByDayWarehouse {
  public static final LocalDate FROM = LocalDate.of(2024, 1, 31);
  public static final LocalDate TO = LocalDate.of(2024, 2, 1);
  /** The county that facilitated the refunded order: its January service_orders drop by one. */
  public static final String REFUND_COUNTY = "511922";
  /** The key for personal data it was built with. */
  public static final String PII_KEY = "day-by-day";

  private static final String CHECKPOINT_INTERVAL = "spark.databricks.delta.properties.defaults.checkpointInterval";

  private static DayByDayWarehouse built;

  private final WarehouseLayout layout;
  private final Instant beforeRefund;
  private final DuckDbSql duckDb;

  private DayByDayWarehouse(WarehouseLayout layout, Instant beforeRefund) {
    this.layout = layout;
    this.beforeRefund = beforeRefund;
    this.duckDb = new DuckDbSql(layout, AsOf.LATEST);
  }

  public static synchronized DayByDayWarehouse get() {
    if (built == null) {
      try {
        built = build(Files.createTempDirectory("day-by-day"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return built;
  }

  /** The exports the warehouse was built from, as they stand after the last night. */
  public Path landing() {
    return Path.of(layout.root()).getParent().resolve("landing");
  }

  public WarehouseLayout layout() {
    return layout;
  }

  /** The DuckDB engine on the latest snapshots, shared by the tests of the JVM. */
  public DuckDbSql duckDb() {
    return duckDb;
  }

  /** A moment after the night before the refund arrived and before the night it did. */
  public Instant beforeRefund() {
    return beforeRefund;
  }

  private static DayByDayWarehouse build(Path root) throws IOException, InterruptedException {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> Directories.deleteTree(root)));
    Path landing = root.resolve("landing");
    WarehouseLayout layout = new WarehouseLayout(root.resolve("warehouse"));
    SparkSession spark = TestSpark.session();
    Runner runner = new Runner(spark, layout.root(), PII_KEY.getBytes(StandardCharsets.UTF_8), s -> { });
    spark.conf().set(CHECKPOINT_INTERVAL, "2");
    try {
      return new DayByDayWarehouse(layout, nights(runner, landing));
    } finally {
      spark.conf().unset(CHECKPOINT_INTERVAL);
    }
  }

  /** Runs the nights and a rerun; returns the moment before the refund. */
  private static Instant nights(Runner runner, Path landing) throws IOException, InterruptedException {
    Instant beforeRefund = null;
    for (LocalDate day = FROM; !day.isAfter(TO); day = day.plusDays(1)) {
      // Each (source, day) folder is a pure function of the seed: generating night by night is the same export.
      new LandingGenerator(new GeneratorOptions(landing, day, day, 0.005, 5L, 0.01, false)).run();
      if (day.equals(FROM)) {
        orders(landing, day, order("PARITY-E1", "created", "2024-01-31T09:00:00+08:00"),
            order("PARITY-E2", "completed", "2024-01-31T15:00:00+08:00"));
      }
      if (day.equals(TO)) {
        // Commit times are file times: keep the moment clear of both nights' commits.
        Thread.sleep(1100);
        beforeRefund = Instant.now();
        Thread.sleep(1100);
        orders(landing, day, order("PARITY-E3", "cancelled", "2024-02-01T10:00:00+08:00"));
      }
      runner.run(RunRequest.everything(landing.toString(), "day-by-day"));
    }
    runner.run(RunRequest.everything(landing.toString(), "day-by-day"));
    return beforeRefund;
  }

  private static String order(String event, String status, String time) {
    return "{\"event_id\":\"" + event + "\",\"order_id\":\"PARITY-O1\",\"status\":\"" + status + "\","
        + "\"category\":\"service\",\"supplier_id\":\"S1\",\"supplier_county\":\"510104\",\"demander_id\":\"D1\","
        + "\"demander_county\":\"513401\",\"facilitator_county\":\"" + REFUND_COUNTY + "\",\"amount_yuan\":20000,"
        + "\"event_time\":\"" + time + "\"}";
  }

  private static void orders(Path landing, LocalDate day, String... lines) {
    new Landing(landing).write("orders", day.toString(), "zz-parity.jsonl", lines);
  }
}
