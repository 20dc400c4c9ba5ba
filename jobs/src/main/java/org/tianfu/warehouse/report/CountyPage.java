package org.tianfu.warehouse.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.tianfu.warehouse.metrics.Methodology;

/**
 * A {@link CountyReport} as the county template shows it: every figure already written as text
 * (the template has no logic), and the chart series as JSON for the page's script.
 */
record CountyPage(ReportAssets assets, String footer, String countyName, String countyCode, String cityName,
    String periodText, int year, String methodologyVersion, String dataAsOf, List<Notice> notices,
    Standing standing, Gains gains, List<KpiRow> kpis, Charts charts, List<PeerRow> peers, String capPercent,
    String gradeBands, String chartData, Robustness robustness, Reasons reasons, Flags flags) {

  /** The score cards. Absent figures read "—" or say why ("未评分"). */
  record Standing(String score, String scoreChange, String scoreChangeClass, String grade, String previousGrade,
      String rankProvince, int provinceRanked, String rankChange, String rankChangeClass, String rankCity,
      int cityRanked, String cityRankChange, String cityRankChangeClass) {}

  /** The rank with its interval: "第 4 名，稳健区间 3–6", and the sentence that says how it was drawn. */
  record Robustness(boolean shown, String rankWithInterval, String sentence) {}

  /** 变化原因: the score change and the parts that moved it most. */
  record Reasons(boolean shown, String scoreChange, boolean any, List<ReasonRow> rows) {}

  record ReasonRow(String name, String points, String pointsClass, String detail) {}

  record Flags(boolean any, List<FlagRow> rows) {}

  record FlagRow(String kpiName, String label, String reason) {}

  record Gains(boolean shown, boolean any, List<GainRow> rows, String total, String reachable, String why) {}

  record GainRow(String name, String pace, String weight, String share, String points) {}

  record KpiRow(String code, String name, String unit, String weight, String weightClass, String actual,
      String actualYtd, String target, String targetClass, String completionRate, String timeProgress,
      String pace, String status, String statusClass) {}

  record Charts(boolean trajectory, boolean pace, boolean city) {}

  record PeerRow(String rankCity, String name, String score, String grade, String rankProvince, boolean self) {}

  static final String NOT_SET = "未下达";
  /** Bars of the pace chart stop at 200%: one runaway KPI would otherwise flatten all the others. */
  static final double PACE_CHART_LIMIT = 2.0;

  static CountyPage of(CountyReport r, Methodology methodology, ReportAssets assets) {
    List<KpiRow> kpis = new ArrayList<>();
    for (KpiLine line : r.kpis()) {
      KpiMonth g = line.gold();
      boolean hasTarget = g.target() != null;
      kpis.add(new KpiRow(line.kpi().code(), line.kpi().nameZh(), line.kpi().unit(),
          line.weight() == null ? "不计分" : Figures.twoDecimals(line.weight()), line.weight() == null ? "absent" : "",
          Figures.amount(g.actual()), Figures.amount(g.actualYtd()), hasTarget ? Figures.amount(g.target()) : NOT_SET,
          hasTarget ? "" : "absent", Figures.percentText(g.completionRate(), NOT_SET),
          Figures.percentText(g.timeProgress(), NOT_SET), Figures.percentText(g.pace(), NOT_SET),
          line.status().label(), line.status().cssClass()));
    }
    List<PeerRow> peers = r.cityPeers().stream().map(p -> new PeerRow(rank(p.rankCity()), p.name(),
        p.score() == null ? "未评分" : Figures.twoDecimals(p.score()), dash(p.grade()), rank(p.rankProvince()), p.self()))
        .toList();
    boolean anyTarget = r.kpis().stream().anyMatch(l -> l.gold().pace() != null);
    boolean anyScoredMonth = r.trajectory().stream().anyMatch(CountyScore::scored);
    boolean anyScoredPeer = r.cityPeers().stream().anyMatch(p -> p.score() != null);
    return new CountyPage(assets, r.county().name() + " · " + Dates.month(r.period()) + "绩效报告",
        r.county().name(), r.county().code(), r.county().cityName(), Dates.month(r.period()), r.period().getYear(),
        r.methodologyVersion(), r.dataAsOf() == null ? "不详" : Dates.day(r.dataAsOf()), r.notices(),
        standing(r), gains(r), kpis, new Charts(anyScoredMonth, anyTarget, anyScoredPeer), peers,
        Figures.percentText(methodology.kpiScoreCap(), ""), gradeBands(methodology),
        ReportAssets.json(chartData(r)), robustness(r, methodology), reasons(r),
        new Flags(!r.flags().isEmpty(),
            r.flags().stream().map(f -> new FlagRow(r.kpiName(f.kpiCode()), f.label(), f.reason())).toList()));
  }

  private static Robustness robustness(CountyReport r, Methodology methodology) {
    RankInterval i = r.interval();
    if (i == null || i.low() == null) {
      return new Robustness(false, "", "");
    }
    String sentence = uncertaintyRule(methodology) + "：全省名次 90% 落在第 " + i.text() + " 名；进入前 10 名的概率 "
        + Figures.percentText(i.pTop10(), "") + "，落入后 10 名的概率 " + Figures.percentText(i.pBottom10(), "") + "。";
    return new Robustness(true, "第 " + r.score().rankProvince() + " 名，稳健区间 " + i.text(), sentence);
  }

  private static Reasons reasons(CountyReport r) {
    Double change = r.score().scoreChange();
    if (change == null) {
      return new Reasons(false, "", false, List.of());
    }
    List<ReasonRow> rows = new ArrayList<>();
    ChangeReasons reasons = ChangeReasons.of(r.changeParts());
    for (ChangePart p : reasons.kpis()) {
      String detail = p.kpiScorePrevious() == null ? "本月新计分，指标得分 " + twoDecimals(p.kpiScore())
          : p.kpiScore() == null ? "本月不再计分，上月指标得分 " + twoDecimals(p.kpiScorePrevious())
          : "指标得分 " + twoDecimals(p.kpiScorePrevious()) + " → " + twoDecimals(p.kpiScore());
      rows.add(new ReasonRow(r.kpiName(p.component()), Figures.signedTwoDecimals(p.contribution().doubleValue()),
          Figures.direction(p.contribution()), detail));
    }
    ChangePart renormalisation = reasons.renormalisation();
    if (renormalisation != null) {
      rows.add(new ReasonRow("计分指标范围变化", Figures.signedTwoDecimals(renormalisation.contribution().doubleValue()),
          Figures.direction(renormalisation.contribution()), "下达或取消目标的指标改变了权重的折算"));
    }
    return new Reasons(true, Figures.signedTwoDecimals(change), !rows.isEmpty(), rows);
  }

  private static String twoDecimals(double value) {
    return Figures.twoDecimals(new BigDecimal(value));
  }

  private static Standing standing(CountyReport r) {
    CountyScore s = r.score();
    CountyScore before = r.previous();
    return new Standing(s.scored() ? Figures.twoDecimals(s.score2dp()) : "未评分",
        s.scoreChange() == null ? "—" : Figures.signedTwoDecimals(s.scoreChange()), Figures.direction(s.scoreChange()),
        dash(s.grade()), before == null ? "—" : dash(before.grade()),
        s.rankProvince() == null ? "未排名" : s.rankProvince().toString(), r.provinceRanked(),
        Figures.rankChange(s.rankChange()), Figures.direction(s.rankChange()),
        s.rankCity() == null ? "未排名" : s.rankCity().toString(), r.cityRanked(),
        Figures.rankChange(r.cityRankChange()), Figures.direction(r.cityRankChange()));
  }

  private static Gains gains(CountyReport r) {
    if (!r.gainsShown()) {
      String why = r.score().scored() ? "本月得分与当前评价方法不一致，提分空间不列出（见上方提示）。" : "本月未评分，没有提分空间可列。";
      return new Gains(false, false, List.of(), "", "", why);
    }
    List<GainRow> rows = r.gains().stream().map(g -> new GainRow(g.line().kpi().nameZh(),
        Figures.percentText(g.line().gold().pace(), ""), Figures.twoDecimals(g.line().weight()),
        Figures.percentText(g.weightShare().doubleValue(), ""), Figures.points(g.points()))).toList();
    BigDecimal total = PointGain.total(r.gains());
    BigDecimal reachable = new BigDecimal(r.score().score()).add(total).setScale(2, RoundingMode.HALF_UP);
    return new Gains(true, !rows.isEmpty(), rows, Figures.twoDecimals(total), reachable.toPlainString(), "");
  }

  private static ObjectNode chartData(CountyReport r) {
    ObjectNode data = ReportAssets.JSON.createObjectNode().put("kind", "county");
    ObjectNode trajectory = data.putObject("trajectory").put("provinceRanked", r.provinceRanked());
    ArrayNode months = trajectory.putArray("months");
    ArrayNode scores = trajectory.putArray("scores");
    ArrayNode ranks = trajectory.putArray("ranks");
    for (CountyScore s : r.trajectory()) {
      months.add(s.period().getMonthValue() + "月");
      if (s.scored()) {
        scores.add(s.score2dp());
        ranks.add(s.rankProvince());
      } else {
        scores.addNull();
        ranks.addNull();
      }
    }
    ObjectNode pace = data.putObject("pace");
    ArrayNode names = pace.putArray("names");
    ArrayNode values = pace.putArray("values");
    ArrayNode labels = pace.putArray("labels");
    ArrayNode statuses = pace.putArray("statuses");
    for (KpiLine line : r.kpis()) {
      Double p = line.gold().pace();
      if (p != null) {
        names.add(line.kpi().nameZh());
        values.add(Figures.percent(Math.min(p, PACE_CHART_LIMIT)));
        labels.add(Figures.percentText(p, ""));
        statuses.add(line.status().cssClass());
      }
    }
    ObjectNode city = data.putObject("city");
    ArrayNode peerNames = city.putArray("names");
    ArrayNode peerScores = city.putArray("scores");
    ArrayNode peerLabels = city.putArray("labels");
    int self = -1;
    for (Peer p : r.cityPeers()) {
      if (p.self()) {
        self = peerNames.size();
      }
      peerNames.add(p.name());
      if (p.score() == null) {
        peerScores.addNull();
        peerLabels.add("未评分");
      } else {
        peerScores.add(p.score());
        peerLabels.add(Figures.twoDecimals(p.score()) + " " + p.grade() + " 市内第" + p.rankCity() + "名 全省第" + p.rankProvince() + "名");
      }
    }
    city.put("self", self);
    return data;
  }

  /** How the rank intervals were drawn, in words: "权重各乘以 0.75–1.25 的随机系数、…、模拟 1,000 次". */
  static String uncertaintyRule(Methodology m) {
    Methodology.RankUncertainty u = m.rankUncertainty();
    return "权重各乘以 " + u.weightFactorLow() + "–" + u.weightFactorHigh() + " 的随机系数、封顶在 "
        + Figures.percentText(u.capLow(), "") + "–" + Figures.percentText(u.capHigh(), "") + " 之间随机取值，模拟 "
        + Figures.amount(BigDecimal.valueOf(u.draws())) + " 次";
  }

  static String gradeBands(Methodology m) {
    List<String> bands = new ArrayList<>();
    for (Methodology.GradeBand b : m.grades()) {
      bands.add(b.minScore() == null ? "其余为" + b.grade() : "≥ " + b.minScore().stripTrailingZeros().toPlainString() + " 为" + b.grade());
    }
    return String.join("，", bands);
  }

  private static String rank(Integer rank) {
    return rank == null ? "—" : rank.toString();
  }

  private static String dash(String s) {
    return s == null ? "—" : s;
  }
}
