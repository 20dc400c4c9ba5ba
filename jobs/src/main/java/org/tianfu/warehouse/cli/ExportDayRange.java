package org.tianfu.warehouse.cli;

import java.time.LocalDate;
import picocli.CommandLine.Option;

/** {@code --from/--to}: a range of export days, as run, generate and airflow take it. */
final class ExportDayRange {
  @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "first export day")
  LocalDate from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "last export day (inclusive)")
  LocalDate to;

  boolean given() {
    return from != null || to != null;
  }

  /** Both days or neither, the first not after the last. */
  ExportDayRange check() {
    if ((from == null) != (to == null)) {
      throw new UserError("--from and --to go together");
    }
    if (from != null && from.isAfter(to)) {
      throw new UserError("--from " + from + " is after --to " + to);
    }
    return this;
  }

  /** Both days, the first not after the last. */
  ExportDayRange required() {
    if (!given()) {
      throw new UserError("--from and --to are required");
    }
    return check();
  }
}
