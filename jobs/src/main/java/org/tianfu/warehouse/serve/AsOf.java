package org.tianfu.warehouse.serve;

import java.time.Instant;
import java.time.LocalDate;
import org.tianfu.warehouse.contract.LandingTimestamps;

/**
 * Which snapshot of each table a query reads: the latest, a Delta version, or the last commit at or
 * before an instant ({@code --as-of}). A version is per table; an instant means the same moment for
 * every table, which is what "what did the leaderboard say on 3 April at 9:00" asks.
 */
public record AsOf(Long version, Instant timestamp) {
  public static final AsOf LATEST = new AsOf(null, null);

  public boolean isLatest() {
    return version == null && timestamp == null;
  }

  /**
   * A version number, or a timestamp read as the contract reads time (no offset means Asia/Shanghai);
   * a date alone is the start of that day, as Spark's {@code TIMESTAMP AS OF '2024-04-03'} takes it.
   */
  public static AsOf parse(String text) {
    String t = text.strip();
    if (t.matches("[0-9]{1,18}")) {
      return new AsOf(Long.parseLong(t), null);
    }
    LocalDate date = LandingTimestamps.parseDate(t);
    Instant instant = date != null ? date.atStartOfDay(LandingTimestamps.SHANGHAI).toInstant()
        : LandingTimestamps.parseInstant(t.replaceFirst(" ", "T"));
    if (instant == null) {
      throw new IllegalArgumentException("--as-of takes a table version (e.g. 12) or a timestamp"
          + " (2024-04-03, '2024-04-03 09:00', 2024-04-03T09:00+08:00): " + text);
    }
    return new AsOf(null, instant);
  }

  @Override
  public String toString() {
    return isLatest() ? "latest" : version != null ? "version " + version : timestamp.toString();
  }
}
