package org.tianfu.warehouse.generate;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tianfu.warehouse.contract.County;

/**
 * The province's annual targets for one year, as province staff save them from a spreadsheet:
 * {@code 01_annual_targets.csv} in UTF-8 with a BOM and CRLF, then {@code 02_adjustments.csv}
 * saved on a Chinese desktop in GB18030, with its columns in another order, a notes column,
 * overrides of some targets and a few rows the pipeline must reject.
 */
final class TargetsWriter {
  static final String ANNUAL_FILE = "01_annual_targets.csv";
  static final String ADJUSTMENTS_FILE = "02_adjustments.csv";
  static final Charset GB18030 = Charset.forName("GB18030");

  private static final int COUNTIES_WITHOUT_TARGETS = 3;
  private static final int COUNTIES_WITH_SOME_TARGETS = 5;
  private static final double UNWEIGHTED_TARGET_SHARE = 0.6;
  private static final double HALF_UNIT_SHARE = 0.08;
  private static final String[] ADJUSTMENT_NOTES = {"年中调整", "县级申请下调，经审核同意", "按省科协要求上调",
      "更正录入错误", "根据上年完成情况调整", "结合县域产业实际调整"};

  private record Key(County county, TargetKpi kpi) {}

  private final Seeds seeds;
  private final CountyActivity counties;
  private final KpiExpectations expectations;

  TargetsWriter(Seeds seeds, CountyActivity counties, KpiExpectations expectations) {
    this.seeds = seeds;
    this.counties = counties;
    this.expectations = expectations;
  }

  /** Writes both files of {@code year} under {@code <landing>/targets/year=YYYY}; returns the number of files. */
  int write(Path landing, int year) throws IOException {
    SplittableRandom r = seeds.random("targets", LocalDate.of(year, 1, 1), 0);
    List<County> shuffled = shuffled(counties.counties(), r);
    List<County> withSome = shuffled.subList(COUNTIES_WITHOUT_TARGETS, COUNTIES_WITHOUT_TARGETS + COUNTIES_WITH_SOME_TARGETS);
    Map<Key, BigDecimal> annual = annualTargets(year, shuffled.subList(0, COUNTIES_WITHOUT_TARGETS), withSome, r);
    List<Key> tooLow = setTooLow(annual, year, r);

    Path dir = landing.resolve("targets").resolve("year=" + year);
    Files.createDirectories(dir);
    List<String[]> annualRows = new ArrayList<>();
    annual.forEach((k, target) -> annualRows.add(
        new String[] {Integer.toString(year), k.county().code(), k.kpi().code(), target.toPlainString()}));
    writeCsv(dir.resolve(ANNUAL_FILE), StandardCharsets.UTF_8, true, "\r\n",
        new String[] {"year", "county_code", "kpi_code", "target"}, annualRows);
    writeCsv(dir.resolve(ADJUSTMENTS_FILE), GB18030, false, "\n",
        new String[] {"county_code", "kpi_code", "target", "year", "备注"},
        adjustments(year, annual, tooLow, withSome, r));
    return 2;
  }

  private Map<Key, BigDecimal> annualTargets(int year, List<County> without, List<County> withSome, SplittableRandom r) {
    int days = Year.of(year).length();
    Map<Key, BigDecimal> targets = new LinkedHashMap<>();
    for (County county : counties.counties()) {
      if (without.contains(county)) {
        continue;
      }
      // The first county with some targets has only unweighted ones: it is listed but cannot be scored.
      List<TargetKpi> kpis = !withSome.contains(county) ? allKpis(r)
          : county.equals(withSome.get(0)) ? some(TargetKpi.unweightedOnes(), r) : some(TargetKpi.weightedOnes(), r);
      for (TargetKpi kpi : kpis) {
        double expected = expectations.annual(kpi, county, days);
        targets.put(new Key(county, kpi), target(expected * (0.6 + 0.9 * r.nextDouble()), kpi, r));
      }
    }
    return targets;
  }

  /**
   * Sets two targets far too low, so completion ends the year over 1000% (like 3804 orders against
   * 324): the busiest county's service orders and one other; returns their keys.
   */
  private List<Key> setTooLow(Map<Key, BigDecimal> targets, int year, SplittableRandom r) {
    Key busiest = targets.keySet().stream().filter(k -> k.kpi() == TargetKpi.SERVICE_ORDERS)
        .max(Comparator.comparingDouble(k -> counties.weight(k.county()))).orElseThrow();
    List<Key> tooLow = List.of(busiest, any(new ArrayList<>(targets.keySet()), r));
    for (Key k : tooLow) {
      double expected = expectations.annual(k.kpi(), k.county(), Year.of(year).length());
      targets.put(k, target(expected * (0.05 + 0.03 * r.nextDouble()), k.kpi(), r));
    }
    return tooLow;
  }

