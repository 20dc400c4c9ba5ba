package org.tianfu.warehouse.generate;

import java.time.LocalDate;

/**
 * On which nights a record reaches the landing directory: usually the night of its business day,
 * some days late, and a few are exported again on a later night with the same id. Decided by a
 * hash of the record's key, so a night's export can find its records without replaying the past.
 */
final class ExportSchedule {
  private final Seeds seeds;
  private final LandingSource source;
  private final String lateStream;
  private final String resendStream;

  ExportSchedule(Seeds seeds, LandingSource source) {
    this.seeds = seeds;
    this.source = source;
    this.lateStream = "late/" + source.dirName;
    this.resendStream = "resend/" + source.dirName;
  }

  /** How many days back from an export day a business day can still be exported. */
  int lookbackDays() {
    return source.maxLateDays + source.maxResendDelay;
  }

  /**
   * Whether the record keyed by ({@code keyDay}, {@code index}), which happened on
   * {@code businessDay}, is in the export of {@code dt}.
   */
  boolean exportsOn(LocalDate keyDay, long index, LocalDate businessDay, LocalDate dt) {
    long gap = dt.toEpochDay() - businessDay.toEpochDay();
    if (gap < 0 || gap > lookbackDays()) {
      return false;
    }
    double late = seeds.unit(lateStream, keyDay, index);
    int lag = late < source.lateShare ? 1 + (int) (late / source.lateShare * source.maxLateDays) : 0;
    if (gap == lag) {
      return true;
    }
    double resend = seeds.unit(resendStream, keyDay, index);
    return resend < source.resendShare
        && gap == lag + 1 + (int) (resend / source.resendShare * source.maxResendDelay);
  }
}
