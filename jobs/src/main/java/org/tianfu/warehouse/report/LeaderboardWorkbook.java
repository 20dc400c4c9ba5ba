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
      "综合得分（未舍入）", "得分较上月", "等级", "市州内排名", "市州内排名较上月", "计分指标数"};
  private static final String[] FORMATS = {XlsxSheet.INTEGER, XlsxSheet.SIGNED_INTEGER, null, null, null,
      XlsxSheet.TWO_DECIMALS, null, XlsxSheet.SIGNED, null, XlsxSheet.INTEGER, XlsxSheet.SIGNED_INTEGER, XlsxSheet.INTEGER};
  private static final double[] WIDTHS = {9, 9, 9, 16, 18, 9, 20, 10, 8, 10, 10, 9};

  private LeaderboardWorkbook() {}

  public static void write(Leaderboard board, Path file) {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      Workbook workbook = new Workbook(out, "tianfu-warehouse", "1.0");
      entries(workbook, "全省排名", board.ranked());
      entries(workbook, "按市州", board.cities().stream().flatMap(c -> c.entries().stream()).toList());
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
          s.kpisScored());
    }
  }
}
