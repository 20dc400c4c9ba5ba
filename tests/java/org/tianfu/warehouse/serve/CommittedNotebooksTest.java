package org.tianfu.warehouse.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The notebooks are committed as a starting point, not as a report: no cell carries outputs or an
 * execution count from somebody's run (stale figures, and data from a warehouse that is not yours).
 * notebooks/check executes them in CI.
 */
class CommittedNotebooksTest {
  @Test
  void notebooksCarryNoOutputs() throws IOException {
    List<Path> notebooks;
    try (Stream<Path> files = Files.list(Path.of("notebooks"))) {
      notebooks = files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList();
    }
    assertEquals(List.of("01_leaderboard.ipynb", "02_county_trajectory.ipynb", "03_kpi_distributions.ipynb",
        "04_data_quality.ipynb"), notebooks.stream().map(p -> p.getFileName().toString()).toList());
    ObjectMapper json = new ObjectMapper();
    for (Path notebook : notebooks) {
      int code = 0;
      for (JsonNode cell : json.readTree(notebook.toFile()).path("cells")) {
        if (cell.path("cell_type").asText().equals("code")) {
          code++;
          assertEquals(0, cell.path("outputs").size(), notebook + ": " + cell.path("source"));
          assertTrue(cell.path("execution_count").isNull(), notebook + ": " + cell.path("source"));
        }
      }
      assertTrue(code > 3, notebook + " has code");
    }
  }
}
