package org.tianfu.warehouse.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.tianfu.warehouse.metrics.MethodologyComparison;
import org.tianfu.warehouse.metrics.MethodologyComparison.County;
import org.tianfu.warehouse.metrics.MethodologyComparison.Standing;
import org.tianfu.warehouse.report.Figures;
import org.tianfu.warehouse.report.WhatIfWorkbook;
import org.tianfu.warehouse.serve.QueryResult;
import org.tianfu.warehouse.serve.ResultFormat;

/** What {@code warehouse score} prints: what was compared, the counties side by side, and the summary. */
final class WhatIfTable {
  private static final List<String> COLUMNS = List.of("county_code", "county", "city", "published score",
      "published rank", "published grade", "proposed score", "proposed rank", "proposed grade", "rank change");

  private final MethodologyComparison comparison;
  private final WhatIfWorkbook.Basis basis;

  WhatIfTable(MethodologyComparison comparison, WhatIfWorkbook.Basis basis) {
    this.comparison = comparison;
    this.basis = basis;
  }

  void print(PrintStream out) {
    List<String> versions = new ArrayList<>();
    basis.tableVersions().forEach((table, version) -> versions.add(table + " version " + version));
    out.println("What-if scoring of " + basis.period() + ": " + basis.proposalFile() + " (methodology "
        + basis.proposedVersion() + ") beside the published scores (methodology " + basis.publishedVersion() + ").");
    out.println("Published by run " + basis.publicationRun() + " at " + basis.publishedAt() + ", data as of export day "
        + (basis.dataAsOf() == null ? "unknown" : basis.dataAsOf()) + "; read " + String.join(", ", versions)
        + ". Nothing was written to the warehouse.");
    out.println();
    List<List<Object>> rows = new ArrayList<>();
    for (County c : comparison.counties()) {
      Standing p = c.published();
      Standing q = c.proposed();
      rows.add(List.of(c.code(), c.name(), c.cityName(), score(p), rank(p.rank()), grade(p), score(q), rank(q.rank()),
          grade(q), change(c.rankChange())));
    }
    ResultFormat.TABLE.print(new QueryResult(COLUMNS, rows), out);
    out.println();
    Double rho = comparison.spearman();
    List<County> changes = comparison.gradeChanges();
    out.println("Spearman ρ = " + (rho == null ? "undefined" : String.format("%.4f", rho)) + " over "
        + comparison.scoredInBoth() + " counties scored under both; " + changes.size()
        + (changes.size() == 1 ? " county changes" : " counties change") + " grade" + (changes.isEmpty() ? "." : ":"));
    for (County c : changes) {
      out.println("  " + c.code() + " " + c.name() + " (" + c.cityName() + "): " + gradeOrUnscored(c.published())
          + " → " + gradeOrUnscored(c.proposed()));
    }
  }

  private static String score(Standing s) {
    return s.scored() ? Figures.twoDecimals(s.score2dp()) : "unscored";
  }

  private static String rank(Integer rank) {
    return rank == null ? "—" : rank.toString();
  }

  private static String grade(Standing s) {
    return s.grade() == null ? "—" : s.grade();
  }

  private static String gradeOrUnscored(Standing s) {
    return s.grade() == null ? "unscored" : s.grade();
  }

  /** Positive moves up: "+3", "-2", "0". */
  private static String change(Integer change) {
    return change == null ? "—" : change == 0 ? "0" : String.format("%+d", change);
  }
}
