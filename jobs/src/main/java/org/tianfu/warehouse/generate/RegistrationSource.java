package org.tianfu.warehouse.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Users registering, updating their profile or deregistering. Besides new users, a day carries
 * updates of users from earlier days (same type and county as they registered with) and, now and
 * then, a second {@code register} event for a user who registered on an earlier day.
 */
final class RegistrationSource extends DailyRecordSource {
  private static final double UPDATE = 0.70;   // shares among events that are not new users
  private static final double RE_REGISTER = 0.18;
  private static final double NAME_SHARE = 0.90;
  private static final double PHONE_SHARE = 0.85;

  RegistrationSource(GenerationContext context) {
    super(context, LandingSource.REGISTRATIONS);
  }

  @Override
  protected JsonLine record(LocalDate day, int index, int count) {
    SplittableRandom r = context.seeds().random("registrations", day, index);
    Moment at = Moment.of(day, DayClock.OFFICE.orderedSecond(index, count, r), r);
    UserDirectory users = context.users();
    String op = "register";
    UserDirectory.Profile user;
    String name;
    String phone;
    if (users.isNewUser(day, index)) {
      user = users.profile(day, index);
      name = user.displayName();
      phone = user.phone();
    } else {
      double u = r.nextDouble();
      if (u < UPDATE) {
        op = "update";
        user = users.pickEarlier(day, 90, r);
        name = r.nextDouble() < 0.3 ? UserDirectory.displayName(user.userType(), user.county(), r) : user.displayName();
        phone = r.nextDouble() < 0.2 ? UserDirectory.phone(r) : user.phone();
      } else if (u < UPDATE + RE_REGISTER) {
        // The app retried a registration that had gone through days ago.
        user = users.pickEarlier(day, 10, r);
        name = user.displayName();
        phone = user.phone();
      } else {
        op = "deregister";
        user = users.pickEarlier(day, 120, r);
        name = null;
        phone = null;
      }
    }
    return new JsonLine()
        .text("event_id", Ids.daily("R", day, index, 6))
        .text("op", op)
        .text("user_id", user.userId())
        .text("user_type", user.userType())
        .text("county_code", user.county().code())
        .text("display_name", r.nextDouble() < NAME_SHARE ? name : null)
        .text("phone", r.nextDouble() < PHONE_SHARE ? phone : null)
        .text("event_time", IsoTimestamps.format(at, r));
  }
}
