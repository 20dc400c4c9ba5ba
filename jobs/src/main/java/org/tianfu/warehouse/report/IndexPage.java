package org.tianfu.warehouse.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tianfu.warehouse.contract.County;

/** index.html: the leaderboard and every county report written, by city, each in its forms. */
record IndexPage(String css, String periodText, String methodologyVersion, String dataAsOf, int countyCount,
    Links leaderboard, List<City> cities) {

  /** Relative links to the forms of one report; {@code pdf} is empty when PDFs were not written. */
  record Links(String name, String html, String pdf, String xlsx) {}

  record City(String cityName, List<Links> counties) {}

  static IndexPage of(Leaderboard board, List<County> counties, ReportFiles files, boolean pdf, ReportAssets assets) {
    Map<String, List<Links>> byCity = new LinkedHashMap<>();
    counties.stream().sorted(java.util.Comparator.comparing(County::cityCode).thenComparing(County::code))
        .forEach(c -> byCity.computeIfAbsent(c.cityName(), k -> new ArrayList<>()).add(new Links(c.name(),
            files.countyHref(c.code(), "html"), pdf ? files.countyHref(c.code(), "pdf") : "",
            files.countyHref(c.code(), "xlsx"))));
    List<City> cities = new ArrayList<>();
    byCity.forEach((city, links) -> cities.add(new City(city, links)));
    return new IndexPage(assets.css(), Dates.month(board.period()), board.methodologyVersion(),
        board.dataAsOf() == null ? "不详" : Dates.day(board.dataAsOf()), counties.size(),
        new Links("全省排名", files.leaderboardHref("html"), pdf ? files.leaderboardHref("pdf") : "",
            files.leaderboardHref("xlsx")), cities);
  }
}
