package org.tianfu.warehouse.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tianfu.warehouse.contract.County;
import org.tianfu.warehouse.contract.CountyReference;

/** A range over new year's eve writes two target years; the 2024 files are checked in detail. */
class TargetsTest {
  private static final Set<String> KPI_CODES = Set.of("service_orders", "services_provided",
      "achievements_transferred", "projects_undertaken", "services_obtained", "achievements_introduced",
      "problems_commissioned", "deal_amount_wan", "new_users", "postings", "popsci_activities",
      "popsci_participants", "popsci_reach");
  private static final Set<String> WEIGHTED = Set.of("service_orders", "services_provided", "achievements_transferred",
      "projects_undertaken", "services_obtained", "achievements_introduced", "problems_commissioned", "new_users",
      "popsci_activities", "popsci_reach");

  @TempDir
  static Path landing;
  static byte[] annualBytes;
  static byte[] adjustmentBytes;
  static List<CSVRecord> annual;

  @BeforeAll
  static void generate() throws IOException {
    LandingFiles.generate(landing, "2023-12-31", "2024-01-01", 0.5, 23, 0.002);
    annualBytes = Files.readAllBytes(landing.resolve("targets/year=2024/01_annual_targets.csv"));
    adjustmentBytes = Files.readAllBytes(landing.resolve("targets/year=2024/02_adjustments.csv"));
    String text = new String(annualBytes, 3, annualBytes.length - 3, StandardCharsets.UTF_8);
    annual = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(text)).getRecords();
  }

  @Test
  void everyYearTouchedGetsItsFolder() {
    assertTrue(Files.exists(landing.resolve("targets/year=2023/01_annual_targets.csv")));
    assertTrue(Files.exists(landing.resolve("targets/year=2023/02_adjustments.csv")));
    assertTrue(Files.exists(landing.resolve("targets/year=2024/01_annual_targets.csv")));
  }

  @Test
  void annualTargetsAreUtf8WithABomAndCrlf() {
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(annualBytes, 3));
    String text = new String(annualBytes, StandardCharsets.UTF_8);
    assertTrue(text.startsWith("\uFEFFyear,county_code,kpi_code,target\r\n"));
    assertEquals(text.split("\n", -1).length - 1, text.split("\r\n", -1).length - 1, "every line ends in CRLF");
  }

  @Test
  void mostCountiesHaveTargetsOnEveryWeightedKpiAndAFewHaveFewOrNone() {
    Map<String, Set<String>> kpisByCounty = new HashMap<>();
    for (CSVRecord row : annual) {
      assertEquals("2024", row.get("year"));
      assertTrue(LineClassifier.COUNTIES.contains(row.get("county_code")), row.toString());
      assertTrue(KPI_CODES.contains(row.get("kpi_code")), row.toString());
      assertTrue(new BigDecimal(row.get("target")).signum() > 0, row.toString());
      kpisByCounty.computeIfAbsent(row.get("county_code"), c -> new HashSet<>()).add(row.get("kpi_code"));
    }
    assertEquals(180, kpisByCounty.size(), "three counties have no targets at all");
    assertEquals(KPI_CODES, kpisByCounty.values().stream().flatMap(Set::stream).collect(Collectors.toSet()));
    long fullyWeighted = kpisByCounty.values().stream().filter(k -> k.containsAll(WEIGHTED)).count();
    assertEquals(175, fullyWeighted, "five counties have targets on some KPIs only");
    assertEquals(1, kpisByCounty.values().stream().filter(k -> k.stream().noneMatch(WEIGHTED::contains)).count(),
        "one county has only unweighted targets");
    assertTrue(annual.stream().anyMatch(r -> r.get("target").contains(".")), "some targets have decimals");
  }

  @Test
  void targetsFollowTheCountysActivityButOneIsFarTooLow() {
    Map<String, County> counties = new HashMap<>();
    CountyReference.load().all().forEach(c -> counties.put(c.code(), c));
    Map<String, Double> reach = new HashMap<>();
    Map<String, Double> serviceOrders = new HashMap<>();
    for (CSVRecord row : annual) {
      double target = Double.parseDouble(row.get("target"));
      String city = counties.get(row.get("county_code")).cityCode();
      if (row.get("kpi_code").equals("popsci_reach")) {
        reach.merge(city.equals("510100") ? "chengdu" : city.equals("513300") ? "ganzi" : "other", target, Double::sum);
      }
      if (row.get("kpi_code").equals("service_orders") && city.equals("510100")) {
        serviceOrders.put(row.get("county_code"), target);
      }
    }
    assertTrue(reach.get("chengdu") > 10 * reach.get("ganzi"), reach::toString);
    List<Double> sorted = serviceOrders.values().stream().sorted().toList();
    double median = sorted.get(sorted.size() / 2);
    assertTrue(sorted.get(0) < median / 5, "a Chengdu service-order target set far too low: " + sorted);
  }

  @Test
  void adjustmentsAreGb18030WithOtherColumnsAndRowsToReject() throws IOException {
    assertFalse(LineClassifier.isUtf8(adjustmentBytes), "GB18030 with Chinese text is not valid UTF-8");
    assertFalse(LandingFiles.startsWithBom(adjustmentBytes));
    String text = new String(adjustmentBytes, TargetsWriter.GB18030);
    assertTrue(text.startsWith("county_code,kpi_code,target,year,备注\n"));
    assertFalse(text.contains("\r"));
    List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
        .parse(new StringReader(text)).getRecords();
    assertTrue(rows.size() >= 15, "rows: " + rows.size());
    assertTrue(rows.stream().allMatch(r -> r.get("备注").codePoints()
        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)), "every note is Chinese");

    assertTrue(rows.stream().anyMatch(r -> !LineClassifier.COUNTIES.contains(r.get("county_code"))), "unknown county");
    assertTrue(rows.stream().anyMatch(r -> !KPI_CODES.contains(r.get("kpi_code"))), "unknown kpi_code");
    assertTrue(rows.stream().anyMatch(r -> !r.get("year").equals("2024")), "another year");
    assertTrue(rows.stream().anyMatch(r -> !r.get("target").matches("-?\\d+(\\.\\d+)?")), "target not a number");
    assertTrue(rows.stream().anyMatch(r -> r.get("target").matches("-?\\d+(\\.\\d+)?")
        && new BigDecimal(r.get("target")).signum() <= 0), "target <= 0");
    Set<String> annualKeys = annual.stream().map(r -> r.get("county_code") + r.get("kpi_code")).collect(Collectors.toSet());
    long overrides = rows.stream().filter(r -> r.get("year").equals("2024") && r.get("target").matches("\\d+(\\.\\d+)?")
        && annualKeys.contains(r.get("county_code") + r.get("kpi_code"))).count();
    assertTrue(overrides >= 6, "rows overriding an annual target: " + overrides);
  }
}
