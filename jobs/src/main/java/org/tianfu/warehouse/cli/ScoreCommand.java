package org.tianfu.warehouse.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tianfu.warehouse.metrics.GoldTables;
import org.tianfu.warehouse.metrics.KpiCatalogue;
import org.tianfu.warehouse.metrics.Methodology;
import org.tianfu.warehouse.metrics.MethodologyComparison;
import org.tianfu.warehouse.metrics.MethodologyComparison.County;
import org.tianfu.warehouse.metrics.MethodologyComparison.Standing;
import org.tianfu.warehouse.metrics.Rescoring;
import org.tianfu.warehouse.models.DuckDbEngine;
import org.tianfu.warehouse.models.Relation;
import org.tianfu.warehouse.report.WhatIfWorkbook;
import org.tianfu.warehouse.serve.AsOf;
import org.tianfu.warehouse.serve.DuckDbSql;
import org.tianfu.warehouse.serve.LastPublication;
import org.tianfu.warehouse.store.WarehouseLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "score", mixinStandardHelpOptions = true,
    description = {"What-if scoring: score and rank one month's counties under a proposed methodology, beside the"
        + " published scores, before the weights are changed.",
        "The proposal is a file in the format of schemas/methodology.json. The published scores and the KPIs they"
            + " were computed from are read as the last publication (ops.publications) recorded them; nothing is"
            + " written to the warehouse.",
        "Prints each county's published and proposed score, rank and grade and its rank change (published rank −"
            + " proposed rank: positive moves up), Spearman's ρ between the two scorings, and the counties whose"
            + " grade changes."})
public final class ScoreCommand implements Callable<Integer> {
  /** A county's row of county_scores: score, and round(score, 2) as county_scores.sql ranks and grades it. */
  private static final String STANDINGS = "SELECT county_code, county_name, city_name, score,"
      + " ROUND(CAST(score AS DECIMAL(20,10)), 2) AS score_2dp, rank_province, grade, methodology_version"
      + " FROM %s WHERE period = '%s'";

  @Option(names = "--warehouse", required = true, description = "warehouse directory")
  Path warehouse;

  @Option(names = "--methodology", required = true, paramLabel = "FILE",
      description = "the proposed methodology: weights, kpi_score_cap and grades as in schemas/methodology.json")
  Path methodology;

  @Option(names = "--period", required = true, paramLabel = "YYYY-MM", description = "the month to score",
      converter = ReportCommand.Month.class)
  YearMonth period;

  @Option(names = "--out", paramLabel = "FILE.xlsx",
      description = "also write the comparison as an XLSX workbook: the counties, and a summary")
  Path out;

  @Override
  public Integer call() throws SQLException {
    RunCommand.requireDirectory(warehouse, "--warehouse");
    WarehouseLayout layout = new WarehouseLayout(warehouse.toAbsolutePath().normalize());
    checkOutput(layout);
    Methodology proposal = proposal();
    LastPublication publication = LastPublication.read(layout).orElseThrow(() -> new UserError("--warehouse "
        + warehouse + ": nothing published yet (no row in ops.publications): 'warehouse run' publishes gold"));
    long scoresVersion = publishedVersion(publication, GoldTables.COUNTY_SCORES);
    long kpisVersion = publishedVersion(publication, GoldTables.KPI_COUNTY_MONTH);
    List<List<Object>> published = publishedScores(layout, publication, scoresVersion);

    List<Object[]> kpis;
    try (DuckDbSql atPublication = new DuckDbSql(layout, new AsOf(kpisVersion, null))) {
      kpis = atPublication.query("SELECT " + String.join(", ", Rescoring.KPI_COUNTY_MONTH.stream().map(Relation.Column::name)
          .toList()) + " FROM " + GoldTables.KPI_COUNTY_MONTH + " WHERE period = '" + period + "'")
          .rows().stream().map(List::toArray).toList();
    }
    List<List<Object>> proposed;
    try (DuckDbEngine engine = new DuckDbEngine()) {
      // The month alone: its score_change needs the month before and is not shown.
      Rescoring.define(engine, proposal, kpis, List.of(period));
      proposed = engine.query(String.format(STANDINGS, "county_scores", period));
    }

    MethodologyComparison comparison = compare(published, proposed);
    Map<String, Long> versions = new LinkedHashMap<>();
    versions.put(GoldTables.COUNTY_SCORES, scoresVersion);
    versions.put(GoldTables.KPI_COUNTY_MONTH, kpisVersion);
    WhatIfWorkbook.Basis basis = new WhatIfWorkbook.Basis(period, methodology.toString(), proposal.version(),
        (String) published.get(0).get(7), publication.runId(), publication.publishedAt(), publication.dataAsOf(), versions);
    PrintStream stdout = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    new WhatIfTable(comparison, basis).print(stdout);
    stdout.flush();
    if (out != null) {
      WhatIfWorkbook.write(comparison, basis, out);
    }
    return 0;
  }

