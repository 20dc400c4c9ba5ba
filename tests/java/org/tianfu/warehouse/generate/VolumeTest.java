package org.tianfu.warehouse.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One week (Monday 2024-03-04 to Sunday 03-10) at scale 0.01: a hundredth of the platform's volume. */
class VolumeTest {
  @TempDir
  static Path landing;
  static GenerationSummary summary;

  @BeforeAll
  static void generate() throws IOException {
    summary = LandingFiles.generate(landing, "2024-03-04", "2024-03-10", 0.01, 11, 0.002);
  }

  private static Map<LocalDate, Long> perDay(String source) {
    return LandingFiles.recordLines(landing, source).stream()
        .collect(Collectors.groupingBy(LandingFiles.Line::dt, TreeMap::new, Collectors.counting()));
  }

  private static void assertEveryDayWithin(String source, long min, long max) {
    Map<LocalDate, Long> days = perDay(source);
    assertEquals(7, days.size(), source + " has lines every day");
    days.forEach((day, n) -> assertTrue(n >= min && n <= max, source + " on " + day + ": " + n + " lines"));
  }

  @Test
  void everySourceHasDataEveryDayAtAHundredthOfTheVolume() {
    assertEveryDayWithin("popsci_deliveries", 2_400, 4_000);  // ≈ 3,000 a day
    assertEveryDayWithin("registrations", 10, 60);            // ≈ 30
    assertEveryDayWithin("postings", 3, 20);                  // ≈ 5, the floor
    assertEveryDayWithin("orders", 3, 60);                    // ≥ 3 new orders a day, several events each
    assertEveryDayWithin("science_base_activity", 1, 20);     // ≈ 5, the floor, a third of them late
  }

  @Test
  void aWeekOfDeliveriesAddsUpToSevenTimesTheDailyVolume() {
    long week = perDay("popsci_deliveries").values().stream().mapToLong(Long::longValue).sum();
    assertTrue(week > 7 * 3_000 * 0.9 && week < 7 * 3_000 * 1.15, "deliveries in a week: " + week);
  }

  @Test
  void weekdaysAreBusierThanWeekendsForRegistrations() {
    Map<Boolean, Double> mean = perDay("registrations").entrySet().stream().collect(Collectors.partitioningBy(
        e -> e.getKey().getDayOfWeek() == DayOfWeek.SATURDAY || e.getKey().getDayOfWeek() == DayOfWeek.SUNDAY,
        Collectors.averagingLong(Map.Entry::getValue)));
    assertTrue(mean.get(false) > 1.3 * mean.get(true), "weekday vs weekend means: " + mean);
  }

  @Test
  void theSummaryCountsWhatWasWritten() {
    for (String source : LandingFiles.SOURCES) {
      assertEquals(LandingFiles.recordLines(landing, source).size(), summary.linesBySource().get(source), source);
    }
    assertEquals(7, summary.days());
    assertTrue(summary.describe().contains("popsci_deliveries"));
  }
}
