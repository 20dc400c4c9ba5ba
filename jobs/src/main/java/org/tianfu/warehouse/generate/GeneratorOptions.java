package org.tianfu.warehouse.generate;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What to generate: export days {@code from..to} (inclusive) into {@code landing}.
 *
 * @param scale 1 = the platform's published daily volumes (≈300,000 deliveries a day)
 * @param seed same seed, same bytes
 * @param badShare share of record lines that break the contract
 * @param progress show a progress bar on stderr
 */
public record GeneratorOptions(Path landing, LocalDate from, LocalDate to,
    double scale, long seed, double badShare, boolean progress) {

  public static final double MAX_SCALE = 10;
  public static final double MAX_BAD_SHARE = 0.5;

  public GeneratorOptions {
    if (landing == null || from == null || to == null) {
      throw new IllegalArgumentException("landing directory, from and to are all required");
    }
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from (" + from + ") must not be after to (" + to + ")");
    }
    if (!(scale > 0 && scale <= MAX_SCALE)) {
      throw new IllegalArgumentException("scale must be > 0 and <= " + MAX_SCALE + ", got " + scale);
    }
    if (!(badShare >= 0 && badShare <= MAX_BAD_SHARE)) {
      throw new IllegalArgumentException("bad share must be between 0 and " + MAX_BAD_SHARE + ", got " + badShare);
    }
  }
}
