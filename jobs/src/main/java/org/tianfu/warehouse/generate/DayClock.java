package org.tianfu.warehouse.generate;

import java.util.SplittableRandom;

/** When in the Shanghai day things happen, as hourly weights turned into a quantile function. */
enum DayClock {
  /** Registrations, postings, orders: office hours, a little in the evening, rarely at night. */
  OFFICE(0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.5, 4, 8, 9, 8, 4, 5, 8, 9, 8, 6, 3, 2.5, 2.5, 2, 1.2, 0.6),
  /** Popular-science pushes are read on the commute, at lunch and in the evening. */
  READING(1.5, 0.6, 0.3, 0.2, 0.2, 0.5, 2, 5, 7, 6, 5, 5, 7, 6, 4, 4, 4, 5, 6, 8, 10, 10, 7, 4);

  private final double[] cumulative = new double[25];

  DayClock(double... hourlyWeights) {
    double total = 0;
    for (double w : hourlyWeights) {
      total += w;
    }
    for (int h = 0; h < 24; h++) {
      cumulative[h + 1] = cumulative[h] + hourlyWeights[h] / total;
    }
  }

  /** The second of the day below which a share {@code p} of the day's events fall. */
  int secondOfDay(double p) {
    int h = 0;
    while (h < 23 && cumulative[h + 1] <= p) {
      h++;
    }
    double within = (p - cumulative[h]) / (cumulative[h + 1] - cumulative[h]);
    return Math.min(Moment.SECONDS_PER_DAY - 1, h * 3_600 + (int) (within * 3_600));
  }

  int randomSecond(SplittableRandom r) {
    return secondOfDay(r.nextDouble());
  }

  /** Record {@code index} of {@code count}: times rise with the index, so a day's export reads in time order. */
  int orderedSecond(long index, long count, SplittableRandom r) {
    return secondOfDay((index + r.nextDouble()) / count);
  }
}
