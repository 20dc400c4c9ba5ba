package org.tianfu.warehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mistakes 'warehouse run' catches before it starts Spark: one error line, exit 2. */
class RunCommandTest {
  @TempDir Path tmp;

  @Test
  void objectStoreUrisAreRefusedNotTakenAsLocalPaths() {
    assertEquals("error: --warehouse s3a:/bucket/warehouse: a URI; give a directory on a filesystem that the driver"
            + " and every executor share (object-store URIs are not supported yet)\n",
        CliErrors.of("run", "--landing", tmp.toString(), "--warehouse", "s3a://bucket/warehouse"));
    assertEquals("error: --landing s3a:/bucket/landing: a URI; give a directory on a filesystem that the driver"
            + " and every executor share (object-store URIs are not supported yet)\n",
        CliErrors.of("run", "--landing", "s3a://bucket/landing", "--warehouse", tmp.toString()));
    assertEquals("error: --landing " + tmp.resolve("none") + ": no such directory\n",
        CliErrors.of("run", "--landing", tmp.resolve("none").toString(), "--warehouse", tmp.toString()));
  }
}
