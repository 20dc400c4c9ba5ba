package org.tianfu.warehouse.generate;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/** Supply (科技所能) and demand (科技所需) postings by existing users, in the poster's county. */
final class PostingSource extends DailyRecordSource {
  static final WeightedChoice<String> CATEGORIES =
      new WeightedChoice<>(List.of("service", "achievement", "project"), 0.50, 0.25, 0.25);
  private static final double TITLE_SHARE = 0.85;

  PostingSource(GenerationContext context) {
    super(context, LandingSource.POSTINGS);
  }

  @Override
  protected JsonLine record(LocalDate day, int index, int count) {
    SplittableRandom r = context.seeds().random("postings", day, index);
    Moment at = Moment.of(day, DayClock.OFFICE.orderedSecond(index, count, r), r);
    UserDirectory.Profile user = context.users().pickEarlier(day, 60, r);
    String category = CATEGORIES.pick(r);
    String side = side(user.userType(), r);
    return new JsonLine()
        .text("posting_id", Ids.daily("P", day, index, 5))
        .text("user_id", user.userId())
        .text("county_code", user.county().code())
        .text("side", side)
        .text("category", category)
        .text("title", r.nextDouble() < TITLE_SHARE ? PostingTitles.title(category, side, r) : null)
        .text("posted_at", IsoTimestamps.format(at, r));
  }

  /** Enterprises mostly need, scientists and teams mostly offer. */
  private static String side(String userType, SplittableRandom r) {
    double supplyShare = switch (userType) {
      case "scientist", "team" -> 0.85;
      case "enterprise" -> 0.10;
      default -> 0.30;
    };
    return r.nextDouble() < supplyShare ? "supply" : "demand";
  }
}
