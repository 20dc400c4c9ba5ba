package org.tianfu.warehouse.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tianfu.warehouse.contract.County;
import org.tianfu.warehouse.metrics.KpiCatalogue;
import org.tianfu.warehouse.metrics.Methodology;

/** Builds one county's {@link CountyReport} from the period's {@link GoldExtract}. No figure is recomputed. */
public final class CountyReportBuilder {
  private final KpiCatalogue catalogue;
  private final Methodology methodology;

  public CountyReportBuilder(KpiCatalogue catalogue, Methodology methodology) {
    this.catalogue = catalogue;
    this.methodology = methodology;
  }

  public CountyReport build(GoldExtract gold, County county) {
    YearMonth period = gold.period();
    CountyScore score = own(gold.periodScores(), county.code());
    List<CountyScore> city = gold.periodScores().stream().filter(s -> s.cityCode().equals(county.cityCode())).toList();
    List<KpiLine> lines = lines(gold.kpis(county.code()));

    List<Notice> notices = new ArrayList<>();
    notices.add(Notice.partialMonth(period, gold.dataAsOf()));
    boolean sameMethodology = methodology.version().equals(score.methodologyVersion());
    if (!sameMethodology) {
      notices.add(Notice.otherMethodology(score.methodologyVersion(), methodology.version()));
    }
    long scoredLines = lines.stream().filter(KpiLine::scored).count();
    if (!score.scored()) {
      notices.add(Notice.warning(county.name() + " " + period.getYear()
          + "年尚未下达计分指标的目标任务：本月不评分、不排名。下表照常列出各项指标的实绩。"));
    } else if (scoredLines < methodology.weights().size()) {
      notices.add(Notice.info("本年度有 " + (methodology.weights().size() - scoredLines) + " 项计分指标未下达目标：得分按已下达目标的 "
          + scoredLines + " 项指标计算，权重按比例折算（权重 ÷ 已下达目标指标的权重之和）。"));
    }
    if (lines.stream().allMatch(l -> l.gold().actual().signum() == 0)) {
      notices.add(Notice.info(Dates.month(period) + "各项指标均无实绩数据。"));
    }
    // The points are only sound with the weights gold scored with: same version, same scored KPIs.
    boolean gainsShown = score.scored() && sameMethodology && scoredLines == score.kpisScored();

    return new CountyReport(county, period, score.methodologyVersion(), gold.dataAsOf(), score,
        gold.previous(county.code()).orElse(null),
        ranked(gold.periodScores()), ranked(city), gold.cityRankChange(county.code()),
        lines, gainsShown, gainsShown ? PointGain.of(lines, methodology.kpiScoreCap()) : List.of(),
        trajectory(gold, county.code()), peers(city, county.code()),
        notices.stream().filter(Objects::nonNull).toList(), gold.checks().interval(county.code()),
        gold.checks().changeParts(county.code()), gold.checks().flags(county.code()));
  }

  private List<KpiLine> lines(List<KpiMonth> rows) {
    Map<String, KpiMonth> byCode = rows.stream().collect(Collectors.toMap(KpiMonth::kpiCode, Function.identity()));
    List<KpiLine> lines = new ArrayList<>();
    for (KpiCatalogue.Kpi kpi : catalogue.kpis().values()) {
      KpiMonth row = byCode.get(kpi.code());
      if (row == null) {
        throw new IllegalStateException("gold.kpi_county_month has no " + kpi.code() + " row for county "
            + (rows.isEmpty() ? "?" : rows.get(0).countyCode()) + ": it should be dense");
      }
      BigDecimal weight = methodology.weights().get(kpi.code());
      lines.add(new KpiLine(kpi, weight, row));
    }
    return lines;
  }

  private static CountyScore own(List<CountyScore> scores, String countyCode) {
    return scores.stream().filter(s -> s.countyCode().equals(countyCode)).findFirst()
        .orElseThrow(() -> new IllegalStateException("gold.county_scores has no row for county " + countyCode));
  }

  private static int ranked(List<CountyScore> scores) {
    return (int) scores.stream().filter(s -> s.rankProvince() != null).count();
  }

  private static List<CountyScore> trajectory(GoldExtract gold, String countyCode) {
    List<CountyScore> out = new ArrayList<>();
    gold.scoresByMonth().forEach((month, scores) -> {
      if (month.getYear() == gold.period().getYear()) {
        scores.stream().filter(s -> s.countyCode().equals(countyCode)).forEach(out::add);
      }
    });
    return out;
  }

  /** The city's counties by city rank (unranked last, by code), each only as name, score, grade and rank. */
  private static List<Peer> peers(List<CountyScore> city, String countyCode) {
    return city.stream()
        .sorted(Comparator.comparing(CountyScore::rankCity, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(CountyScore::countyCode))
        .map(s -> Peer.of(s, s.countyCode().equals(countyCode))).toList();
  }
}
