package org.tianfu.warehouse.generate;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Picks values in proportion to fixed weights; also tells a value's share, which targets are sized from. */
final class WeightedChoice<T> {
  private final List<T> values;
  private final double[] cumulative;
  private final Map<T, Integer> indexOf = new HashMap<>();

  WeightedChoice(List<T> values, double... weights) {
    if (values.isEmpty() || values.size() != weights.length) {
      throw new IllegalArgumentException("need one positive weight per value");
    }
    this.values = List.copyOf(values);
    this.cumulative = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] > 0)) {
        throw new IllegalArgumentException("weight of " + values.get(i) + " must be positive");
      }
      sum += weights[i];
      cumulative[i] = sum;
      indexOf.put(values.get(i), i);
    }
  }

  T pick(SplittableRandom r) {
    double x = r.nextDouble() * total();
    int i = Arrays.binarySearch(cumulative, x);
    i = i >= 0 ? i + 1 : -i - 1;
    return values.get(Math.min(i, values.size() - 1));
  }

  /** The probability that {@link #pick} returns this value (0 for a value not offered). */
  double share(T value) {
    Integer i = indexOf.get(value);
    if (i == null) {
      return 0;
    }
    double below = i == 0 ? 0 : cumulative[i - 1];
    return (cumulative[i] - below) / total();
  }

  List<T> values() {
    return values;
  }

  private double total() {
    return cumulative[cumulative.length - 1];
  }
}
