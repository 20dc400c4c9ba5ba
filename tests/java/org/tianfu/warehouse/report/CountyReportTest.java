package org.tianfu.warehouse.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tianfu.warehouse.metrics.Methodology;

/**
 * One county's report from a hand-made gold extract: what it says, in HTML and XLSX, for a scored
 * county, one without targets, an empty month and a methodology mismatch; and that it shows no other
 * county's details.
 */
class CountyReportTest {
  static final YearMonth MARCH = YearMonth.of(2024, 3);
  static final YearMonth FEBRUARY = YearMonth.of(2024, 2);
  static final String JINJIANG = "510104", QINGYANG = "510105", JINNIU = "510106", WUHOU = "510107";
  static final String NANJIANG = "511922";
  static final Methodology METHODOLOGY = Methodology.load(ExtractFixture.CATALOGUE);

  @TempDir Path tmp;

  /**
   * Jinjiang, scored on three KPIs: service_orders (w 0.30) at pace 0.5, services_provided (0.10) at
   * 0.75, new_users (0.10) at 1.5 → score (0.3·50 + 0.1·75 + 0.1·120) / 0.5 = 69. Qingyang (same city)
   * is first, with 98765 orders this month; Jinniu has no targets; Wuhou nothing at all.
   */
  static ExtractFixture chengdu() {
    return new ExtractFixture(MARCH).dataAsOf(LocalDate.of(2024, 3, 17)).month(FEBRUARY)
        .scoreIn(FEBRUARY, JINJIANG, 70.5, 3, 5, 1, "合格", null, null)
        .scoreIn(FEBRUARY, QINGYANG, 60.25, 1, 6, 2, "合格", null, null)
        .scoreIn(MARCH, JINJIANG, 69.0, 3, 2, 2, "合格", -1.5, 3)
        .scoreIn(MARCH, QINGYANG, 91.5, 1, 1, 1, "优秀", 31.25, 5)
        .kpi(JINJIANG, "service_orders", "12", "30", "240", 0.5)
        .kpi(JINJIANG, "services_provided", "3", "7.5", "40", 0.75)
        .kpi(JINJIANG, "new_users", "20", "37.5", "100", 1.5)
        .kpi(JINJIANG, "postings", "1", "2.5", "40", 0.25)
        .kpi(QINGYANG, "service_orders", "98765", "98765", "5000", 79.012)
        .kpi(JINNIU, "service_orders", "7", "9", null, null);
  }