  private List<String[]> adjustments(int year, Map<Key, BigDecimal> annual, List<Key> tooLow, List<County> withSome,
      SplittableRandom r) {
    List<Key> keys = new ArrayList<>(annual.keySet());
    List<Key> adjustable = keys.stream().filter(k -> !tooLow.contains(k)).toList();
    List<String[]> rows = new ArrayList<>();
    int overrides = Math.max(6, keys.size() * 3 / 100);
    for (int i = 0; i < overrides; i++) {
      Key k = any(adjustable, r);
      BigDecimal target = target(annual.get(k).doubleValue() * (0.7 + 0.6 * r.nextDouble()), k.kpi(), r);
      rows.add(row(k.county().code(), k.kpi().code(), target.toPlainString(), year, Pick.one(ADJUSTMENT_NOTES, r)));
    }
    // A target the first file did not have for a county with only some targets.
    County county = withSome.get(1);
    TargetKpi missing = TargetKpi.weightedOnes().stream()
        .filter(kpi -> !annual.containsKey(new Key(county, kpi))).findFirst().orElse(TargetKpi.NEW_USERS);
    rows.add(row(county.code(), missing.code(), "12", year, "补录漏报指标"));
    // Rows the pipeline must reject without touching the earlier target of the same key.
    rows.add(row("510199", "service_orders", "120", year, "待核实县区代码"));
    rows.add(row(any(keys, r).county().code(), "service_order", "50", year, "指标名称有误"));
    rows.add(row(any(keys, r).county().code(), "科普活动场次", "30", year, "指标名称写成中文"));
    rows.add(keyRow(any(keys, r), "80", year - 1, "沿用上年目标"));
    rows.add(keyRow(any(keys, r), "待定", year, "目标待定"));
    rows.add(keyRow(any(keys, r), "1,200", year, "含千分位"));
    rows.add(keyRow(any(keys, r), "0", year, "暂不考核"));
    rows.add(keyRow(any(keys, r), "-15", year, "录入有误"));
    return shuffled(rows, r);
  }

  /** A target rounded as staff write them: counts whole (large ones to tens or hundreds), now and then a half; amounts to the fen. */
  private static BigDecimal target(double value, TargetKpi kpi, SplittableRandom r) {
    if (kpi == TargetKpi.DEAL_AMOUNT_WAN) {
      return BigDecimal.valueOf(Math.max(0.5, value)).setScale(2, RoundingMode.HALF_UP);
    }
    double v = Math.max(1, value);
    if (r.nextDouble() < HALF_UNIT_SHARE) {
      return BigDecimal.valueOf(Math.floor(v) + 0.5);
    }
    long n = Math.round(v);
    long unit = n >= 10_000 ? 100 : n >= 1_000 ? 10 : 1;
    return BigDecimal.valueOf(Math.max(1, Math.round((double) n / unit) * unit));
  }

  private static List<TargetKpi> allKpis(SplittableRandom r) {
    List<TargetKpi> kpis = new ArrayList<>();
    for (TargetKpi kpi : TargetKpi.values()) {
      if (kpi.weighted || r.nextDouble() < UNWEIGHTED_TARGET_SHARE) {
        kpis.add(kpi);
      }
    }
    return kpis;
  }

  /** A few of the given KPIs, in catalogue order. */
  private static List<TargetKpi> some(List<TargetKpi> from, SplittableRandom r) {
    List<TargetKpi> picked = shuffled(from, r).subList(0, 1 + r.nextInt(Math.min(from.size(), 5)));
    return picked.stream().sorted().toList();
  }

  private static Key any(List<Key> keys, SplittableRandom r) {
    return keys.get(r.nextInt(keys.size()));
  }

  private static String[] keyRow(Key k, String target, int year, String note) {
    return row(k.county().code(), k.kpi().code(), target, year, note);
  }

  private static String[] row(String county, String kpi, String target, int year, String note) {
    return new String[] {county, kpi, target, Integer.toString(year), note};
  }

  /** Fisher–Yates with our own random stream (Collections.shuffle wants a java.util.Random). */
  private static <T> List<T> shuffled(List<T> values, SplittableRandom r) {
    List<T> list = new ArrayList<>(values);
    for (int i = list.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
    return list;
  }

  private static void writeCsv(Path file, Charset charset, boolean bom, String lineEnd, String[] header,
      List<String[]> rows) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator(lineEnd).build();
    try (Writer out = new OutputStreamWriter(Files.newOutputStream(temp), charset)) {
      if (bom) {
        out.write('\uFEFF');
      }
      CSVPrinter csv = new CSVPrinter(out, format);
      csv.printRecord((Object[]) header);
      for (String[] row : rows) {
        csv.printRecord((Object[]) row);
      }
      csv.flush();
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
