package org.tianfu.warehouse.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {
  @TempDir
  Path tmp;

  @Test
  void sameOptionsGiveByteIdenticalTrees() throws IOException {
    LandingFiles.generate(tmp.resolve("a"), "2024-02-28", "2024-03-02", 0.01, 42, 0.01);
    LandingFiles.generate(tmp.resolve("b"), "2024-02-28", "2024-03-02", 0.01, 42, 0.01);
    SortedMap<String, byte[]> a = LandingFiles.tree(tmp.resolve("a"));
    SortedMap<String, byte[]> b = LandingFiles.tree(tmp.resolve("b"));
    assertEquals(a.keySet(), b.keySet());
    // 5 sources × 4 days, each with at least one part, plus two targets files
    assertTrue(a.keySet().stream().filter(p -> p.endsWith(".jsonl")).count() >= 20);
    a.forEach((path, bytes) -> assertArrayEquals(bytes, b.get(path), path));
  }

  @Test
  void overlappingRangesAgreeOnTheDaysTheyShare() throws IOException {
    LandingFiles.generate(tmp.resolve("early"), "2024-03-01", "2024-03-04", 0.01, 42, 0.01);
    LandingFiles.generate(tmp.resolve("late"), "2024-03-03", "2024-03-06", 0.01, 42, 0.01);
    Map<String, byte[]> early = shared(LandingFiles.tree(tmp.resolve("early")));
    Map<String, byte[]> late = shared(LandingFiles.tree(tmp.resolve("late")));
    assertEquals(early.keySet(), late.keySet());
    assertTrue(early.keySet().stream().filter(p -> p.endsWith(".jsonl")).count() >= 10, early.keySet()::toString);
    early.forEach((path, bytes) -> assertArrayEquals(bytes, late.get(path), path));
  }

  @Test
  void anotherSeedGivesOtherBytes() throws IOException {
    LandingFiles.generate(tmp.resolve("a"), "2024-03-01", "2024-03-01", 0.01, 1, 0.002);
    LandingFiles.generate(tmp.resolve("b"), "2024-03-01", "2024-03-01", 0.01, 2, 0.002);
    for (String source : LandingFiles.SOURCES) {
      String part = source + "/dt=2024-03-01/part-00000.jsonl";
      assertFalse(Arrays.equals(Files.readAllBytes(tmp.resolve("a").resolve(part)),
          Files.readAllBytes(tmp.resolve("b").resolve(part))), part);
    }
  }

  @Test
  void rerunningIntoTheSameDirectoryRewritesTheSameBytesAndDropsStaleParts() throws IOException {
    Path landing = tmp.resolve("landing");
    LandingFiles.generate(landing, "2024-03-01", "2024-03-02", 0.01, 42, 0.01);
    SortedMap<String, byte[]> first = LandingFiles.tree(landing);
    Path stale = landing.resolve("postings/dt=2024-03-01/part-00042.jsonl");
    Files.writeString(stale, "{\"posting_id\":\"left over from an earlier run\"}\n");
    Files.writeString(landing.resolve("postings/dt=2024-03-01/part-00000.jsonl.tmp"), "{\"half\":");

    LandingFiles.generate(landing, "2024-03-01", "2024-03-02", 0.01, 42, 0.01);
    SortedMap<String, byte[]> second = LandingFiles.tree(landing);
    assertEquals(first.keySet(), second.keySet());
    first.forEach((path, bytes) -> assertArrayEquals(bytes, second.get(path), path));
    assertTrue(second.keySet().stream().noneMatch(p -> p.endsWith(".tmp")));
  }

  /** The files of the export days both ranges hold (03-03 and 03-04), and the targets. */
  private static Map<String, byte[]> shared(SortedMap<String, byte[]> tree) {
    return tree.entrySet().stream()
        .filter(e -> e.getKey().contains("dt=2024-03-03") || e.getKey().contains("dt=2024-03-04")
            || e.getKey().startsWith("targets"))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
