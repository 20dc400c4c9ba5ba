package org.tianfu.warehouse.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How the reports write numbers. Every figure is a gold value rounded for reading, half away from
 * zero on the exact value (a double's exact binary value, not its shortest decimal form), so the
 * page, the PDF and the workbook say the same thing. Ratios are percentages with two decimals, as
 * kpis.md quotes them (3804 / 324 → 1174.07%).
 */
public final class Figures {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Figures() {}

  /** A ratio as a percentage rounded to two decimals: 11.7407… → 1174.07. */
  public static BigDecimal percent(double ratio) {
    return new BigDecimal(ratio).multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP);
  }

  /** "1174.07%", or the text for an absent ratio. */
  public static String percentText(Double ratio, String absent) {
    return ratio == null ? absent : percent(ratio).toPlainString() + "%";
  }

  /** An amount or count with thousands separators and at most two decimals: 3804 → "3,804", 12.5 → "12.5". */
  public static String amount(BigDecimal value) {
    DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(value);
  }

  /** Two decimals: a score (already rounded by gold) or points. */
  public static String twoDecimals(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  /** A change with its sign, two decimals: "+1.52", "-0.37", "0.00" (never "-0.00"). */
  public static String signedTwoDecimals(double change) {
    BigDecimal rounded = new BigDecimal(change).setScale(2, RoundingMode.HALF_UP);
    return rounded.signum() > 0 ? "+" + rounded.toPlainString() : rounded.abs().signum() == 0 ? "0.00" : rounded.toPlainString();
  }

  /** Points a county can gain, with their sign: "+5.25"; a gain too small to show in two decimals is "+<0.01", never "+0.00". */
  public static String points(BigDecimal points) {
    BigDecimal shown = points.setScale(2, RoundingMode.HALF_UP);
    return shown.signum() == 0 && points.signum() > 0 ? "+<0.01" : "+" + shown.toPlainString();
  }

  /** A rank change (positive = moved up): "↑3", "↓2", "持平", or "—" when there is none to compare. */
  public static String rankChange(Integer change) {
    return change == null ? "—" : change > 0 ? "↑" + change : change < 0 ? "↓" + (-change) : "持平";
  }

  /** "up", "down" or "" for a change, to colour it. */
  public static String direction(Number change) {
    double d = change == null ? 0 : change.doubleValue();
    return d > 0 ? "up" : d < 0 ? "down" : "";
  }
}
