package org.tianfu.warehouse.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.tianfu.warehouse.metrics.MethodologyComparison;
import org.tianfu.warehouse.metrics.MethodologyComparison.County;
import org.tianfu.warehouse.metrics.MethodologyComparison.Standing;

/**
 * What-if scoring as XLSX, for province staff weighing a change of weights: every county under the
 * published and the proposed methodology side by side (with a filter on every column), and a summary.
 */
public final class WhatIfWorkbook {
  /**
   * What was compared: the month, the proposed methodology's file and version, and the publication
   * (run, time, export day covered, the Delta versions read) whose scores stand for the published ones.
   */
  public record Basis(YearMonth period, String proposalFile, String proposedVersion, String publishedVersion,
      String publicationRun, String publishedAt, String dataAsOf, Map<String, Long> tableVersions) {}

  private static final String[] COLUMNS = {"县代码", "县（市、区）", "市（州）", "现行得分", "现行排名", "现行等级",
      "拟议得分", "拟议排名", "拟议等级", "排名变化（正数为上升）", "等级变化", "现行得分（未舍入）", "拟议得分（未舍入）"};
  private static final String[] FORMATS = {null, null, null, XlsxSheet.TWO_DECIMALS, XlsxSheet.INTEGER, null,
      XlsxSheet.TWO_DECIMALS, XlsxSheet.INTEGER, null, XlsxSheet.SIGNED_INTEGER, null, null, null};
  private static final double[] WIDTHS = {9, 16, 18, 9, 9, 8, 9, 9, 8, 12, 8, 20, 20};

  private WhatIfWorkbook() {}

  public static void write(MethodologyComparison comparison, Basis basis, Path file) {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      Workbook workbook = new Workbook(out, "tianfu-warehouse", "1.0");
      counties(workbook, comparison);
      summary(workbook, comparison, basis);
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void counties(Workbook workbook, MethodologyComparison comparison) {
    XlsxSheet sheet = new XlsxSheet(workbook, "各县对比").widths(WIDTHS).header(true, COLUMNS).formats(FORMATS);
    for (County c : comparison.counties()) {
      Standing p = c.published();
      Standing q = c.proposed();
      sheet.row(c.code(), c.name(), c.cityName(), shown(p), p.rank(), p.grade(), shown(q), q.rank(), q.grade(),
          c.rankChange(), c.changesGrade() ? "是" : "否", p.score(), q.score());
    }
  }

  private static Object shown(Standing s) {
    return s.scored() ? s.score2dp() : "未评分";
  }

  private static void summary(Workbook workbook, MethodologyComparison comparison, Basis basis) {
    StringBuilder versions = new StringBuilder();
    basis.tableVersions().forEach((t, v) -> versions.append(versions.isEmpty() ? "" : "，").append(t).append(" 版本 ").append(v));
    XlsxSheet sheet = new XlsxSheet(workbook, "汇总").widths(28, 60).header(false, "项目", "内容")
        .row("报告期", basis.period().toString())
        .row("拟议评价方法", basis.proposalFile()).row("拟议评价方法版本", basis.proposedVersion())
        .row("现行评价方法版本", basis.publishedVersion())
        .row("对比的发布（运行）", basis.publicationRun()).row("发布时间", basis.publishedAt())
        .row("数据截至", basis.dataAsOf() == null ? "不详" : basis.dataAsOf()).row("读取的表版本", versions.toString())
        .row("两种方法下均评分的县数", comparison.scoredInBoth())
        .row("Spearman 等级相关系数 ρ", comparison.spearman())
        .row("等级变化的县数", comparison.gradeChanges().size());
    for (County c : comparison.gradeChanges()) {
      sheet.row("等级变化", c.name() + "（" + c.code() + "）：" + grade(c.published()) + " → " + grade(c.proposed()));
    }
  }

  private static String grade(Standing s) {
    return s.grade() == null ? "未评分" : s.grade();
  }
}
