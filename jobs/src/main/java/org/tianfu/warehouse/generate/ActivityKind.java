package org.tianfu.warehouse.generate;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Kinds of science-base activity with their share and usual audience; a few are big events. */
enum ActivityKind {
  EXHIBITION("exhibition", 0.25, 50, 3_000),
  LECTURE("lecture", 0.35, 20, 300),
  ONLINE("online", 0.20, 100, 8_000),
  FIELD_TRIP("field_trip", 0.20, 10, 80);

  static final WeightedChoice<ActivityKind> CHOICE = new WeightedChoice<>(List.of(values()),
      Arrays.stream(values()).mapToDouble(k -> k.share).toArray());
  // 科技活动周 and the like draw crowds; some activities are called off and reported with 0.
  private static final double BIG_EVENT_SHARE = 0.01;
  private static final int BIG_EVENT_MIN = 5_000;
  private static final int BIG_EVENT_MAX = 30_000;
  private static final double CALLED_OFF_SHARE = 0.01;

  final String code;
  private final double share;
  private final int minParticipants;
  private final int maxParticipants;

  ActivityKind(String code, double share, int minParticipants, int maxParticipants) {
    this.code = code;
    this.share = share;
    this.minParticipants = minParticipants;
    this.maxParticipants = maxParticipants;
  }

  int participants(SplittableRandom r) {
    double u = r.nextDouble();
    if (u < CALLED_OFF_SHARE) {
      return 0;
    }
    if (u < CALLED_OFF_SHARE + BIG_EVENT_SHARE) {
      return BIG_EVENT_MIN + r.nextInt(BIG_EVENT_MAX - BIG_EVENT_MIN + 1);
    }
    return minParticipants + r.nextInt(maxParticipants - minParticipants + 1);
  }

  /** Mean participants of an activity of any kind, for sizing targets. */
  static double meanParticipants() {
    double usual = Arrays.stream(values()).mapToDouble(k -> k.share * (k.minParticipants + k.maxParticipants) / 2.0).sum();
    return (1 - CALLED_OFF_SHARE - BIG_EVENT_SHARE) * usual + BIG_EVENT_SHARE * (BIG_EVENT_MIN + BIG_EVENT_MAX) / 2.0;
  }
}
