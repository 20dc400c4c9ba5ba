package org.tianfu.warehouse.orchestrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsFolderTest {
  private static final YearMonth MARCH = YearMonth.of(2024, 3);

  @TempDir Path dir;

  private static void write(Path out, String text) {
    try {
      Files.createDirectories(out);
      Files.writeString(out.resolve("index.html"), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> entries() throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aMonthIsReplacedWholeAndStagingLeftByAKilledRunIsRemoved() throws IOException {
    ReportsFolder folder = new ReportsFolder(dir);
    folder.replace(MARCH, "run-1", out -> write(out, "night 1"));
    Files.createDirectories(dir.resolve(".staging-2024-03-run-killed").resolve("counties"));

    Path done = folder.replace(MARCH, "run-2", out -> write(out, "night 2"));
    assertEquals(dir.resolve("2024-03"), done);
    assertEquals("night 2", Files.readString(done.resolve("index.html")));
    assertEquals(List.of("2024-03"), entries());
  }

  @Test
  void aFailedWriteLeavesTheLastCompleteMonthInPlace() throws IOException {
    ReportsFolder folder = new ReportsFolder(dir);
    folder.replace(MARCH, "run-1", out -> write(out, "night 1"));
    assertThrows(IllegalStateException.class, () -> folder.replace(MARCH, "run-2", out -> {
      write(out, "half");
      throw new IllegalStateException("gold has no scores for 2024-03");
    }));
    assertEquals("night 1", Files.readString(dir.resolve("2024-03").resolve("index.html")));
    assertFalse(Files.exists(dir.resolve("2024-04")));
  }
}
