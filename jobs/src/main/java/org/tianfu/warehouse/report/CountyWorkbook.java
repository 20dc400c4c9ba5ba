package org.tianfu.warehouse.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dhatim.fastexcel.Workbook;

/**
 * A county's report as an XLSX workbook, for offices that file or work on the figures: a summary,
 * every KPI, "where the points are", why the score moved, the flagged targets, the year's trajectory
 * and the city's counties (names, scores, grades and ranks only). Ratios are stored as the unrounded gold values, shown as percentages.
 */
public final class CountyWorkbook {
  private CountyWorkbook() {}

  public static void write(CountyReport r, Path file) {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      Workbook workbook = new Workbook(out, "tianfu-warehouse", "1.0");
      summary(workbook, r);
      kpis(workbook, r);
      gains(workbook, r);
      reasons(workbook, r);
      flags(workbook, r);
      trajectory(workbook, r);
      city(workbook, r);
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void summary(Workbook workbook, CountyReport r) {
    CountyScore s = r.score();
    XlsxSheet sheet = new XlsxSheet(workbook, "概要").widths(22, 40)
        .formats(null, null).header(false, "项目", "内容")
        .row("县（市、区）", r.county().name()).row("县代码", r.county().code())
        .row("所属市（州）", r.county().cityName()).row("报告期", r.period().toString())
        .row("评价方法版本", r.methodologyVersion()).row("数据截至", r.dataAsOf() == null ? "不详" : r.dataAsOf().toString());
    sheet.formats(null, XlsxSheet.TWO_DECIMALS).row("综合得分", s.scored() ? s.score2dp() : "未评分")
        .formats(null, null).row("综合得分（未舍入）", s.score()).row("等级", s.grade())
        .row("全省排名", s.rankProvince()).row("全省参评县数", r.provinceRanked())
        .row("市州内排名", s.rankCity()).row("市州参评县数", r.cityRanked())
        .formats(null, XlsxSheet.SIGNED).row("得分较上月", s.scoreChange())
        .formats(null, XlsxSheet.SIGNED_INTEGER).row("全省排名较上月（正数为上升）", s.rankChange())
        .row("市州内排名较上月（正数为上升）", r.cityRankChange())
        .formats(null, null).row("计分指标数", s.kpisScored());
    if (r.interval() != null && r.interval().low() != null) {
      sheet.row("全省排名稳健区间", r.interval().text()).formats(null, XlsxSheet.PERCENT)
          .row("进入前10名的概率", r.interval().pTop10()).row("落入后10名的概率", r.interval().pBottom10())
          .formats(null, null);
    }
    r.notices().forEach(n -> sheet.row("提示", n.text()));
  }

  private static void kpis(Workbook workbook, CountyReport r) {
    XlsxSheet sheet = new XlsxSheet(workbook, "指标完成情况").widths(24, 24, 6, 7, 12, 12, 12, 11, 10, 11, 10)
        .header(true, "指标代码", "指标", "单位", "权重", "本月实绩", "年度累计", "年度目标", "完成率", "序时进度", "进度比", "状态")
        .formats(null, null, null, XlsxSheet.TWO_DECIMALS, XlsxSheet.AMOUNT, XlsxSheet.AMOUNT, XlsxSheet.AMOUNT,
            XlsxSheet.PERCENT, XlsxSheet.PERCENT, XlsxSheet.PERCENT, null);
    for (KpiLine line : r.kpis()) {
      KpiMonth g = line.gold();
      sheet.row(line.kpi().code(), line.kpi().nameZh(), line.kpi().unit(),
          line.weight() == null ? "不计分" : line.weight(), g.actual(), g.actualYtd(),
          orNotSet(g.target()), orNotSet(g.completionRate()), g.timeProgress(), orNotSet(g.pace()), line.status().label());
    }
    sheet.note("完成率 = 年度累计 ÷ 年度目标；序时进度 = 月份 ÷ 12；进度比 = 完成率 ÷ 序时进度。“未下达”：省里没有下达该指标的年度目标，不按零计。");
  }

  private static void gains(Workbook workbook, CountyReport r) {
    XlsxSheet sheet = new XlsxSheet(workbook, "提分空间").widths(24, 24, 10, 8, 10, 12)
        .header(false, "指标代码", "指标", "进度比", "权重", "权重占比", "达到序时进度可提分")
        .formats(null, null, XlsxSheet.PERCENT, XlsxSheet.TWO_DECIMALS, XlsxSheet.PERCENT, XlsxSheet.TWO_DECIMALS);
    if (!r.gainsShown()) {
      sheet.note(r.score().scored() ? "本月得分与当前评价方法不一致，提分空间不列出。" : "本月未评分，没有提分空间可列。");
      return;
    }
    for (PointGain g : r.gains()) {
      sheet.row(g.line().kpi().code(), g.line().kpi().nameZh(), g.line().gold().pace(), g.line().weight(),
          g.weightShare(), g.points());
    }
    BigDecimal total = PointGain.total(r.gains());
    sheet.row("合计", null, null, null, null, total);
    sheet.note("可提分 = 100 × 该指标权重 ÷ 已下达目标的计分指标权重之和 × (1 − 进度比)；各项可以相加。");
  }

  /** Every part of the score change (gold.score_change_parts), not only the three the page names: they add up to it. */
  private static void reasons(Workbook workbook, CountyReport r) {
    XlsxSheet sheet = new XlsxSheet(workbook, "变化原因").widths(24, 24, 16, 14, 14)
        .header(false, "组成部分", "指标", "对得分的影响", "本月指标得分", "上月指标得分")
        .formats(null, null, null, XlsxSheet.TWO_DECIMALS, XlsxSheet.TWO_DECIMALS);
    if (r.score().scoreChange() == null) {
      sheet.note("没有上月得分可比，不分解得分变化。");
      return;
    }
    for (ChangePart p : r.changeParts()) {
      sheet.row(p.component(), p.renormalisation() ? "计分指标范围变化" : r.kpiName(p.component()), p.contribution(),
          p.kpiScore(), p.kpiScorePrevious());
    }
    sheet.row("合计（= 得分较上月）", null, r.score().scoreChange());
    sheet.note("每项指标的影响 = 该指标加权得分本月与上月之差 ÷ 本月计分指标权重之和；计分指标范围变化 = 权重重新折算的影响。各项之和等于得分变化（精确到 12 位小数）。");
  }

  private static void flags(Workbook workbook, CountyReport r) {
    XlsxSheet sheet = new XlsxSheet(workbook, "目标合理性").widths(24, 24, 14, 80).header(false, "指标代码", "指标", "提示", "依据");
    r.flags().forEach(f -> sheet.row(f.kpiCode(), r.kpiName(f.kpiCode()), f.label(), f.reason()));
    if (r.flags().isEmpty()) {
      sheet.note("本月没有需要提示的目标。");
    }
  }

  private static void trajectory(Workbook workbook, CountyReport r) {
    XlsxSheet sheet = new XlsxSheet(workbook, "得分走势").widths(10, 10, 18, 8, 10, 12)
        .header(false, "月份", "综合得分", "综合得分（未舍入）", "等级", "全省排名", "市州内排名")
        .formats(null, XlsxSheet.TWO_DECIMALS, null, null, XlsxSheet.INTEGER, XlsxSheet.INTEGER);
    for (CountyScore s : r.trajectory()) {
      sheet.row(s.period().toString(), s.score2dp(), s.score(), s.grade(), s.rankProvince(), s.rankCity());
    }
  }

  private static void city(Workbook workbook, CountyReport r) {
    XlsxSheet sheet = new XlsxSheet(workbook, "市州内排名").widths(12, 18, 10, 8, 10)
        .header(false, "市州内排名", "县（市、区）", "综合得分", "等级", "全省排名")
        .formats(XlsxSheet.INTEGER, null, XlsxSheet.TWO_DECIMALS, null, XlsxSheet.INTEGER);
    for (Peer p : r.cityPeers()) {
      sheet.row(p.rankCity(), p.self() ? p.name() + "（本县）" : p.name(), p.score() == null ? "未评分" : p.score(),
          p.grade(), p.rankProvince());
    }
  }

  private static Object orNotSet(Object value) {
    return value == null ? CountyPage.NOT_SET : value;
  }
}
