package org.tianfu.warehouse.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LandingTimestampsTest {
  @ParameterizedTest
  @CsvSource({
      "2024-01-31T16:30:00Z,        2024-01-31T16:30:00Z",
      "2024-02-01T00:30:00+08:00,   2024-01-31T16:30:00Z",
      "2024-02-01T00:30:00+0800,    2024-01-31T16:30:00Z",
      "2024-02-01T00:30:00+08,      2024-01-31T16:30:00Z",
      "2024-02-01T00:30:00,         2024-01-31T16:30:00Z",
      "2024-02-01T00:30:00.250,     2024-01-31T16:30:00.250Z",
      "2024-02-01T00:30,            2024-01-31T16:30:00Z",
      "2024-02-01t00:30:00,         2024-01-31T16:30:00Z",
      "2024-01-31T11:00:00-05:30,   2024-01-31T16:30:00Z",
      "2024-01-31T16:30:00-00:00,   2024-01-31T16:30:00Z",
  })
  void isoDateTimesWithOrWithoutOffset(String text, String instant) {
    assertEquals(Instant.parse(instant), LandingTimestamps.parseInstant(text));
  }

  @ParameterizedTest
  @CsvSource({"2024-03-01", "2024/03/01 10:00", "2024-02-30T10:00:00", "2024-03-01 10:00:00", "yesterday", "''"})
  void notADateTime(String text) {
    assertNull(LandingTimestamps.parseInstant(text));
  }

  @ParameterizedTest
  @CsvSource({
      "2024-01-31T16:30:00Z,     2024-02",
      "2024-01-31T15:59:59Z,     2024-01",
      "2023-12-31T16:00:00Z,     2024-01",
      "2024-12-31T23:59:59,      2024-12",
  })
  void monthsAreShanghaiMonths(String text, String month) {
    Instant instant = LandingTimestamps.parseInstant(text);
    assertEquals(YearMonth.parse(month), YearMonth.from(instant.atZone(LandingTimestamps.SHANGHAI)));
  }

  @ParameterizedTest
  @CsvSource({"2024-3-1", "2024-02-30", "2024-03-01T00:00:00", "20240301"})
  void strictDates(String text) {
    assertNull(LandingTimestamps.parseDate(text));
  }

  /**
   * The digit-by-digit reading of the exported forms agrees with java.time's parser wherever it
   * answers, and parseInstant with java.time's everywhere: random texts of those forms, most of
   * them out of range, and near misses.
   */
  @Test
  void theCommonFormReadsAsTheIsoParserDoes() {
    Random random = new Random(2024);
    String[] ends = {"", "Z", "+08:00", "-05:30", "+18:00", "-00:00", "+18:01", "+14:60", "z", "+0800", "+08", "Z "};
    int answered = 0;
    for (int i = 0; i < 20_000; i++) {
      String text = String.format("%04d-%02d-%02dT%02d:%02d:%02d%s", random.nextInt(10_000), random.nextInt(14),
          random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62),
          ends[random.nextInt(ends.length)]);
      Instant common = LandingTimestamps.parseCommonForm(text);
      if (common != null) {
        answered++;
        assertEquals(LandingTimestamps.parseIso(text), common, text);
      }
      assertEquals(LandingTimestamps.parseIso(text), LandingTimestamps.parseInstant(text), text);
    }
    assertTrue(answered > 5_000, "the common form answered " + answered + " of 20000");
  }
}
