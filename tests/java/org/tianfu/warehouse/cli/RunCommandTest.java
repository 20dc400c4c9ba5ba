package org.tianfu.warehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.apache.hadoop.util.VersionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mistakes 'warehouse run' catches before it runs anything: one error line, exit 2. */
class RunCommandTest {
  @TempDir Path tmp;

  @Test
  void aMissingLandingOrAnUnknownFilesystemIsAUserError() {
    assertEquals("error: --landing " + tmp.resolve("none") + ": no such directory\n",
        CliErrors.of("run", "--landing", tmp.resolve("none").toString(), "--warehouse", tmp.toString()));
    assertEquals("error: --warehouse gs://bucket/warehouse: No FileSystem for scheme \"gs\" (its Hadoop connector is"
            + " not on the classpath, and bin/warehouse has none: for s3a://, run under spark-submit --packages"
            + " org.apache.hadoop:hadoop-aws:" + VersionInfo.getVersion() + ", see docs/operations.md, \"Running on a Spark cluster\")\n",
        CliErrors.of("run", "--landing", tmp.toString(), "--warehouse", "gs://bucket/warehouse"));
  }

  @Test
  void theOtherCommandsReadALocalWarehouse() {
    assertEquals("error: --warehouse s3a:/bucket/warehouse: a URI; this command reads a warehouse in a local (or"
            + " mounted) directory; only 'warehouse run' takes object-store URIs\n",
        CliErrors.of("sql", "--warehouse", "s3a://bucket/warehouse", "SELECT 1"));
  }

  @Test
  void aRerunIsOneDayForTheIngestTask() {
    assertEquals("error: --rerun replaces one export day; it does not combine with --from/--to\n",
        CliErrors.of("run", "--landing", tmp.toString(), "--warehouse", tmp.toString(), "--rerun", "2024-01-31",
            "--from", "2024-01-30", "--to", "2024-02-01"));
    assertEquals("error: --rerun runs with --only ingest, not --only conform: the later tasks take the day with"
            + " --from 2024-01-31 --to 2024-01-31\n",
        CliErrors.of("run", "--landing", tmp.toString(), "--warehouse", tmp.toString(), "--rerun", "2024-01-31",
            "--only", "conform"));
  }
}
