package org.tianfu.warehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mistakes 'warehouse report' catches before it starts Spark: one error line, exit 2. */
class ReportCommandTest {
  @TempDir Path tmp;

  @Test
  void anUnknownCountyOrAnUnusableOutputDirectory() throws IOException {
    assertEquals("error: --county 999999: not one of Sichuan's 183 county codes (GB/T 2260, e.g. 510104)\n",
        CliErrors.of("report", "--warehouse", tmp.toString(), "--period", "2024-03", "--out", tmp.resolve("out").toString(),
            "--county", "999999"));
    Path file = Files.writeString(tmp.resolve("a-file"), "not a directory");
    assertEquals("error: --out " + file.resolve("reports") + ": cannot create it (FileSystemException)\n",
        CliErrors.of("report", "--warehouse", tmp.toString(), "--period", "2024-03", "--out", file.resolve("reports").toString()));
    assertEquals("error: Invalid value for option '--period': '2024-13' is not a month YYYY-MM (see: warehouse report --help)\n",
        CliErrors.of("report", "--warehouse", tmp.toString(), "--period", "2024-13", "--out", tmp.toString()));
  }
}
