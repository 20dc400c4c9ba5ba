package org.tianfu.warehouse.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dhatim.fastexcel.Workbook;

/** The province leaderboard as XLSX: by province rank and grouped by city, each with a filter on every column. */
public final class LeaderboardWorkbook {
  private static final String[] COLUMNS = {"全省排名", "全省排名较上月", "县代码", "县（市、区）", "市（州）", "综合得分",
      "综合得分（未舍入）", "得分较上月", "等级", "市州内排名", "市州内排名较上月", "计分指标数",
      "稳健区间起", "稳健区间止", "进入前10名概率", "落入后10名概率", "目标提示数"};
  private static final String[] FORMATS = {XlsxSheet.INTEGER, XlsxSheet.SIGNED_INTEGER, null, null, null,
      XlsxSheet.TWO_DECIMALS, null, XlsxSheet.SIGNED, null, XlsxSheet.INTEGER, XlsxSheet.SIGNED_INTEGER, XlsxSheet.INTEGER,
      XlsxSheet.INTEGER, XlsxSheet.INTEGER, XlsxSheet.PERCENT, XlsxSheet.PERCENT, XlsxSheet.INTEGER};
  private static final double[] WIDTHS = {9, 9, 9, 16, 18, 9, 20, 10, 8, 10, 10, 9, 10, 10, 12, 12, 10};
  private static final String[] FLAG_COLUMNS = {"县代码", "县（市、区）", "市（州）", "指标代码", "提示", "提示代码",
      "年度目标", "年度累计", "进度比", "上年实绩", "稳健 z 值", "阈值", "依据"};

  private LeaderboardWorkbook() {}

  public static void write(Leaderboard board, Path file) {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      Workbook workbook = new Workbook(out, "tianfu-warehouse", "1.0");
      entries(workbook, "全省排名", board.ranked());
      entries(workbook, "按市州", board.cities().stream().flatMap(c -> c.entries().stream()).toList());
      flags(workbook, board);
      XlsxSheet about = new XlsxSheet(workbook, "说明").widths(16, 60).header(false, "项目", "内容")
          .row("报告期", board.period().toString()).row("评价方法版本", board.methodologyVersion())
          .row("数据截至", board.dataAsOf() == null ? "不详" : board.dataAsOf().toString())
          .row("参评县数", board.scoredCount());
      board.notices().forEach(n -> about.row("提示", n.text()));
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void entries(Workbook workbook, String name, List<Leaderboard.Entry> entries) {
    XlsxSheet sheet = new XlsxSheet(workbook, name).widths(WIDTHS).header(true, COLUMNS).formats(FORMATS);
    for (Leaderboard.Entry e : entries) {
      CountyScore s = e.score();
      sheet.row(s.rankProvince(), s.rankChange(), s.countyCode(), s.countyName(), s.cityName(),
          s.scored() ? s.score2dp() : "未评分", s.score(), s.scoreChange(), s.grade(), s.rankCity(), e.cityRankChange(),
          s.kpisScored(), e.interval() == null ? null : e.interval().low(), e.interval() == null ? null : e.interval().high(),
          e.interval() == null ? null : e.interval().pTop10(), e.interval() == null ? null : e.interval().pBottom10(),
          e.flags().size());
    }
  }

  /** Every flagged target of the province this month (gold.target_flags), by county. */
  private static void flags(Workbook workbook, Leaderboard board) {
    XlsxSheet sheet = new XlsxSheet(workbook, "目标合理性").widths(9, 16, 18, 24, 14, 26, 12, 12, 10, 12, 10, 8, 80)
        .header(true, FLAG_COLUMNS).formats(null, null, null, null, null, null, XlsxSheet.AMOUNT, XlsxSheet.AMOUNT,
            XlsxSheet.PERCENT, XlsxSheet.AMOUNT, XlsxSheet.TWO_DECIMALS, null, null);
    for (Leaderboard.Entry e : board.ranked()) {
      for (TargetFlag f : e.flags()) {
        CountyScore s = e.score();
        sheet.row(s.countyCode(), s.countyName(), s.cityName(), f.kpiCode(), f.label(), f.flag(), f.target(),
            f.actualYtd(), f.pace(), f.lastYearActual(), f.robustZ(), f.threshold(), f.reason());
      }
    }
    if (board.ranked().stream().allMatch(e -> e.flags().isEmpty())) {
      sheet.note("本月没有需要提示的目标。");
    }
  }
}
