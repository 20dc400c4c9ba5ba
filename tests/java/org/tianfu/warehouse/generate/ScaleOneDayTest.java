package org.tianfu.warehouse.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One Tuesday at the platform's full volume. */
class ScaleOneDayTest {
  private static final String DAY = "2024-03-05";

  @TempDir
  static Path landing;
  static GenerationSummary summary;

  @BeforeAll
  static void generate() throws IOException {
    summary = LandingFiles.generate(landing, DAY, DAY, 1, 20240101, 0.002);
  }

  @Test
  void aDayTakesAFewSecondsAtMost() {
    assertTrue(summary.elapsed().toSeconds() < 20, "one day at scale 1 took " + summary.elapsed());
  }

  @Test
  void volumesAreThePlatformsPublishedOnes() {
    Map<String, long[]> bounds = Map.of(
        "popsci_deliveries", new long[] {250_000, 400_000},
        "registrations", new long[] {2_500, 5_000},
        "postings", new long[] {400, 1_000},
        "orders", new long[] {150, 700},
        "science_base_activity", new long[] {40, 200});
    bounds.forEach((source, range) -> {
      long lines = summary.linesBySource().get(source);
      assertTrue(lines >= range[0] && lines <= range[1], source + ": " + lines);
    });
  }

  @Test
  void deliveriesAreSplitIntoPartsOfAtMost100000Lines() throws IOException {
    List<Path> parts = LandingFiles.jsonlFiles(landing.resolve("popsci_deliveries/dt=" + DAY));
    long total = 0;
    for (int i = 0; i < parts.size(); i++) {
      assertEquals(String.format("part-%05d.jsonl", i), parts.get(i).getFileName().toString());
      int lines = LandingFiles.physicalLines(Files.readAllBytes(parts.get(i))).size();
      assertTrue(lines <= 100_000, parts.get(i) + " has " + lines + " lines");
      if (lines > 0 && i < parts.size() - 1) {
        assertEquals(100_000, lines, "every part but the last is full");
      }
      total += lines;
    }
    assertTrue(parts.size() >= 3, "parts: " + parts.size());
    assertTrue(total > 250_000, "physical lines: " + total);
  }

  @Test
  void deliveriesAreReSentInAnotherPartOfTheSameNight() {
    Map<String, String> partOf = new HashMap<>();
    long otherPart = 0;
    for (LandingFiles.Record r : LandingFiles.records(landing, "popsci_deliveries")) {
      if (r.valid()) {
        String first = partOf.putIfAbsent(r.node().get("delivery_id").asText(), r.line().file());
        otherPart += first != null && !first.equals(r.line().file()) ? 1 : 0;
      }
    }
    assertTrue(otherPart > 100, "re-sent in another part: " + otherPart);
  }
}
