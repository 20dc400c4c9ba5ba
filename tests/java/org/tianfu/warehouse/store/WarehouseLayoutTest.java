package org.tianfu.warehouse.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseLayoutTest {
  @TempDir Path root;

  @Test
  void aTableExistsOnlyOnceItsFirstCommitIsInTheLog() throws Exception {
    WarehouseLayout layout = new WarehouseLayout(root);
    Path table = Path.of(layout.path("silver.users"));
    Files.createDirectories(table.resolve("_delta_log"));
    Files.writeString(table.resolve("part-00000.snappy.parquet"), "left by a killed run");
    Files.writeString(table.resolve("_delta_log").resolve(".00000000000000000000.json.crc.tmp"), "");
    assertFalse(layout.exists("silver.users"), "a killed first write is no table yet");
    assertEquals(List.of(), layout.tables());

    Files.writeString(table.resolve("_delta_log").resolve("00000000000000000000.json"), "{}");
    assertTrue(layout.exists("silver.users"));
    assertEquals(List.of("silver.users"), layout.tables());
  }

  @Test
  void aTableWhoseEarlyCommitsWereCleanedUpStillExists() throws Exception {
    WarehouseLayout layout = new WarehouseLayout(root);
    Path log = Files.createDirectories(Path.of(layout.path("gold.kpi_actuals")).resolve("_delta_log"));
    Files.writeString(log.resolve("00000000000000000010.checkpoint.parquet"), "");
    Files.writeString(log.resolve("00000000000000000011.json"), "{}");
    assertTrue(layout.exists("gold.kpi_actuals"));
    assertFalse(layout.exists("gold.county_scores"), "no folder, no table");
  }

  @Test
  void tableNamesAreLayerDotTable() {
    WarehouseLayout layout = new WarehouseLayout(root);
    assertEquals(root.resolve("gold").resolve("county_scores").toString(), layout.path("gold.county_scores"));
    assertThrows(IllegalArgumentException.class, () -> layout.path("county_scores"));
    assertThrows(IllegalArgumentException.class, () -> layout.path("gold.x.y"));
  }
}
