package org.tianfu.warehouse.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tianfu.warehouse.testing.DayByDayWarehouse;

/**
 * Every committed notebook executes headless, cell by cell ({@code notebooks/check}, which builds a
 * demo warehouse when run by hand), here against the warehouse the pipeline built night by night for
 * the other serving tests. Part of {@code mvn verify} so the README's one test command covers the
 * notebooks too.
 */
class NotebooksIT {
  @Test
  void everyNotebookRunsAgainstAGeneratedWarehouse() throws Exception {
    ProcessBuilder pb = new ProcessBuilder(Path.of("notebooks/check").toAbsolutePath().toString());
    pb.environment().put("WAREHOUSE_DIR", DayByDayWarehouse.get().layout().root().toString());
    Process check = pb.redirectErrorStream(true).start();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, check.waitFor(), output);
    assertTrue(output.contains("notebooks: 4 passed, 0 failed"), output);
  }
}
