package org.tianfu.warehouse.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tianfu.warehouse.contract.CountyReference;
import org.tianfu.warehouse.metrics.KpiCatalogue;
import org.tianfu.warehouse.state.DirtyPeriods;
import org.tianfu.warehouse.store.LocalStorage;
import org.tianfu.warehouse.store.WarehouseLayout;
import org.tianfu.warehouse.testing.TestSpark;

/**
 * silver.targets and the targets' quarantine follow the files as they are now, also when an edit
 * changes no target and no count; only a changed target marks its year's months dirty; files
 * unchanged write nothing.
 */
class TargetsConformTest {
  private static final List<YearMonth> PERIODS = List.of(YearMonth.of(2024, 1), YearMonth.of(2024, 2));
  private static final String HEADER = "year,county_code,kpi_code,target\n";

  @TempDir Path tmp;
  private final SparkSession spark = TestSpark.session();

  private WarehouseLayout conform(String csv) throws IOException {
    Path dir = tmp.resolve("landing/targets/year=2024");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("targets.csv"), HEADER + csv);
    WarehouseLayout layout = new WarehouseLayout(tmp.resolve("warehouse"));
    TargetsReader reader = new TargetsReader(CountyReference.load(), KpiCatalogue.load().kpis().keySet(), w -> { });
    new TargetsConform(spark, layout, reader, "r").run(new LocalStorage(tmp.resolve("landing")), PERIODS,
        new DirtyPeriods(spark, layout));
    return layout;
  }

  private List<String> rows(WarehouseLayout layout, String table, String columns) {
    return spark.read().format("delta").load(layout.path(table)).selectExpr(columns.split(",")).orderBy(columns.split(",")[0])
        .collectAsList().stream().map(Row::toString).toList();
  }

  @Test
  void anEditThatChangesNoTargetAndNoCountStillReachesSilverAndTheQuarantine() throws IOException {
    WarehouseLayout layout = conform("2024,511922,service_orders,12\n2024,999999,service_orders,5\n");
    assertEquals(Set.of(YearMonth.of(2024, 1), YearMonth.of(2024, 2)), new DirtyPeriods(spark, layout).read(DirtyPeriods.KPIS));
    spark.sql("DELETE FROM delta.`" + layout.path(DirtyPeriods.TABLE) + "`");

    // The valid row moves down a line; the rejected one now names another unknown county.
    conform("2024,888888,service_orders,5\n2024,511922,service_orders,12\n");

    assertEquals(List.of("[511922,12.000000,3]"), rows(layout, "silver.targets", "county_code,target,line_number"));
    assertEquals(List.of("[2,unknown_county:county_code,2024,888888,service_orders,5]"),
        rows(layout, "ops.quarantine", "line_number,reason,raw"));
    // No target changed, so no month is dirty.
    assertEquals(Set.of(), new DirtyPeriods(spark, layout).read(DirtyPeriods.KPIS));

    // The same files again: nothing is written.
    List<Long> versions = versions(layout);
    conform("2024,888888,service_orders,5\n2024,511922,service_orders,12\n");
    assertEquals(versions, versions(layout));
  }

  private List<Long> versions(WarehouseLayout layout) {
    return List.of("silver.targets", "ops.quarantine", "ops.ingest_audit").stream()
        .map(t -> spark.sql("DESCRIBE HISTORY delta.`" + layout.path(t) + "` LIMIT 1").first().getLong(0)).toList();
  }
}
