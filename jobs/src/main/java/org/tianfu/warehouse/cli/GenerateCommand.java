package org.tianfu.warehouse.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tianfu.warehouse.generate.GenerationSummary;
import org.tianfu.warehouse.generate.GeneratorOptions;
import org.tianfu.warehouse.generate.LandingGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write realistic platform exports (per the landing contract) into a landing directory.")
public final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--landing", required = true, description = "landing directory to write")
  Path landing;

  @Mixin ExportDayRange days;

  @Option(names = "--scale", defaultValue = "1", description = "1 = one province-day at the platform's volumes (default ${DEFAULT-VALUE})")
  double scale;

  @Option(names = "--seed", defaultValue = "20240101", description = "same seed, same bytes (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--bad-share", defaultValue = "0.002", description = "share of lines that break the contract (default ${DEFAULT-VALUE})")
  double badShare;

  @Override
  public Integer call() throws Exception {
    days.required();
    GenerationSummary summary = new LandingGenerator(
        new GeneratorOptions(landing, days.from, days.to, scale, seed, badShare, true)).run();
    System.out.println(summary.describe());
    return 0;
  }
}
