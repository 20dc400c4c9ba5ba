package org.tianfu.warehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mistakes 'warehouse report' catches before it starts Spark: one error line, exit 2. */
class ReportCommandTest {
  @TempDir Path tmp;

  private String errorOf(String... args) {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertEquals(2, Warehouse.execute(args));
    } finally {
      System.setErr(err);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void anUnknownCountyOrAnUnusableOutputDirectory() throws IOException {
    assertEquals("error: --county 999999: not one of Sichuan's 183 county codes (GB/T 2260, e.g. 510104)\n",
        errorOf("report", "--warehouse", tmp.toString(), "--period", "2024-03", "--out", tmp.resolve("out").toString(),
            "--county", "999999"));
    Path file = Files.writeString(tmp.resolve("a-file"), "not a directory");
    assertEquals("error: --out " + file.resolve("reports") + ": cannot create it (FileSystemException)\n",
        errorOf("report", "--warehouse", tmp.toString(), "--period", "2024-03", "--out", file.resolve("reports").toString()));
    assertEquals("error: Invalid value for option '--period': '2024-13' is not a month YYYY-MM (see: warehouse report --help)\n",
        errorOf("report", "--warehouse", tmp.toString(), "--period", "2024-13", "--out", tmp.toString()));
  }
}
