package org.tianfu.warehouse.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tianfu.warehouse.contract.County;
import org.tianfu.warehouse.contract.CountyReference;
import org.tianfu.warehouse.metrics.KpiCatalogue;
import org.tianfu.warehouse.metrics.Methodology;

/**
 * A hand-made {@link GoldExtract}: all 183 counties, unscored, every KPI at zero without a target,
 * until a test says otherwise — the shape gold has (dense), with only the figures a case needs.
 */
final class ExtractFixture {
  static final CountyReference COUNTIES = CountyReference.load();
  static final KpiCatalogue CATALOGUE = KpiCatalogue.load();
  static final BigDecimal ZERO = new BigDecimal("0E-10");

  private final YearMonth period;
  private LocalDate dataAsOf;
  private String version = Methodology.load(CATALOGUE).version();
  private final Map<YearMonth, Map<String, CountyScore>> scores = new TreeMap<>();
  private final Map<String, Map<String, KpiMonth>> kpis = new LinkedHashMap<>();
  private final Map<String, RankInterval> intervals = new TreeMap<>();
  private final Map<String, List<TargetFlag>> flags = new TreeMap<>();
  private final Map<String, List<ChangePart>> parts = new TreeMap<>();

  ExtractFixture(YearMonth period) {
    this.period = period;
    this.dataAsOf = period.atEndOfMonth();
    month(period);
    for (County c : COUNTIES.all()) {
      Map<String, KpiMonth> rows = new LinkedHashMap<>();
      for (String kpi : CATALOGUE.kpis().keySet()) {
        rows.put(kpi, new KpiMonth(c.code(), kpi, ZERO, ZERO, null, null, period.getMonthValue() / 12.0, null));
      }
      kpis.put(c.code(), rows);
    }
  }

  /** Adds a month of gold scores (every county unscored until {@link #score}). */
  ExtractFixture month(YearMonth month) {
    Map<String, CountyScore> rows = new LinkedHashMap<>();
    for (County c : COUNTIES.all()) {
      rows.put(c.code(), new CountyScore(month, c.code(), c.name(), c.cityCode(), c.cityName(), null, null, 0,
          null, null, null, null, null, version));
    }
    scores.put(month, rows);
    return this;
  }

  ExtractFixture dataAsOf(LocalDate day) {
    this.dataAsOf = day;
    return this;
  }

  /** Gold scored with another methodology version (set before scoring anything). */
  ExtractFixture version(String version) {
    this.version = version;
    scores.keySet().forEach(this::month);
    return this;
  }

  ExtractFixture score(String county, double score, int kpisScored, int rankProvince, int rankCity, String grade) {
    return scoreIn(period, county, score, kpisScored, rankProvince, rankCity, grade, null, null);
  }

  ExtractFixture scoreIn(YearMonth month, String county, double score, int kpisScored, int rankProvince,
      int rankCity, String grade, Double scoreChange, Integer rankChange) {
    CountyScore base = scores.get(month).get(county);
    scores.get(month).put(county, new CountyScore(month, county, base.countyName(), base.cityCode(), base.cityName(),
        score, new BigDecimal(score).setScale(2, java.math.RoundingMode.HALF_UP), kpisScored, rankProvince, rankCity,
        grade, scoreChange, rankChange, version));
    return this;
  }

  /** A KPI row; completion_rate = pace × time_progress, as gold relates them. */
  ExtractFixture kpi(String county, String kpi, String actual, String ytd, String target, Double pace) {
    double timeProgress = period.getMonthValue() / 12.0;
    kpis.get(county).put(kpi, new KpiMonth(county, kpi, new BigDecimal(actual), new BigDecimal(ytd),
        target == null ? null : new BigDecimal(target), pace == null ? null : pace * timeProgress, timeProgress, pace));
    return this;
  }

  ExtractFixture interval(String county, int low, int high, double pTop10, double pBottom10) {
    intervals.put(county, new RankInterval(low, high, pTop10, pBottom10, 1000));
    return this;
  }

  ExtractFixture flag(TargetFlag flag) {
    flags.computeIfAbsent(flag.countyCode(), c -> new ArrayList<>()).add(flag);
    return this;
  }

  ExtractFixture part(String county, String component, String contribution, Double kpiScore, Double previous) {
    parts.computeIfAbsent(county, c -> new ArrayList<>())
        .add(new ChangePart(county, component, new BigDecimal(contribution), kpiScore, previous));
    return this;
  }

  GoldExtract build() {
    Map<YearMonth, List<CountyScore>> byMonth = new TreeMap<>();
    scores.forEach((m, rows) -> byMonth.put(m, new ArrayList<>(rows.values())));
    Map<String, List<KpiMonth>> byCounty = new LinkedHashMap<>();
    kpis.forEach((c, rows) -> byCounty.put(c, new ArrayList<>(rows.values())));
    return new GoldExtract(period, dataAsOf, byMonth, byCounty, new ScoreChecks(intervals, flags, parts));
  }
}
