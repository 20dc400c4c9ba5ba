package org.tianfu.warehouse.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tianfu.warehouse.ingest.PiiKey;
import org.tianfu.warehouse.orchestrate.Pipeline;
import org.tianfu.warehouse.store.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Ingest every export day not yet ingested and bring the warehouse up to date.")
public final class RunCommand implements Callable<Integer> {
  @Option(names = "--landing", required = true, description = "landing directory (read only)")
  Path landing;

  @Option(names = "--warehouse", required = true, description = "warehouse directory")
  Path warehouse;

  @Option(names = "--full", description = "rebuild the warehouse from the whole landing directory")
  boolean full;

  @Override
  public Integer call() {
    requireDirectory(landing, "--landing");
    byte[] key = PiiKey.fromEnvironment(System.getenv());
    new Pipeline(SparkSessions.getOrCreate(), warehouse, key, System.err::println).run(landing, full);
    return 0;
  }

  static void requireDirectory(Path dir, String option) {
    if (!Files.isDirectory(dir)) {
      throw new UserError(option + " " + dir + ": no such directory");
    }
    if (!Files.isReadable(dir)) {
      throw new UserError(option + " " + dir + ": not readable");
    }
  }
}
