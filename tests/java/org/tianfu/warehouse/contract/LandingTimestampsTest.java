package org.tianfu.warehouse.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.YearMonth;
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
}
