package org.tianfu.warehouse.generate;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a generator run wrote.
 *
 * @param linesBySource record lines written per source (bad and re-sent lines included, blank lines not), in contract order
 * @param badLinesBySource how many of those lines break the contract
 * @param files every file written: JSON Lines parts, stray files and targets CSVs
 * @param targetYears the years a targets folder was written for
 */
public record GenerationSummary(GeneratorOptions options, Map<String, Long> linesBySource,
    Map<String, Long> badLinesBySource, int files, List<Integer> targetYears, Duration elapsed) {

  public GenerationSummary {
    linesBySource = Collections.unmodifiableMap(new LinkedHashMap<>(linesBySource));
    badLinesBySource = Collections.unmodifiableMap(new LinkedHashMap<>(badLinesBySource));
    targetYears = List.copyOf(targetYears);
  }

  public long days() {
    return ChronoUnit.DAYS.between(options.from(), options.to()) + 1;
  }

  public long totalLines() {
    return linesBySource.values().stream().mapToLong(Long::longValue).sum();
  }

  public long totalBadLines() {
    return badLinesBySource.values().stream().mapToLong(Long::longValue).sum();
  }

  /** A few lines for a person at a terminal. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Wrote %d export day%s (%s .. %s) to %s%n", days(), days() == 1 ? "" : "s",
        options.from(), options.to(), options.landing()));
    sb.append(String.format(Locale.ROOT, "  scale %s, seed %d, bad share %s%n",
        options.scale(), options.seed(), options.badShare()));
    linesBySource.forEach((source, lines) -> sb.append(row(source, lines, badLinesBySource.getOrDefault(source, 0L))));
    sb.append(row("total", totalLines(), totalBadLines()));
    sb.append(String.format(Locale.ROOT, "  targets for %s: %s (UTF-8, BOM) and %s (GB18030)%n",
        targetYears.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("-"),
        TargetsWriter.ANNUAL_FILE, TargetsWriter.ADJUSTMENTS_FILE));
    sb.append(String.format(Locale.ROOT, "  %,d files in %.1f s", files, elapsed.toMillis() / 1000.0));
    return sb.toString();
  }

  @Override
  public String toString() {
    return describe();
  }

  private static String row(String source, long lines, long bad) {
    return String.format(Locale.ROOT, "  %-22s %,13d lines %,9d bad%n", source, lines, bad);
  }
}
