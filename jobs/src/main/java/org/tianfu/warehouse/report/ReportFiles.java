package org.tianfu.warehouse.report;

import java.nio.file.Path;
import java.time.YearMonth;

/**
 * Where a period's reports go under the output directory. File names are ASCII (code and period):
 * they survive zip tools, e-mail and a JVM started in the C locale, which cannot name a file in
 * Chinese; the Chinese names are inside the files and on index.html.
 * <pre>
 *   index.html
 *   leaderboard-2024-03.{html,pdf,xlsx}
 *   counties/510104-2024-03.{html,pdf,xlsx}
 * </pre>
 */
public record ReportFiles(Path out, YearMonth period) {
  public static final String COUNTIES = "counties";

  public Path index() {
    return out.resolve("index.html");
  }

  public Path leaderboard(String extension) {
    return out.resolve(leaderboardHref(extension));
  }

  public Path county(String countyCode, String extension) {
    return out.resolve(countyHref(countyCode, extension));
  }

  /** Relative to the output directory, as index.html links it. */
  public String leaderboardHref(String extension) {
    return "leaderboard-" + period + "." + extension;
  }

  public String countyHref(String countyCode, String extension) {
    return COUNTIES + "/" + countyCode + "-" + period + "." + extension;
  }
}
