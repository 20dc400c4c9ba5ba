package org.tianfu.warehouse.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Every committed notebook executes headless, cell by cell, against a freshly built demo warehouse
 * ({@code notebooks/check}, which a province analyst can also run by hand). Part of {@code mvn verify}
 * so the README's one test command covers the notebooks too.
 */
class NotebooksIT {
  @Test
  void everyNotebookRunsAgainstADemoWarehouse() throws Exception {
    Process check = new ProcessBuilder(Path.of("notebooks/check").toAbsolutePath().toString())
        .redirectErrorStream(true).start();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, check.waitFor(), output);
    assertTrue(output.contains("notebooks: 4 passed, 0 failed"), output);
  }
}
