package org.tianfu.warehouse.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Writes one {@code <source>/dt=YYYY-MM-DD} folder the way the platform's exporter does, quirks
 * included: parts split at a line limit (or a small late second part), bad lines, re-sent
 * duplicates in the same part and in another part, BOMs, CRLF, blank lines, a missing final
 * newline, an empty part and stray non-JSONL files. Every file is written under a name not ending
 * in {@code .jsonl} and moved into place, so a killed run never leaves a partial file that looks
 * complete; files of an earlier run that this run did not write again are removed.
 */
final class DtFolderWriter {

  /** What one folder got: record lines (bad and duplicate ones included, blank ones not), bad lines, files. */
  record FolderResult(long lines, long badLines, int files) {}

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final byte[] LF = {'\n'};
  private static final byte[] CRLF = {'\r', '\n'};
  private static final String TEMP_SUFFIX = ".tmp";
  private static final Pattern OWN_FILES = Pattern.compile("(part-\\d{5}\\.jsonl|_SUCCESS|export\\.log)(\\.tmp)?");

  private static final double BOM_SHARE = 0.12;
  private static final double CRLF_SHARE = 0.15;
  private static final double NO_FINAL_NEWLINE_SHARE = 0.05;
  private static final double LATE_PART_SHARE = 0.3;
  private static final double EMPTY_PART_SHARE = 0.04;
  private static final double SUCCESS_MARKER_SHARE = 0.08;
  private static final double EXPORT_LOG_SHARE = 0.04;
  /** A bad line is usually all the night has of its record; sometimes a good copy follows it. */
  private static final double RESENT_AFTER_BAD_SHARE = 0.2;
  private static final double NEAR_DUPLICATE_SHARE = 0.004;
  private static final int NEAR_DUPLICATE_MAX_GAP = 30;
  private static final double OTHER_PART_DUPLICATE_SHARE = 0.003;
  private static final double BLANK_LINE_SHARE = 0.0015;
  /**
   * At the bad share asked for, a small source (a hundred activities a night) would show a bad line
   * only every few nights; its nights get the bad lines a night of this many lines would get,
   * up to {@link #MAX_BAD_BOOST} times its share, so every kind turns up within a few days.
   */
  private static final int BAD_LINE_FLOOR = 500;
  private static final double MAX_BAD_BOOST = 4;
  private static final String[] BLANK_LINES = {"", "   ", "\t", " \t "};

  private record Pending(long due, long order, byte[] line) {}

  private final Path dir;
  private final LandingSource source;
  private final BadLineInjector injector;
  private final double badRate;
  private final SplittableRandom r;
  private final int firstPartLines;
  private final int laterPartLines;
  private final PriorityQueue<Pending> nearDuplicates =
      new PriorityQueue<>(Comparator.comparingLong(Pending::due).thenComparingLong(Pending::order));
  private final List<byte[]> otherPartDuplicates = new ArrayList<>();
  private final Set<String> written = new HashSet<>();
  private Part part;
  private int partIndex = -1;
  private long physicalLines;
  private long lines;
  private long badLines;

  /**
   * @param expectedLines about how many records the night holds: places a small source's late
   *     second part and sets its floor of bad lines
   * @param r the folder's own random stream: every quirk is drawn from it in file order
   */
  DtFolderWriter(Path dir, LandingSource source, BadLineInjector injector, int expectedLines, double badShare,
      SplittableRandom r) {
    this.dir = dir;
    this.source = source;
    this.injector = injector;
    this.badRate = badShare * Math.min(MAX_BAD_BOOST, Math.max(1, BAD_LINE_FLOOR / Math.max(1.0, expectedLines)));
    this.r = r;
    if (source.maxLinesPerFile > 0) {
      firstPartLines = source.maxLinesPerFile;
      laterPartLines = source.maxLinesPerFile;
    } else {
      firstPartLines = r.nextDouble() < LATE_PART_SHARE
          ? Math.max(1, (int) (expectedLines * (0.5 + 0.4 * r.nextDouble()))) : Integer.MAX_VALUE;
      laterPartLines = Integer.MAX_VALUE;
    }
  }

