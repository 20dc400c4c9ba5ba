package org.tianfu.warehouse.generate;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.tianfu.warehouse.contract.County;

/**
 * The platform's users. Registration event {@code i} of day {@code d} registers user
 * {@code U<d>-<i>} when it is a new-user event; that user's type, county, name and phone are
 * derived from (d, i) alone, so later updates, re-sent registrations and postings can refer to
 * a user of any earlier day and agree with what the registration said.
 */
final class UserDirectory {
  static final double NEW_USER_SHARE = 0.80;
  static final WeightedChoice<String> TYPES =
      new WeightedChoice<>(List.of("scientist", "team", "enterprise", "public"), 0.30, 0.08, 0.22, 0.40);
  private static final int MAX_DAYS_BACK = 730;
  private static final int PICK_ATTEMPTS = 16;

  record Profile(String userId, String userType, County county, String displayName, String phone) {}

  private final Seeds seeds;
  private final CountyActivity counties;
  private final DailyVolume volume;

  UserDirectory(Seeds seeds, CountyActivity counties, DailyVolume volume) {
    this.seeds = seeds;
    this.counties = counties;
    this.volume = volume;
  }

  boolean isNewUser(LocalDate day, int eventIndex) {
    return seeds.unit("registrations/new-user", day, eventIndex) < NEW_USER_SHARE;
  }

  static String userId(LocalDate day, int eventIndex) {
    return Ids.daily("U", day, eventIndex, 6);
  }

  Profile profile(LocalDate day, int eventIndex) {
    SplittableRandom r = seeds.random("user", day, eventIndex);
    String type = TYPES.pick(r);
    County county = counties.pick(r);
    return new Profile(userId(day, eventIndex), type, county, displayName(type, county, r), phone(r));
  }

  /** A user who registered before {@code day}, on average {@code meanDaysBack} days before. */
  Profile pickEarlier(LocalDate day, double meanDaysBack, SplittableRandom r) {
    LocalDate regDay = earlierDay(day, meanDaysBack, r);
    return profile(regDay, newUserIndex(regDay, r));
  }

  /** Like {@link #pickEarlier} but only the id, for high-volume sources that need nothing else. */
  String pickEarlierId(LocalDate day, double meanDaysBack, SplittableRandom r) {
    LocalDate regDay = earlierDay(day, meanDaysBack, r);
    return userId(regDay, newUserIndex(regDay, r));
  }

  static String displayName(String type, County county, SplittableRandom r) {
    return switch (type) {
      case "team" -> ChineseNames.team(r);
      case "enterprise" -> ChineseNames.enterprise(county, r);
      case "public" -> ChineseNames.publicUser(county, r);
      default -> ChineseNames.person(county, r);
    };
  }

  /** A Chinese mobile number, 1[3-9] and nine digits. */
  static String phone(SplittableRandom r) {
    return "1" + (3 + r.nextInt(7)) + Ids.padded(r.nextInt(1_000_000_000), 9);
  }

  private static LocalDate earlierDay(LocalDate day, double meanDaysBack, SplittableRandom r) {
    return day.minusDays(1 + Math.min(MAX_DAYS_BACK, (long) (r.nextExponential() * meanDaysBack)));
  }

  /** An index on {@code regDay} whose event registered a new user (retrying past other kinds of events). */
  private int newUserIndex(LocalDate regDay, SplittableRandom r) {
    int events = volume.count(LandingSource.REGISTRATIONS, regDay);
    int index = r.nextInt(events);
    for (int attempt = 1; attempt < PICK_ATTEMPTS && !isNewUser(regDay, index); attempt++) {
      index = r.nextInt(events);
    }
    return index;
  }
}
