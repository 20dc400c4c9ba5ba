package org.tianfu.warehouse.report;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tianfu.warehouse.contract.County;
import org.tianfu.warehouse.metrics.Methodology;

/**
 * Writes the report pages from the Mustache templates under {@code /report/} in the jar. Templates
 * are compiled once; a page is streamed to its file, so memory does not grow with the pages written.
 * Values are HTML-escaped; a missing value is an error, not an empty cell.
 */
public final class HtmlPages {
  private final Methodology methodology;
  private final ReportAssets assets;
  private final Template county;
  private final Template leaderboard;
  private final Template index;

  public HtmlPages(Methodology methodology) {
    this.methodology = methodology;
    this.assets = ReportAssets.load();
    Mustache.Compiler compiler = Mustache.compiler().emptyStringIsFalse(true);
    this.county = compiler.compile(ReportAssets.resource("/report/county.mustache"));
    this.leaderboard = compiler.compile(ReportAssets.resource("/report/leaderboard.mustache"));
    this.index = compiler.compile(ReportAssets.resource("/report/index.mustache"));
  }

  public void writeCounty(CountyReport report, Path file) {
    write(county, CountyPage.of(report, methodology, assets), file);
  }

  public void writeLeaderboard(Leaderboard board, ReportFiles files, Path file) {
    write(leaderboard, LeaderboardPage.of(board, methodology, assets, files), file);
  }

  public void writeIndex(Leaderboard board, List<County> counties, ReportFiles files, boolean pdf) {
    write(index, IndexPage.of(board, counties, files, pdf, assets), files.index());
  }

  private static void write(Template template, Object page, Path file) {
    try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
      template.execute(page, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