  private void checkOutput(WarehouseLayout layout) {
    if (out == null) {
      return;
    }
    if (!out.getFileName().toString().toLowerCase().endsWith(".xlsx")) {
      throw new UserError("--out " + out + ": the workbook is XLSX; name it FILE.xlsx");
    }
    Path folder = out.toAbsolutePath().getParent();
    if (!Files.isDirectory(folder) || !Files.isWritable(folder)) {
      throw new UserError("--out " + out + ": " + folder + " is not a writable directory");
    }
    SqlCommand.requireOutside(out, layout);
  }

  /** Read and checked before the warehouse is: a mistake in the file is found at once. */
  private Methodology proposal() {
    if (!Files.isRegularFile(methodology)) {
      throw new UserError("--methodology " + methodology + ": no such file");
    }
    try {
      return Methodology.read(methodology, KpiCatalogue.load());
    } catch (IllegalStateException e) {
      throw new UserError("--methodology " + e.getMessage());
    }
  }

  private long publishedVersion(LastPublication publication, String table) {
    Long version = publication.tableVersions().get(table);
    if (version == null) {
      throw new UserError("the last publication (run " + publication.runId() + ") recorded no " + table
          + ": run 'warehouse run' to publish it");
    }
    return version;
  }

  /** The month's rows of the published gold.county_scores; a user error naming the months there are if it has none. */
  private List<List<Object>> publishedScores(WarehouseLayout layout, LastPublication publication, long version) {
    try (DuckDbSql atPublication = new DuckDbSql(layout, new AsOf(version, null))) {
      List<List<Object>> rows = atPublication.query(String.format(STANDINGS, GoldTables.COUNTY_SCORES, period)).rows();
      if (rows.isEmpty()) {
        List<String> months = atPublication.query("SELECT DISTINCT period FROM " + GoldTables.COUNTY_SCORES
            + " ORDER BY period").rows().stream().map(r -> (String) r.get(0)).toList();
        throw new UserError("--period " + period + ": not in the published " + GoldTables.COUNTY_SCORES + " (run "
            + publication.runId() + "); months published: " + (months.isEmpty() ? "none" : String.join(", ", months)));
      }
      return rows;
    }
  }

  /** Published and proposed rows of {@link #STANDINGS}, matched by county code. */
  private static MethodologyComparison compare(List<List<Object>> published, List<List<Object>> proposed) {
    Map<String, List<Object>> proposedByCode = new LinkedHashMap<>();
    proposed.forEach(r -> proposedByCode.put((String) r.get(0), r));
    List<County> counties = new ArrayList<>();
    for (List<Object> p : published) {
      List<Object> q = proposedByCode.remove((String) p.get(0));
      counties.add(new County((String) p.get(0), (String) p.get(1), (String) p.get(2), standing(p),
          q == null ? Standing.UNSCORED : standing(q)));
    }
    // A county the reference gained since the publication: scored under the proposal only.
    proposedByCode.values().forEach(q -> counties.add(new County((String) q.get(0), (String) q.get(1),
        (String) q.get(2), Standing.UNSCORED, standing(q))));
    return new MethodologyComparison(counties);
  }

  private static Standing standing(List<Object> row) {
    return new Standing(row.get(3) == null ? null : ((Number) row.get(3)).doubleValue(), (BigDecimal) row.get(4),
        row.get(5) == null ? null : ((Number) row.get(5)).intValue(), (String) row.get(6));
  }
}
