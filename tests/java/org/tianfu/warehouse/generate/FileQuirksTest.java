package org.tianfu.warehouse.generate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tianfu.warehouse.contract.SourceSpec;

/** Two weeks at scale 0.1: the file-level quirks and re-sent duplicates the pipeline must cope with. */
class FileQuirksTest {
  @TempDir
  static Path landing;
  static List<Path> files = new ArrayList<>();
  static Map<String, List<LandingFiles.Record>> records = new HashMap<>();

  @BeforeAll
  static void generate() throws IOException {
    LandingFiles.generate(landing, "2024-03-01", "2024-03-14", 0.1, 3, 0.002);
    for (String source : LandingFiles.SOURCES) {
      records.put(source, LandingFiles.records(landing, source));
      for (Path dir : LandingFiles.dtFolders(landing, source)) {
        try (Stream<Path> inDir = Files.list(dir)) {
          inDir.forEach(files::add);
        }
      }
    }
  }

  private static long count(java.util.function.Predicate<byte[]> test, boolean jsonlOnly) throws IOException {
    long n = 0;
    for (Path file : files) {
      if (!jsonlOnly || file.toString().endsWith(".jsonl")) {
        n += test.test(Files.readAllBytes(file)) ? 1 : 0;
      }
    }
    return n;
  }

  @Test
  void partsComeWithAndWithoutBomAndInBothLineEnds() throws IOException {
    long jsonl = files.stream().filter(f -> f.toString().endsWith(".jsonl")).count();
    long bom = count(LandingFiles::startsWithBom, true);
    long crlf = count(b -> lineEnds(b, true) > 0, true);
    long lf = count(b -> lineEnds(b, false) > 0, true);
    long noFinalNewline = count(b -> b.length > 0 && b[b.length - 1] != '\n', true);
    assertTrue(bom > 0 && bom < jsonl / 3, bom + " of " + jsonl + " parts start with a BOM");
    assertTrue(crlf > 0 && lf > crlf, crlf + " CRLF parts, " + lf + " LF parts");
    assertTrue(noFinalNewline > 0, "parts without a final newline: " + noFinalNewline);
  }

  /** How many line ends of the kind asked for (CRLF, or a bare LF) the content has. */
  private static int lineEnds(byte[] content, boolean crlf) {
    int n = 0;
    for (int i = 0; i < content.length; i++) {
      if (content[i] == '\n' && (i > 0 && content[i - 1] == '\r') == crlf) {
        n++;
      }
    }
    return n;
  }

  @Test
  void someFoldersHoldAnEmptyPartOrAFileThatIsNotJsonLines() throws IOException {
    long empty = count(b -> b.length == 0, true);
    long other = files.stream().map(f -> f.getFileName().toString()).filter(n -> !n.endsWith(".jsonl")).count();
    assertTrue(empty > 0, "empty parts: " + empty);
    assertTrue(other > 0, "non-.jsonl files: " + other);
    assertTrue(files.stream().map(f -> f.getFileName().toString())
        .allMatch(n -> n.matches("part-\\d{5}\\.jsonl|_SUCCESS|export\\.log")), files::toString);
  }

  @Test
  void someLinesAreBlankOrOnlyWhitespace() {
    long blank = 0;
    for (String source : LandingFiles.SOURCES) {
      blank += LandingFiles.lines(landing, source).stream().filter(LandingFiles.Line::blank).count();
    }
    assertTrue(blank > 10, "blank lines: " + blank);
  }

  @Test
  void someLinesCarryFieldsTheContractDoesNotKnow() {
    for (String source : new String[] {"registrations", "popsci_deliveries"}) {
      Set<String> known = new HashSet<>();
      SourceSpec.load(source).fields().forEach(f -> known.add(f.name()));
      long withExtras = records.get(source).stream()
          .map(LandingFiles.Record::node)
          .filter(n -> n != null)
          .filter(n -> {
            Set<String> names = new HashSet<>();
            n.fieldNames().forEachRemaining(names::add);
            names.removeAll(known);
            return !names.isEmpty();
          })
          .count();
      assertTrue(withExtras > 5, source + " lines with unknown fields: " + withExtras);
    }
  }

  @Test
  void everySourceReSendsIdsOnALaterDay() {
    for (String source : LandingFiles.SOURCES) {
      Map<String, Set<LocalDate>> days = new HashMap<>();
      for (Seen seen : valid(source)) {
        days.computeIfAbsent(seen.id(), k -> new HashSet<>()).add(seen.line().dt());
      }
      long resent = days.values().stream().filter(d -> d.size() > 1).count();
      assertTrue(resent > 0, source + " ids exported on two days: " + resent);
    }
  }

  @Test
  void deliveriesAreReSentWithinTheSamePart() {
    Map<String, LandingFiles.Line> first = new HashMap<>();
    long samePart = 0;
    for (Seen seen : valid("popsci_deliveries")) {
      LandingFiles.Line earlier = first.putIfAbsent(seen.id(), seen.line());
      if (earlier != null && earlier.dt().equals(seen.line().dt()) && earlier.file().equals(seen.line().file())) {
        samePart++;
      }
    }
    assertTrue(samePart > 100, "re-sent in the same part: " + samePart);
  }

  private record Seen(String id, LandingFiles.Line line) {}

  /** The valid record lines of a source with their ids, in contract order. */
  private static List<Seen> valid(String source) {
    String idField = SourceSpec.load(source).idField();
    return records.get(source).stream()
        .filter(LandingFiles.Record::valid)
        .map(r -> new Seen(r.node().get(idField).asText(), r.line()))
        .toList();
  }
}
