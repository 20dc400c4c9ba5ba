package org.tianfu.warehouse.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** How figures read: the contract's worked example, rounding at the edges, absent values, and pace status. */
class FiguresTest {
  @Test
  void percentagesAsTheContractQuotesThem() {
    assertEquals("1174.07%", Figures.percentText(3804.0 / 324.0, "未下达"));
    assertEquals("8.33%", Figures.percentText(1.0 / 12, "未下达"));
    assertEquals("25.00%", Figures.percentText(3.0 / 12, "未下达"));
    assertEquals("未下达", Figures.percentText(null, "未下达"));
    // Half away from zero on the exact binary value: 0.125 is exact, 0.00125 is a hair above 1/800.
    assertEquals(new BigDecimal("12.50"), Figures.percent(0.125));
    assertEquals(new BigDecimal("0.13"), Figures.percent(0.00125));
  }

  @Test
  void amountsScoresAndChanges() {
    assertEquals("3,804", Figures.amount(new BigDecimal("3804.0000000000")));
    assertEquals("12.5", Figures.amount(new BigDecimal("12.500000")));
    assertEquals("1,234.57", Figures.amount(new BigDecimal("1234.5650000000")));
    assertEquals("0", Figures.amount(new BigDecimal("0E-10")));
    assertEquals("89.50", Figures.twoDecimals(new BigDecimal("89.5")));
    assertEquals("+1.52", Figures.signedTwoDecimals(1.5249));
    assertEquals("-0.37", Figures.signedTwoDecimals(-0.3651));
    assertEquals("-0.36", Figures.signedTwoDecimals(-0.365));   // -0.36499999… in binary
    assertEquals("0.00", Figures.signedTwoDecimals(-0.001));
    assertEquals("+5.25", Figures.points(new BigDecimal("5.245")));
    assertEquals("+<0.01", Figures.points(new BigDecimal("0.004")));
    assertEquals("↑3", Figures.rankChange(3));
    assertEquals("↓2", Figures.rankChange(-2));
    assertEquals("持平", Figures.rankChange(0));
    assertEquals("—", Figures.rankChange(null));
  }

  @Test
  void paceStatusIsDecidedOnThePaceAsPrinted() {
    assertEquals(PaceStatus.NO_TARGET, PaceStatus.of(null));
    assertEquals(PaceStatus.ON_PACE, PaceStatus.of(1.0));
    assertEquals(PaceStatus.ON_PACE, PaceStatus.of(0.99996));   // 100.00%
    assertEquals(PaceStatus.ON_PACE, PaceStatus.of(1.00004));   // 100.00%
    assertEquals(PaceStatus.BEHIND, PaceStatus.of(0.99994));    // 99.99%
    assertEquals(PaceStatus.AHEAD, PaceStatus.of(1.00006));     // 100.01%
    assertEquals(PaceStatus.BEHIND, PaceStatus.of(0.0));
  }
}
