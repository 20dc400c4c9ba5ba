package org.tianfu.warehouse.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhysicalLinesTest {
  private static List<String> texts(List<PhysicalLines.Line> lines) {
    return lines.stream().map(l -> l.number() + ":" + new String(l.bytes(), StandardCharsets.UTF_8)).toList();
  }

  @Test
  void bomCrlfAndBlankLines() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    out.writeBytes("{\"a\":1}\r\n\r\n   \t\r\n{\"b\":2}\n{\"c\":3}".getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("1:{\"a\":1}", "4:{\"b\":2}", "5:{\"c\":3}"), texts(PhysicalLines.split(out.toByteArray())));
  }

  @Test
  void trailingNewlineIsNotALineAndEmptyFileHasNone() {
    assertEquals(List.of("1:x", "2:y"), texts(PhysicalLines.split("x\ny\n".getBytes(StandardCharsets.UTF_8))));
    assertEquals(List.of(), PhysicalLines.split(new byte[0]));
    assertEquals(List.of(), PhysicalLines.split("\n\n \n".getBytes(StandardCharsets.UTF_8)));
  }

  /** JSON's whitespace makes a line blank; an ideographic space does not, so the line is counted (and quarantined). */
  @Test
  void onlyJsonWhitespaceIsBlank() {
    assertEquals(List.of("3:\u3000"), texts(PhysicalLines.split(" \t\r\n\t\n\u3000\n".getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void aBomOnlyCountsAtTheStartOfTheFile() {
    byte[] content = "x\n\uFEFFy".getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of("1:x", "2:\uFEFFy"), texts(PhysicalLines.split(content)));
  }
}
