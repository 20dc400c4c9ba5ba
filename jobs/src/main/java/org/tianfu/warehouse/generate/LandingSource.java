package org.tianfu.warehouse.generate;

/**
 * The five JSON Lines sources and how each one behaves at the platform: published daily volume,
 * weekly rhythm, and how late or how often it re-sends records.
 */
enum LandingSource {
  // dir name, units/day at scale 1, weekend/weekday ratio, min units/day, lines per unit,
  // late share, max days late, re-send share, max re-send delay, max lines per file (0 = no limit)
  REGISTRATIONS("registrations", 3_000, 0.55, 5, 1, 0.04, 5, 0.01, 4, 0),
  POSTINGS("postings", 500, 0.35, 5, 1, 0.05, 5, 0.02, 4, 0),
  /** Units are new orders; each emits its lifecycle's events over the following weeks. */
  ORDERS("orders", 80, 0.30, 3, 3.7, 0.08, 7, 0.02, 5, 0),
  /** Bases report activities after the fact, so a large share arrives late, and some report twice. */
  SCIENCE_BASE_ACTIVITY("science_base_activity", 100, 1.8, 5, 1, 0.30, 7, 0.05, 5, 0),
  POPSCI_DELIVERIES("popsci_deliveries", 300_000, 1.15, 20, 1, 0.02, 3, 0.002, 2, 100_000);

  final String dirName;
  final double unitsPerDay;
  final double weekendRatio;
  final int minUnitsPerDay;
  final double linesPerUnit;
  final double lateShare;
  final int maxLateDays;
  final double resendShare;
  final int maxResendDelay;
  final int maxLinesPerFile;

  LandingSource(String dirName, double unitsPerDay, double weekendRatio, int minUnitsPerDay,
      double linesPerUnit, double lateShare, int maxLateDays, double resendShare, int maxResendDelay,
      int maxLinesPerFile) {
    this.dirName = dirName;
    this.unitsPerDay = unitsPerDay;
    this.weekendRatio = weekendRatio;
    this.minUnitsPerDay = minUnitsPerDay;
    this.linesPerUnit = linesPerUnit;
    this.lateShare = lateShare;
    this.maxLateDays = maxLateDays;
    this.resendShare = resendShare;
    this.maxResendDelay = maxResendDelay;
    this.maxLinesPerFile = maxLinesPerFile;
  }
}
