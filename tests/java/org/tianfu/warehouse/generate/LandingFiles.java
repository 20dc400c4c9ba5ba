package org.tianfu.warehouse.generate;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads what the generator wrote, plainly, for assertions. */
final class LandingFiles {
  static final String[] SOURCES = {"registrations", "postings", "orders", "science_base_activity", "popsci_deliveries"};

  /** A physical line of a .jsonl file (BOM and line end removed). */
  record Line(String source, LocalDate dt, String file, int number, byte[] bytes) {
    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    boolean blank() {
      return text().isBlank();
    }
  }

  private LandingFiles() {}

  static GenerationSummary generate(Path landing, String from, String to, double scale, long seed, double badShare)
      throws IOException {
    return new LandingGenerator(new GeneratorOptions(landing, LocalDate.parse(from), LocalDate.parse(to),
        scale, seed, badShare, false)).run();
  }

  /** Every regular file under {@code root} by relative path, with its bytes. */
  static SortedMap<String, byte[]> tree(Path root) throws IOException {
    SortedMap<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  static List<Path> dtFolders(Path landing, String source) throws IOException {
    try (Stream<Path> dirs = Files.list(landing.resolve(source))) {
      return dirs.sorted().toList();
    }
  }

  static List<Path> jsonlFiles(Path dtFolder) throws IOException {
    try (Stream<Path> files = Files.list(dtFolder)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
    }
  }

  /** All physical lines of a source, in contract order: dt, file name, line number. */
  static List<Line> lines(Path landing, String source) {
    try {
      List<Line> lines = new ArrayList<>();
      for (Path dir : dtFolders(landing, source)) {
        LocalDate dt = LocalDate.parse(dir.getFileName().toString().substring(3));
        for (Path file : jsonlFiles(dir)) {
          List<byte[]> physical = physicalLines(Files.readAllBytes(file));
          for (int i = 0; i < physical.size(); i++) {
            lines.add(new Line(source, dt, file.getFileName().toString(), i + 1, physical.get(i)));
          }
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Line> recordLines(Path landing, String source) {
    return lines(landing, source).stream().filter(l -> !l.blank()).toList();
  }

  /** A record line with the test's own reading of it. */
  record Record(Line line, LineClassifier.Reading reading) {
    boolean valid() {
      return reading.valid();
    }

    JsonNode node() {
      return reading.node();
    }
  }

  /** Every record line of a source read once, in contract order. */
  static List<Record> records(Path landing, String source) {
    LineClassifier classifier = new LineClassifier(source);
    return recordLines(landing, source).stream().map(l -> new Record(l, classifier.read(l.bytes()))).toList();
  }

  static List<byte[]> physicalLines(byte[] content) {
    int start = startsWithBom(content) ? 3 : 0;
    List<byte[]> lines = new ArrayList<>();
    for (int i = start; i < content.length; i++) {
      if (content[i] == '\n') {
        int end = i > start && content[i - 1] == '\r' ? i - 1 : i;
        lines.add(Arrays.copyOfRange(content, start, end));
        start = i + 1;
      }
    }
    if (start < content.length) {
      lines.add(Arrays.copyOfRange(content, start, content.length));
    }
    return lines;
  }

  static boolean startsWithBom(byte[] content) {
    return content.length >= 3 && content[0] == (byte) 0xEF && content[1] == (byte) 0xBB && content[2] == (byte) 0xBF;
  }
}
