package org.tianfu.warehouse.generate;

import java.util.SplittableRandom;

/**
 * Contract amounts of one order category: log-uniform between a floor and a ceiling (many small
 * deals, a few large ones), and a share done free of charge.
 */
record AmountRange(double minYuan, double maxYuan, double freeShare) {

  long sampleCents(SplittableRandom r) {
    if (r.nextDouble() < freeShare) {
      return 0;
    }
    double yuan = minYuan * Math.pow(maxYuan / minYuan, r.nextDouble());
    double style = r.nextDouble();
    // Most contracts are in round hundreds, some to the yuan, a few to the fen.
    if (style < 0.7) {
      return Math.round(yuan / 100) * 100_00;
    }
    return style < 0.9 ? Math.round(yuan) * 100 : Math.round(yuan * 100);
  }

  double meanYuan() {
    return (1 - freeShare) * (maxYuan - minYuan) / Math.log(maxYuan / minYuan);
  }

  /** A JSON number with at most two decimals: 12300, 12345.6 is written 12345.60. */
  static String literal(long cents) {
    return cents % 100 == 0 ? Long.toString(cents / 100) : cents / 100 + "." + Ids.padded(cents % 100, 2);
  }
}
