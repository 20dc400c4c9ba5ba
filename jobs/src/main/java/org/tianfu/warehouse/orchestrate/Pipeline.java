package org.tianfu.warehouse.orchestrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.tianfu.warehouse.conform.ConformStage;
import org.tianfu.warehouse.conform.TargetsConform;
import org.tianfu.warehouse.conform.TargetsReader;
import org.tianfu.warehouse.contract.CountyReference;
import org.tianfu.warehouse.contract.SourceSpec;
import org.tianfu.warehouse.ingest.BronzeIngest;
import org.tianfu.warehouse.ingest.LandingToBronze;
import org.tianfu.warehouse.ingest.PiiMasking;
import org.tianfu.warehouse.metrics.GoldStage;
import org.tianfu.warehouse.metrics.KpiCatalogue;
import org.tianfu.warehouse.metrics.Methodology;
import org.tianfu.warehouse.metrics.Periods;
import org.tianfu.warehouse.store.DeltaReplace;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * One run of the pipeline in one SparkSession: landing → bronze → silver → gold. Schemas, the
 * county reference and the methodology are loaded and checked before anything is read.
 */
public final class Pipeline {
  /** The layers a full rebuild clears. */
  private static final List<String> LAYERS = List.of("bronze", "silver", "gold", "ops");

  private final SparkSession spark;
  private final WarehouseLayout layout;
  private final byte[] piiKey;
  private final Consumer<String> log;
  private final List<SourceSpec> sources = SourceSpec.loadAll();
  private final CountyReference counties = CountyReference.load();
  private final KpiCatalogue catalogue = KpiCatalogue.load();
  private final Methodology methodology = Methodology.load(catalogue);

  public Pipeline(SparkSession spark, Path warehouse, byte[] piiKey, Consumer<String> log) {
    this.spark = spark;
    this.layout = new WarehouseLayout(warehouse.toAbsolutePath());
    this.piiKey = piiKey;
    this.log = log;
  }

  /** Brings the warehouse up to date with the landing directory; {@code full} rebuilds it from scratch. */
  public void run(Path landing, boolean full) {
    Path source = landing.toAbsolutePath();
    String runId = newRunId();
    log.accept("run " + runId + ": " + source + " → " + layout.root() + (full ? " (full rebuild)" : ""));
    if (full) {
      clear();
    }
    BronzeIngest ingest = new BronzeIngest(spark, layout, counties, new PiiMasking(piiKey), runId);
    if (new LandingToBronze(spark, layout, ingest, log).run(source, sources).isEmpty()) {
      log.accept("bronze: nothing new to ingest");
    }
    List<YearMonth> periods = periods();
    TargetsReader targetsReader = new TargetsReader(counties, catalogue.kpis().keySet(), w -> log.accept("warning: " + w));
    new ConformStage(spark, layout, new TargetsConform(spark, layout, targetsReader, runId), counties, runId, log)
        .run(source, sources, periods);
    new GoldStage(spark, layout, catalogue, methodology, log).run(periods);
  }

  /**
   * The months the warehouse reports: January of the first export year through the month of the
   * latest export day, so that every YTD figure in gold has its months beside it.
   */
  private List<YearMonth> periods() {
    if (!layout.exists(WarehouseLayout.INGEST_AUDIT)) {
      return List.of();
    }
    Row range = spark.read().format("delta").load(layout.path(WarehouseLayout.INGEST_AUDIT))
        .where(DeltaReplace.in("source", sources.stream().map(SourceSpec::name).toList()))
        .selectExpr("min(dt)", "max(dt)").first();
    if (range.isNullAt(0)) {
      return List.of();
    }
    YearMonth first = YearMonth.of(LocalDate.parse(range.getString(0)).getYear(), 1);
    return Periods.between(first, YearMonth.from(LocalDate.parse(range.getString(1))));
  }

  private void clear() {
    for (String layer : LAYERS) {
      Path dir = layout.root().resolve(layer);
      if (!Files.exists(dir)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot clear " + dir, e);
      }
    }
  }

  static String newRunId() {
    return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now())
        + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