  /** Takes the next record of the night; for use as a {@code Consumer<JsonLine>}. */
  void accept(JsonLine record) {
    try {
      write(record);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  FolderResult finish() throws IOException {
    while (!nearDuplicates.isEmpty()) {
      writeLine(nearDuplicates.poll().line());
    }
    for (byte[] line : otherPartDuplicates) {
      writeLine(line);
    }
    if (part == null) {
      part = openPart(); // a night with nothing to export still leaves its (empty) file
    }
    part.commit();
    part = null;
    if (r.nextDouble() < EMPTY_PART_SHARE) {
      writeWhole(partName(partIndex + 1), new byte[0]);
    }
    if (r.nextDouble() < SUCCESS_MARKER_SHARE) {
      writeWhole("_SUCCESS", new byte[0]);
    }
    if (r.nextDouble() < EXPORT_LOG_SHARE) {
      writeWhole("export.log", ("导出完成 source=" + source.dirName + " lines=" + lines + "\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    removeStaleFiles();
    return new FolderResult(lines, badLines, written.size());
  }

  /** After a failure: drop the part being written; its temporary name is never read as data. */
  void abort() throws IOException {
    if (part != null) {
      part.discard();
      part = null;
    }
  }

  private void write(JsonLine record) throws IOException {
    byte[] valid = record.render().getBytes(StandardCharsets.UTF_8);
    if (r.nextDouble() < badRate) {
      writeLine(injector.corrupt(record, r));
      badLines++;
      if (r.nextDouble() >= RESENT_AFTER_BAD_SHARE) {
        afterLine();
        return;
      }
    }
    writeLine(valid);
    double duplicate = r.nextDouble();
    if (duplicate < NEAR_DUPLICATE_SHARE) {
      nearDuplicates.add(new Pending(physicalLines + 1 + r.nextInt(NEAR_DUPLICATE_MAX_GAP), lines, valid));
    } else if (duplicate < NEAR_DUPLICATE_SHARE + OTHER_PART_DUPLICATE_SHARE && partIndex == 0) {
      // Re-sent at the end of the night: in the last part, so in another part whenever there are two.
      otherPartDuplicates.add(valid);
    }
    afterLine();
  }

  private void afterLine() throws IOException {
    if (r.nextDouble() < BLANK_LINE_SHARE) {
      writePhysical(BLANK_LINES[r.nextInt(BLANK_LINES.length)].getBytes(StandardCharsets.US_ASCII));
    }
    while (!nearDuplicates.isEmpty() && nearDuplicates.peek().due() <= physicalLines) {
      writeLine(nearDuplicates.poll().line());
    }
  }

  private void writeLine(byte[] line) throws IOException {
    writePhysical(line);
    lines++;
  }

  private void writePhysical(byte[] bytes) throws IOException {
    if (part == null || part.lines >= (partIndex == 0 ? firstPartLines : laterPartLines)) {
      if (part != null) {
        part.commit();
      }
      part = openPart();
    }
    part.write(bytes);
    physicalLines++;
  }

  private Part openPart() throws IOException {
    partIndex++;
    boolean bom = r.nextDouble() < BOM_SHARE;
    boolean crlf = r.nextDouble() < CRLF_SHARE;
    boolean finalNewline = r.nextDouble() >= NO_FINAL_NEWLINE_SHARE;
    return new Part(partName(partIndex), bom, crlf ? CRLF : LF, finalNewline);
  }

  private static String partName(int index) {
    return "part-" + Ids.padded(index, 5) + ".jsonl";
  }

  private void writeWhole(String name, byte[] content) throws IOException {
    Path temp = dir.resolve(name + TEMP_SUFFIX);
    Files.write(temp, content);
    moveIntoPlace(temp, name);
  }

  private void moveIntoPlace(Path temp, String name) throws IOException {
    Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    written.add(name);
  }

  private void removeStaleFiles() throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (OWN_FILES.matcher(name).matches() && !written.contains(name)) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  /** One part file, written line by line: the line end goes before every line but the first. */
  private final class Part {
    private final String name;
    private final Path temp;
    private final OutputStream out;
    private final byte[] lineEnd;
    private final boolean finalNewline;
    private int lines;

    Part(String name, boolean bom, byte[] lineEnd, boolean finalNewline) throws IOException {
      this.name = name;
      this.temp = dir.resolve(name + TEMP_SUFFIX);
      this.out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
      this.lineEnd = lineEnd;
      this.finalNewline = finalNewline;
      if (bom) {
        out.write(BOM);
      }
    }

    void write(byte[] line) throws IOException {
      if (lines > 0) {
        out.write(lineEnd);
      }
      out.write(line);
      lines++;
    }

    void commit() throws IOException {
      if (lines > 0 && finalNewline) {
        out.write(lineEnd);
      }
      out.close();
      moveIntoPlace(temp, name);
    }

    void discard() throws IOException {
      try {
        out.close();
      } finally {
        Files.deleteIfExists(temp);
      }
    }
  }
}
