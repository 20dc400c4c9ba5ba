package org.tianfu.warehouse.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tianfu.warehouse.metrics.Methodology;

/**
 * The province leaderboard of a period: every county by province rank (unscored counties last),
 * and the same rows grouped by city in city-rank order, with how many counties got each grade.
 */
public record Leaderboard(YearMonth period, String methodologyVersion, LocalDate dataAsOf, List<Entry> ranked,
    List<CityGroup> cities, Map<String, Integer> gradeCounts, int scoredCount, List<Notice> notices) {

  /**
   * A county's row; {@code cityRankChange} as {@link GoldExtract#cityRankChange}, {@code interval}
   * its rank interval (null when gold has none), {@code flags} its flagged targets.
   */
  public record Entry(CountyScore score, Integer cityRankChange, RankInterval interval, List<TargetFlag> flags) {}

  public record CityGroup(String cityCode, String cityName, List<Entry> entries) {}

  private static final Comparator<CountyScore> BY_PROVINCE_RANK = Comparator.comparing(CountyScore::rankProvince,
      Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(CountyScore::countyCode);
  private static final Comparator<CountyScore> BY_CITY_RANK = Comparator.comparing(CountyScore::rankCity,
      Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(CountyScore::countyCode);

  public static Leaderboard of(GoldExtract gold, Methodology methodology) {
    List<Entry> ranked = gold.periodScores().stream().sorted(BY_PROVINCE_RANK)
        .map(s -> new Entry(s, gold.cityRankChange(s.countyCode()), gold.checks().interval(s.countyCode()),
            gold.checks().flags(s.countyCode()))).toList();

    Map<String, List<Entry>> byCity = new LinkedHashMap<>();
    ranked.stream().sorted(Comparator.comparing((Entry e) -> e.score().cityCode())
        .thenComparing(Entry::score, BY_CITY_RANK)).forEach(e -> byCity.computeIfAbsent(e.score().cityCode(), c -> new ArrayList<>()).add(e));
    List<CityGroup> cities = new ArrayList<>();
    byCity.forEach((code, entries) -> cities.add(new CityGroup(code, entries.get(0).score().cityName(), entries)));

    Map<String, Integer> gradeCounts = new LinkedHashMap<>();
    methodology.grades().forEach(g -> gradeCounts.put(g.grade(), 0));
    ranked.stream().map(e -> e.score().grade()).filter(Objects::nonNull).forEach(g -> gradeCounts.merge(g, 1, Integer::sum));
    int scored = (int) ranked.stream().filter(e -> e.score().scored()).count();

    List<Notice> notices = new ArrayList<>();
    notices.add(Notice.partialMonth(gold.period(), gold.dataAsOf()));
    if (!methodology.version().equals(gold.methodologyVersion())) {
      notices.add(Notice.otherMethodology(gold.methodologyVersion(), methodology.version()));
    }
    if (scored == 0) {
      notices.add(Notice.warning(Dates.month(gold.period()) + "全省没有县（市、区）评分：计分指标的年度目标尚未下达。"));
    } else if (scored < ranked.size()) {
      notices.add(Notice.info((ranked.size() - scored) + " 个县（市、区）本年度未下达计分指标的目标任务，本月不评分、不排名，列于表末。"));
    }
    return new Leaderboard(gold.period(), gold.methodologyVersion(), gold.dataAsOf(), ranked, cities, gradeCounts,
        scored, notices.stream().filter(Objects::nonNull).toList());
  }
}
