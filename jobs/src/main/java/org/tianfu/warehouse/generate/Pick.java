package org.tianfu.warehouse.generate;

import java.util.SplittableRandom;

/** A uniform pick from a fixed list. */
final class Pick {
  private Pick() {}

  static <T> T one(T[] values, SplittableRandom r) {
    return values[r.nextInt(values.length)];
  }
}