  private String html(GoldExtract gold, String county) throws IOException {
    CountyReport report = new CountyReportBuilder(ExtractFixture.CATALOGUE, METHODOLOGY).build(gold, ExtractFixture.COUNTIES.get(county));
    Path file = tmp.resolve(county + ".html");
    new HtmlPages(METHODOLOGY).writeCounty(report, file);
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /** The page without the inlined ECharts library, whose minified code is not the report's text. */
  private static String own(String html) {
    return html.replace(ReportAssets.load().echarts(), "");
  }

  /** The page holds every fragment; a failure names the one missing. */
  private static void assertShows(String page, String... fragments) {
    for (String fragment : fragments) {
      assertTrue(page.contains(fragment), () -> "not on the page: " + fragment);
    }
  }

  private static JsonNode chartData(String html) throws IOException {
    Matcher m = Pattern.compile("<script type=\"application/json\" id=\"report-data\">(.*?)</script>", Pattern.DOTALL).matcher(html);
    assertTrue(m.find());
    return ReportAssets.JSON.readTree(m.group(1));
  }

  @Test
  void aScoredCountysStandingKpisAndPoints() throws IOException {
    CountyReport r = new CountyReportBuilder(ExtractFixture.CATALOGUE, METHODOLOGY).build(chengdu().build(),
        ExtractFixture.COUNTIES.get(JINJIANG));
    assertEquals(2, r.provinceRanked());
    assertEquals(2, r.cityRanked());
    assertEquals(-1, r.cityRankChange());    // first in Chengdu in February, second in March
    assertEquals(List.of("service_orders", "services_provided"), r.gains().stream().map(g -> g.line().kpi().code()).toList());
    assertEquals(List.of("2024-02", "2024-03"), r.trajectory().stream().map(s -> s.period().toString()).toList());
    assertEquals(List.of(
            "数据截至 2024年3月17日，2024年3月的数据尚未到齐：本月实绩、得分和排名为截至该日的数据，会随后续数据更新。",
            "本年度有 7 项计分指标未下达目标：得分按已下达目标的 3 项指标计算，权重按比例折算（权重 ÷ 已下达目标指标的权重之和）。"),
        r.notices().stream().map(Notice::text).toList());

    String page = own(html(chengdu().build(), JINJIANG));
    assertShows(page, "<h1>锦江区天府科技云服务中心 2024年3月绩效报告</h1>");
    assertShows(page, "<dd>成都市</dd>", "<dd>" + METHODOLOGY.version() + "</dd>", "<dd>2024年3月17日</dd>");
    assertShows(page, "<div class=\"value\" id=\"score\">69.00</div>");
    assertShows(page, "较上月 <span class=\"down\">-1.50</span>");
    assertShows(page, "<div class=\"value\" id=\"rank-province\">2 <small>/ 2</small></div>");
    assertShows(page, "较上月 <span class=\"up\">↑3</span>");
    assertShows(page, "<div class=\"value\" id=\"rank-city\">2 <small>/ 2</small></div>");
    assertShows(page, "较上月 <span class=\"down\">↓1</span>");
    // service_orders: 30 of 240 → 12.50% against time progress 25.00% → pace 50.00%, behind.
    assertShows(page, "<tr data-kpi=\"service_orders\"><td>一单一策服务完成单数<span class=\"absent\">（单）</span></td>"
        + "<td class=\"\">0.30</td><td>12</td><td>30</td>\n        <td class=\"\">240</td><td class=\"\">12.50%</td><td>25.00%</td>\n"
        + "        <td class=\"\">50.00%</td><td class=\"status behind\">落后</td></tr>");
    // A KPI without a target says so, never 0.
    assertShows(page, "<td class=\"absent\">未下达</td><td class=\"absent\">未下达</td><td>25.00%</td>\n"
        + "        <td class=\"absent\">未下达</td><td class=\"status no-target\">未下达目标</td>");
    assertShows(page, "<tr><td>一单一策服务完成单数</td><td>50.00%</td><td>0.30</td><td>60.00%</td><td class=\"points\">+30.00</td></tr>");
    assertShows(page, "<tr><td>组织提供科技服务</td><td>75.00%</td><td>0.10</td><td>20.00%</td><td class=\"points\">+5.00</td></tr>");
    assertShows(page, "合计可提分 35.00 分：以上指标全部达到序时进度时，综合得分由 69.00 分提高到 104.00 分。");
    for (String chart : List.of("chart-trajectory", "chart-pace", "chart-city")) {
      assertTrue(page.contains("id=\"" + chart + "\""), chart);
    }
    JsonNode data = chartData(page);
    assertEquals("[70.5,69.0]", data.at("/trajectory/scores").toString());
    assertEquals("[5,2]", data.at("/trajectory/ranks").toString());
    assertEquals("[\"50.00%\",\"75.00%\",\"150.00%\",\"25.00%\"]", data.at("/pace/labels").toString());
  }

  @Test
  void otherCountiesAppearOnlyAsNameScoreGradeAndRank() throws IOException {
    String page = own(html(chengdu().build(), JINJIANG));
    JsonNode data = chartData(page);
    // The city chart: names, scores and "score grade rank" labels of Chengdu's counties, nothing else.
    TreeSet<String> fields = new TreeSet<>();
    data.get("city").fieldNames().forEachRemaining(fields::add);
    assertEquals(new TreeSet<>(List.of("labels", "names", "scores", "self")), fields);
    assertEquals("青羊区", data.at("/city/names/0").asText());
    assertEquals("91.50 优秀 市内第1名 全省第1名", data.at("/city/labels/0").asText());
    assertEquals("69.00 合格 市内第2名 全省第2名", data.at("/city/labels/1").asText());
    assertEquals(1, data.at("/city/self").asInt());
    assertShows(page, "<tr><td>1</td><td class=\"text\">青羊区</td><td>91.50</td><td>优秀</td><td>1</td></tr>");
    // Qingyang's own figures (its 98,765 orders, its score change) and every other county code stay out.
    assertFalse(page.contains("98765") || page.contains("98,765") || page.contains("31.25"));
    TreeSet<String> codes = new TreeSet<>();
    Matcher m = Pattern.compile("(?<![0-9])5[0-9]{5}(?![0-9])").matcher(page);
    while (m.find()) {
      codes.add(m.group());
    }
    assertEquals(new TreeSet<>(List.of(JINJIANG)), codes);

    Path xlsx = tmp.resolve("jinjiang.xlsx");
    CountyWorkbook.write(new CountyReportBuilder(ExtractFixture.CATALOGUE, METHODOLOGY).build(chengdu().build(),
        ExtractFixture.COUNTIES.get(JINJIANG)), xlsx);
    String text = XlsxRows.read(xlsx).values().stream().flatMap(List::stream)
        .flatMap(r -> r.stream().map(c -> c == null ? "" : c.getRawValue())).toList().toString();
    assertFalse(text.contains("98765") || text.contains("31.25") || text.contains(QINGYANG), text);
  }

  @Test
  void theWorkbookHoldsGoldsValuesUnrounded() throws IOException {
    Path xlsx = tmp.resolve("jinjiang.xlsx");
    CountyWorkbook.write(new CountyReportBuilder(ExtractFixture.CATALOGUE, METHODOLOGY).build(chengdu().build(),
        ExtractFixture.COUNTIES.get(JINJIANG)), xlsx);
    Map<String, List<Row>> sheets = XlsxRows.read(xlsx);
    assertEquals(List.of("概要", "指标完成情况", "提分空间", "变化原因", "目标合理性", "得分走势", "市州内排名"), List.copyOf(sheets.keySet()));
    assertEquals(new java.util.TreeMap<>(Map.ofEntries(Map.entry("指标代码", "service_orders"),
            Map.entry("指标", "一单一策服务完成单数"), Map.entry("单位", "单"), Map.entry("权重", "0.3"),
            Map.entry("本月实绩", "12"), Map.entry("年度累计", "30"), Map.entry("年度目标", "240"),
            Map.entry("完成率", "0.125"), Map.entry("序时进度", "0.25"), Map.entry("进度比", "0.5"), Map.entry("状态", "落后"))),
        XlsxRows.rowByFirstCell(sheets.get("指标完成情况"), "service_orders"));
    Map<String, String> noTarget = XlsxRows.rowByFirstCell(sheets.get("指标完成情况"), "achievements_transferred");
    assertEquals(List.of("未下达", "未下达", "未下达", "未下达目标"),
        List.of(noTarget.get("年度目标"), noTarget.get("完成率"), noTarget.get("进度比"), noTarget.get("状态")));
    assertEquals("30", XlsxRows.rowByFirstCell(sheets.get("提分空间"), "service_orders").get("达到序时进度可提分"));
    assertEquals("35", XlsxRows.rowByFirstCell(sheets.get("提分空间"), "合计").get("达到序时进度可提分"));
    assertEquals("69", XlsxRows.rowByFirstCell(sheets.get("概要"), "综合得分").get("内容"));
    assertEquals("-1", XlsxRows.rowByFirstCell(sheets.get("概要"), "市州内排名较上月（正数为上升）").get("内容"));
  }

  @Test
  void aCountyWithoutTargetsIsListedUnscoredWithANotice() throws IOException {
    String page = own(html(chengdu().build(), JINNIU));
    assertShows(page, "<p class=\"notice warning\">金牛区 2024年尚未下达计分指标的目标任务：本月不评分、不排名。下表照常列出各项指标的实绩。</p>");
    assertShows(page, "<div class=\"value\" id=\"score\">未评分</div>");
    assertShows(page, "<div class=\"value\" id=\"rank-province\">未排名 <small>/ 2</small></div>");
    assertShows(page, "<p class=\"lead\">本月未评分，没有提分空间可列。</p>");
    assertShows(page, "<td>7</td><td>9</td>\n        <td class=\"absent\">未下达</td>");
    assertShows(page, "<p class=\"notice\">2024年至今没有评分的月份，暂无走势可画。</p>");
    assertShows(page, "<p class=\"notice\">本年度没有下达任何指标的目标，暂无进度比可画。</p>");
    assertFalse(page.contains("id=\"chart-trajectory\"") || page.contains("id=\"chart-pace\""));
    assertTrue(page.contains("id=\"chart-city\""), "its city still has scored counties");
  }

  @Test
  void anEmptyMonthAndAnotherMethodologySaySo() throws IOException {
    String empty = own(html(chengdu().build(), WUHOU));
    assertShows(empty, "<p class=\"notice info\">2024年3月各项指标均无实绩数据。</p>");

    String other = own(html(chengdu().version("2023.9").scoreIn(MARCH, JINJIANG, 69.0, 3, 2, 2, "合格", null, null)
        .build(), JINJIANG));
    assertShows(other, "本月得分由评价方法 2023.9 计算，与当前配置的方法 " + METHODOLOGY.version() + " 不一致");
    assertShows(other, "<p class=\"lead\">本月得分与当前评价方法不一致，提分空间不列出（见上方提示）。</p>");
    assertFalse(other.contains("class=\"points\""));

    String complete = own(html(chengdu().dataAsOf(LocalDate.of(2024, 4, 2)).build(), JINJIANG));
    assertFalse(complete.contains("尚未到齐"));
  }

  @Test
  void theLeaderboardRanksEveryCountyAndGroupsByCity() {
    Leaderboard board = Leaderboard.of(chengdu().build(), METHODOLOGY);
    assertEquals(183, board.ranked().size());
    // Ranked first, then the unranked by code: Jinniu is the lowest code without a score.
    assertEquals(List.of(QINGYANG, JINJIANG, JINNIU),
        board.ranked().subList(0, 3).stream().map(e -> e.score().countyCode()).toList());
    assertNull(board.ranked().get(2).score().rankProvince());
    assertEquals(2, board.scoredCount());
    assertEquals(Map.of("优秀", 1, "良好", 0, "合格", 1, "不合格", 0), board.gradeCounts());
    assertEquals(21, board.cities().size());
    assertEquals(List.of(QINGYANG, JINJIANG), board.cities().get(0).entries().subList(0, 2).stream()
        .map(e -> e.score().countyCode()).toList());
    assertEquals(Integer.valueOf(1), board.cities().get(0).entries().get(0).cityRankChange());
    assertTrue(board.notices().stream().anyMatch(n -> n.text().startsWith("181 个县（市、区）本年度未下达计分指标的目标任务")));
  }

  @Test
  void theLeaderboardWorkbookListsEveryCountyByRankAndByCity() throws IOException {
    Path xlsx = tmp.resolve("leaderboard.xlsx");
    LeaderboardWorkbook.write(Leaderboard.of(chengdu().build(), METHODOLOGY), xlsx);
    Map<String, List<Row>> sheets = XlsxRows.read(xlsx);
    assertEquals(List.of("全省排名", "按市州", "目标合理性", "说明"), List.copyOf(sheets.keySet()));
    assertEquals(184, sheets.get("全省排名").size());   // header and 183 counties
    Map<String, String> first = XlsxRows.rowByFirstCell(sheets.get("全省排名"), "1");
    assertEquals(List.of("510105", "青羊区", "成都市", "91.5", "优秀", "5", "1"), List.of(first.get("县代码"),
        first.get("县（市、区）"), first.get("市（州）"), first.get("综合得分"), first.get("等级"), first.get("全省排名较上月"),
        first.get("市州内排名较上月")));
    // Unscored counties follow, unranked, with no figure standing in for a missing score.
    assertEquals("未评分", sheets.get("全省排名").get(3).getCellText(5));
    assertEquals("—", sheets.get("全省排名").get(3).getCellText(0));
  }

  /**
   * Nanjiang (巴中市) with the contract's 1174.07% service orders: its rank with an interval, why its
   * score moved (the three largest parts and the renormalisation; a part under 0.005 is left out),
   * and its flagged target.
   */
  static ExtractFixture nanjiang() {
    return new ExtractFixture(MARCH).month(FEBRUARY)
        .scoreIn(MARCH, NANJIANG, 95.0, 4, 4, 1, "优秀", 6.25, 1)
        .kpi(NANJIANG, "service_orders", "3804", "3804", "324", 3804 / 324.0 * 4)
        .interval(NANJIANG, 3, 6, 0.875, 0.0)
        .part(NANJIANG, "service_orders", "1.500000000000", 120.0, 115.0)
        .part(NANJIANG, "new_users", "-3.250000000000", 40.0, 53.0)
        .part(NANJIANG, "popsci_reach", "0.004000000000", 10.0, 9.9)
        .part(NANJIANG, "services_provided", "0.996000000000", 60.0, 56.0)
        .part(NANJIANG, "projects_undertaken", "0.500000000000", 20.0, 18.0)
        .part(NANJIANG, "renormalisation", "6.500000000000", null, null)
        .flag(new TargetFlag(NANJIANG, "service_orders", "target_far_below_pace", new BigDecimal("324.000000"),
            new BigDecimal("3804.0000000000"), 3804 / 324.0 * 4, null, null, 3.0));
  }

  @Test
  void theCountyReportSaysHowFarItsRankHoldsWhyItsScoreMovedAndWhichTargetIsTooLow() throws IOException {
    String page = own(html(nanjiang().build(), NANJIANG));
    assertShows(page, "<div class=\"change\" id=\"rank-interval\">第 4 名，稳健区间 3–6</div>");
    assertShows(page, "模拟 1,000 次：全省名次 90% 落在第 3–6 名；进入前 10 名的概率 87.50%，落入后 10 名的概率 0.00%。");
    assertShows(page, "<h2>变化原因：综合得分较上月 +6.25 分</h2>");
    assertShows(page, "<tr><td>新增注册用户</td><td class=\"down\">-3.25</td><td class=\"text\">指标得分 53.00 → 40.00</td></tr>\n"
        + "      <tr><td>一单一策服务完成单数</td><td class=\"up\">+1.50</td><td class=\"text\">指标得分 115.00 → 120.00</td></tr>\n"
        + "      <tr><td>组织提供科技服务</td><td class=\"up\">+1.00</td><td class=\"text\">指标得分 56.00 → 60.00</td></tr>\n"
        + "      <tr><td>计分指标范围变化</td><td class=\"up\">+6.50</td>");
    assertFalse(page.contains("承接科研项目</td><td class=\"up\">"), "only the three KPIs that moved it most");
    assertShows(page, "<td class=\"flag\">目标偏低</td><td class=\"text\">年度累计 3,804，已达年度目标 324 的 1174.07%，"
        + "进度比 4696.30%，达到序时进度的 3 倍以上");
  }

  @Test
  void theLeaderboardMarksIntervalsAndFlagsAndItsWorkbookListsTheFlags() throws IOException {
    Path html = tmp.resolve("leaderboard.html");
    ReportFiles files = new ReportFiles(tmp, MARCH);
    new HtmlPages(METHODOLOGY).writeLeaderboard(Leaderboard.of(nanjiang().build(), METHODOLOGY), files, html);
    assertShows(Files.readString(html, StandardCharsets.UTF_8), "<td>4</td><td class=\"interval\">3–6</td>",
        "<td class=\"flag\" title=\"service_orders 目标偏低\">⚑ 1</td>");
    Path xlsx = tmp.resolve("leaderboard.xlsx");
    LeaderboardWorkbook.write(Leaderboard.of(nanjiang().build(), METHODOLOGY), xlsx);
    Map<String, List<Row>> sheets = XlsxRows.read(xlsx);
    Map<String, String> ranked = XlsxRows.rowByFirstCell(sheets.get("全省排名"), "4");
    assertEquals(List.of("3", "6", "0.875", "0.0", "1"), List.of(ranked.get("稳健区间起"), ranked.get("稳健区间止"),
        ranked.get("进入前10名概率"), ranked.get("落入后10名概率"), ranked.get("目标提示数")));
    assertEquals(2, sheets.get("目标合理性").size());
    Map<String, String> flag = XlsxRows.rowByFirstCell(sheets.get("目标合理性"), NANJIANG);
    assertEquals(List.of("南江县", "巴中市", "service_orders", "目标偏低", "target_far_below_pace", "324", "3804", "3.0"),
        List.of(flag.get("县（市、区）"), flag.get("市（州）"), flag.get("指标代码"), flag.get("提示"), flag.get("提示代码"),
            flag.get("年度目标"), flag.get("年度累计"), flag.get("阈值")));
  }

  @Test
  void theCountyWorkbookHoldsEveryPartOfTheChangeAndTheFlags() throws IOException {
    Path xlsx = tmp.resolve("nanjiang.xlsx");
    CountyWorkbook.write(new CountyReportBuilder(ExtractFixture.CATALOGUE, METHODOLOGY).build(nanjiang().build(),
        ExtractFixture.COUNTIES.get(NANJIANG)), xlsx);
    Map<String, List<Row>> sheets = XlsxRows.read(xlsx);
    assertEquals(9, sheets.get("变化原因").size());   // header, six parts, the total, the note
    assertEquals("6.25", XlsxRows.rowByFirstCell(sheets.get("变化原因"), "合计（= 得分较上月）").get("对得分的影响"));
    assertEquals("目标偏低", XlsxRows.rowByFirstCell(sheets.get("目标合理性"), "service_orders").get("提示"));
    assertEquals("3–6", XlsxRows.rowByFirstCell(sheets.get("概要"), "全省排名稳健区间").get("内容"));
  }
}
