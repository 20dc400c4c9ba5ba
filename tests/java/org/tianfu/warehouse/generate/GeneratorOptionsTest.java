package org.tianfu.warehouse.generate;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GeneratorOptionsTest {
  private static final Path LANDING = Path.of("landing");
  private static final LocalDate MARCH_1 = LocalDate.of(2024, 3, 1);
  private static final LocalDate MARCH_10 = LocalDate.of(2024, 3, 10);

  private static String rejection(LocalDate from, LocalDate to, double scale, double badShare) {
    return assertThrows(IllegalArgumentException.class,
        () -> new GeneratorOptions(LANDING, from, to, scale, 1, badShare, false)).getMessage();
  }

  @Test
  void rejectsARangeThatRunsBackwards() {
    assertEquals("from (2024-03-10) must not be after to (2024-03-01)", rejection(MARCH_10, MARCH_1, 1, 0.002));
  }

  @Test
  void rejectsScalesOutsideZeroToTen() {
    assertEquals("scale must be > 0 and <= 10.0, got 0.0", rejection(MARCH_1, MARCH_10, 0, 0.002));
    assertEquals("scale must be > 0 and <= 10.0, got 10.5", rejection(MARCH_1, MARCH_10, 10.5, 0.002));
    assertEquals("scale must be > 0 and <= 10.0, got NaN", rejection(MARCH_1, MARCH_10, Double.NaN, 0.002));
  }

  @Test
  void rejectsBadSharesOutsideZeroToHalf() {
    assertEquals("bad share must be between 0 and 0.5, got -0.1", rejection(MARCH_1, MARCH_10, 1, -0.1));
    assertEquals("bad share must be between 0 and 0.5, got 0.6", rejection(MARCH_1, MARCH_10, 1, 0.6));
  }

  @Test
  void rejectsMissingValues() {
    assertThrows(IllegalArgumentException.class, () -> new GeneratorOptions(null, MARCH_1, MARCH_10, 1, 1, 0, false));
    assertThrows(IllegalArgumentException.class, () -> new GeneratorOptions(LANDING, null, MARCH_10, 1, 1, 0, false));
  }

  @Test
  void acceptsTheEdgesOfEveryRange() {
    assertDoesNotThrow(() -> new GeneratorOptions(LANDING, MARCH_1, MARCH_1, 10, 1, 0, false));
    assertDoesNotThrow(() -> new GeneratorOptions(LANDING, MARCH_1, MARCH_10, 0.0001, 1, 0.5, true));
  }
}
