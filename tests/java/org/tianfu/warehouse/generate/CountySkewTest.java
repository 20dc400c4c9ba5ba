package org.tianfu.warehouse.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tianfu.warehouse.contract.County;
import org.tianfu.warehouse.contract.CountyReference;

/** Three days at scale 0.1: who is busy, and what names look like. */
class CountySkewTest {
  @TempDir
  static Path landing;
  static Map<String, Long> deliveriesByCounty = new HashMap<>();

  @BeforeAll
  static void generate() throws IOException {
    LandingFiles.generate(landing, "2024-03-04", "2024-03-06", 0.1, 17, 0);
    for (JsonNode n : nodes("popsci_deliveries")) {
      deliveriesByCounty.merge(n.get("county_code").asText(), 1L, Long::sum);
    }
  }

  private static List<JsonNode> nodes(String source) {
    return LandingFiles.records(landing, source).stream().map(LandingFiles.Record::node).filter(Objects::nonNull).toList();
  }

  private static double meanPerCounty(String cityCode) {
    return CountyReference.load().all().stream().filter(c -> c.cityCode().equals(cityCode))
        .mapToLong(c -> deliveriesByCounty.getOrDefault(c.code(), 0L)).average().orElseThrow();
  }

  @Test
  void everyCountyAppears() {
    assertEquals(183, deliveriesByCounty.size());
  }

  @Test
  void chengduIsBusyMianyangMediumAndTheWesternPrefecturesQuiet() {
    double chengdu = meanPerCounty("510100");
    double mianyang = meanPerCounty("510700");
    for (String quiet : List.of("513200", "513300", "513400")) {
      assertTrue(chengdu > 20 * meanPerCounty(quiet), "成都 " + chengdu + " vs " + quiet + " " + meanPerCounty(quiet));
      assertTrue(mianyang > 5 * meanPerCounty(quiet), "绵阳 " + mianyang + " vs " + quiet + " " + meanPerCounty(quiet));
    }
    assertTrue(chengdu > 2 * mianyang, "成都 " + chengdu + " vs 绵阳 " + mianyang);
  }

  @Test
  void namesAreChinese() {
    List<String> names = nodes("registrations").stream().filter(n -> n.has("display_name"))
        .map(n -> n.get("display_name").asText()).toList();
    assertTrue(names.size() > 300);
    assertTrue(names.stream().allMatch(n -> n.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)));
    assertTrue(names.stream().anyMatch(n -> n.endsWith("有限公司")), "enterprises");
    assertTrue(names.stream().anyMatch(n -> n.endsWith("团队") || n.endsWith("课题组")), "teams");

    Map<String, County> counties = new HashMap<>();
    CountyReference.load().all().forEach(c -> counties.put(c.code(), c));
    for (JsonNode activity : nodes("science_base_activity")) {
      if (activity.has("base_name")) {
        String name = activity.get("base_name").asText();
        String county = counties.get(activity.get("county_code").asText()).name();
        assertTrue(name.startsWith(ChineseNames.place(counties.get(activity.get("county_code").asText())))
            && name.matches(".*(科技馆|基地|示范园)"), name + " in " + county);
      }
    }
  }

  @Test
  void aScienceBaseAlwaysSitsInTheSameCountyUnderTheSameName() {
    Map<String, String> county = new HashMap<>();
    Map<String, String> name = new HashMap<>();
    for (JsonNode a : nodes("science_base_activity")) {
      String base = a.get("base_id").asText();
      assertEquals(county.computeIfAbsent(base, b -> a.get("county_code").asText()), a.get("county_code").asText());
      if (a.has("base_name")) {
        assertEquals(name.computeIfAbsent(base, b -> a.get("base_name").asText()), a.get("base_name").asText());
      }
    }
    assertTrue(county.size() > 20, "bases seen: " + county.size());
  }
}
