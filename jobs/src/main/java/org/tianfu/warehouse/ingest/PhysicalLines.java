package org.tianfu.warehouse.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a landing file into the lines the contract counts: physical lines numbered from 1, a
 * UTF-8 BOM dropped from the first, {@code \r\n} or {@code \n} ends, blank lines skipped (not counted).
 * Works on bytes so that a line that is not UTF-8 still reaches the validator as it came.
 */
public final class PhysicalLines {
  /** One counted line: its physical number and its bytes without the line end. */
  public record Line(int number, byte[] bytes) {}

  private PhysicalLines() {}

  public static List<Line> split(byte[] content) {
    List<Line> lines = new ArrayList<>();
    int start = hasBom(content) ? 3 : 0;
    int number = 1;
    while (start < content.length) {
      int end = start;
      while (end < content.length && content[end] != '\n') {
        end++;
      }
      int stop = end > start && content[end - 1] == '\r' ? end - 1 : end;
      if (!isBlank(content, start, stop)) {
        byte[] bytes = new byte[stop - start];
        System.arraycopy(content, start, bytes, 0, bytes.length);
        lines.add(new Line(number, bytes));
      }
      number++;
      start = end + 1;
    }
    return lines;
  }

  private static boolean hasBom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
  }

  // JSON whitespace; a line of only these holds no record.
  private static boolean isBlank(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c != ' ' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return true;
  }
}
