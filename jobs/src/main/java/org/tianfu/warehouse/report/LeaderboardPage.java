package org.tianfu.warehouse.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.tianfu.warehouse.metrics.Methodology;

/** A {@link Leaderboard} as the leaderboard template shows it, figures as text, chart points as JSON. */
record LeaderboardPage(ReportAssets assets, String footer, String periodText, String methodologyVersion,
    String dataAsOf, int scoredCount, int countyCount, int cityCount, boolean anyScored, List<Notice> notices,
    List<GradeCount> grades, List<Row> ranked, List<City> cities, String capPercent, String gradeBands,
    String uncertaintyRule, String chartData) {

  record GradeCount(String grade, int count) {}

  record Row(String countyCode, String countyName, String cityCode, String cityName, String href,
      String rankProvince, String rankChange, String rankChangeClass, String score, String scoreChange,
      String scoreChangeClass, String grade, String rankCity, String cityRankChange, String cityRankChangeClass,
      int kpisScored, String rankInterval, String flagMarker, String flagTitle) {}

  record City(String cityCode, String cityName, int size, int ranked, List<Row> entries) {}

  static LeaderboardPage of(Leaderboard board, Methodology methodology, ReportAssets assets, ReportFiles files) {
    List<GradeCount> grades = new ArrayList<>();
    board.gradeCounts().forEach((grade, count) -> grades.add(new GradeCount(grade, count)));
    grades.add(new GradeCount("未评分", board.ranked().size() - board.scoredCount()));
    List<City> cities = board.cities().stream().map(c -> new City(c.cityCode(), c.cityName(), c.entries().size(),
        (int) c.entries().stream().filter(e -> e.score().rankCity() != null).count(),
        c.entries().stream().map(e -> row(e, files)).toList())).toList();
    return new LeaderboardPage(assets, "全省县级服务中心绩效排名 · " + Dates.month(board.period()),
        Dates.month(board.period()), board.methodologyVersion(),
        board.dataAsOf() == null ? "不详" : Dates.day(board.dataAsOf()), board.scoredCount(), board.ranked().size(),
        cities.size(), board.scoredCount() > 0, board.notices(), grades,
        board.ranked().stream().map(e -> row(e, files)).toList(), cities,
        Figures.percentText(methodology.kpiScoreCap(), ""), CountyPage.gradeBands(methodology),
        CountyPage.uncertaintyRule(methodology), ReportAssets.json(chartData(board, methodology)));
  }

  private static Row row(Leaderboard.Entry e, ReportFiles files) {
    CountyScore s = e.score();
    // Links are relative to the leaderboard, which sits beside counties/ in the output directory.
    return new Row(s.countyCode(), s.countyName(), s.cityCode(), s.cityName(), files.countyHref(s.countyCode(), "html"),
        s.rankProvince() == null ? "—" : s.rankProvince().toString(), Figures.rankChange(s.rankChange()),
        Figures.direction(s.rankChange()), s.scored() ? Figures.twoDecimals(s.score2dp()) : "未评分",
        s.scoreChange() == null ? "—" : Figures.signedTwoDecimals(s.scoreChange()), Figures.direction(s.scoreChange()),
        s.grade() == null ? "—" : s.grade(), s.rankCity() == null ? "—" : s.rankCity().toString(),
        Figures.rankChange(e.cityRankChange()), Figures.direction(e.cityRankChange()), s.kpisScored(),
        e.interval() == null ? "—" : e.interval().text(), e.flags().isEmpty() ? "" : "⚑ " + e.flags().size(),
        String.join("；", e.flags().stream().map(f -> f.kpiCode() + " " + f.label()).toList()));
  }

  private static ObjectNode chartData(Leaderboard board, Methodology methodology) {
    ObjectNode data = ReportAssets.JSON.createObjectNode().put("kind", "leaderboard");
    ArrayNode cities = data.putArray("cities");
    ArrayNode points = data.putArray("points");
    for (Leaderboard.CityGroup city : board.cities()) {
      for (Leaderboard.Entry e : city.entries()) {
        if (e.score().scored()) {
          points.addArray().add(cities.size()).add(e.score().score2dp()).add(e.score().countyName())
              .add(e.score().grade()).add(e.score().rankProvince());
        }
      }
      cities.add(city.cityName());
    }
    ArrayNode bands = data.putArray("bands");
    methodology.grades().stream().filter(g -> g.minScore() != null)
        .forEach(g -> bands.addObject().put("grade", g.grade()).put("min", g.minScore()));
    return data;
  }
}
