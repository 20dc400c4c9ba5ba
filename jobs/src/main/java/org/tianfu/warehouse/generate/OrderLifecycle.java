package org.tianfu.warehouse.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tianfu.warehouse.contract.County;

/**
 * One order from creation to its last status, a pure function of (seed, creation day, index):
 * created → matched → signed → completed over days and weeks; some are cancelled on the way, some
 * are refunded (cancelled) weeks after completion. Category and counties never change.
 */
final class OrderLifecycle {
  static final WeightedChoice<String> CATEGORIES =
      new WeightedChoice<>(List.of("service", "achievement", "project", "popsci"), 0.50, 0.20, 0.20, 0.10);
  static final Map<String, AmountRange> AMOUNTS = Map.of(
      "service", new AmountRange(5_000, 300_000, 0),
      "achievement", new AmountRange(50_000, 2_000_000, 0),
      "project", new AmountRange(100_000, 5_000_000, 0),
      "popsci", new AmountRange(2_000, 80_000, 0.15));
  static final double CANCELLED_BEFORE_COMPLETION = 0.15;
  static final double REFUNDED = 0.05;
  /** Orders that end completed and stay so. */
  static final double COMPLETED_SHARE = 1 - CANCELLED_BEFORE_COMPLETION - REFUNDED;
  /** Orders run by a county service centre as a "一单一策" ticket carry facilitator_county. */
  static final double FACILITATED_SHARE = 0.60;
  static final double FACILITATOR_AT_DEMANDER = 0.80;

  private static final int MAX_MATCH_DAYS = 7;
  private static final int MAX_SIGN_DAYS = 14;
  private static final int MAX_COMPLETE_DAYS = 60;
  private static final int MAX_CANCEL_DAYS = 20;
  private static final int MAX_REFUND_DAYS = 40;
  /** Every step may also roll past midnight, and a completion may move to the 1st of next month. */
  static final int MAX_SPAN_DAYS = MAX_MATCH_DAYS + MAX_SIGN_DAYS + MAX_COMPLETE_DAYS + 31 + MAX_REFUND_DAYS + 5;
  private static final double SAME_TIME_SHARE = 0.04;
  /** Completions keyed in just after midnight on the 1st: printed in UTC they show last month's date. */
  private static final double FIRST_OF_MONTH_SHARE = 0.04;
  private static final int SUPPLIER_TEAMS_PER_COUNTY = 60;
  private static final int DEMANDERS_PER_COUNTY = 400;

  record Step(String status, Moment at, Long amountCents) {}

  final String orderId;
  final String category;
  final String supplierId;
  final County supplier;
  final String demanderId;
  final County demander;
  final County facilitator;
  final List<Step> steps;
  final LocalDate created;
  private final int index;

  private OrderLifecycle(LocalDate created, int index, SplittableRandom r, CountyActivity counties) {
    this.created = created;
    this.index = index;
    this.orderId = Ids.daily("O", created, index, 5);
    this.category = CATEGORIES.pick(r);
    this.supplier = counties.pickSupplier(r);
    this.demander = counties.pick(r);
    this.facilitator = r.nextDouble() < FACILITATED_SHARE
        ? (r.nextDouble() < FACILITATOR_AT_DEMANDER ? demander : supplier) : null;
    this.supplierId = "T" + supplier.code() + "-" + Ids.padded(1 + r.nextInt(SUPPLIER_TEAMS_PER_COUNTY), 3);
    this.demanderId = "C" + demander.code() + "-" + Ids.padded(1 + r.nextInt(DEMANDERS_PER_COUNTY), 4);
    this.steps = List.copyOf(timeline(r));
  }

  static OrderLifecycle derive(Seeds seeds, CountyActivity counties, LocalDate created, int index) {
    return new OrderLifecycle(created, index, seeds.random("orders", created, index), counties);
  }

  /** Event ids carry the order and the step: E20240301-00012-3 is the third event of O20240301-00012. */
  String eventId(int step) {
    return Ids.daily("E", created, index, 5) + "-" + (step + 1);
  }

  /** A key unique to each event of each order of a creation day, for per-event random streams. */
  long eventKey(int step) {
    return index * 8L + step;
  }

  private List<Step> timeline(SplittableRandom r) {
    double fate = r.nextDouble();
    boolean refunded = fate >= CANCELLED_BEFORE_COMPLETION && fate < CANCELLED_BEFORE_COMPLETION + REFUNDED;
    // How many steps an order cancelled on the way gets before its cancellation: created, matched or signed.
    int reached = fate < CANCELLED_BEFORE_COMPLETION ? 1 + r.nextInt(3) : 4;
    List<Step> steps = new ArrayList<>(5);
    Moment t = Moment.of(created, DayClock.OFFICE.randomSecond(r), r);
    steps.add(new Step("created", t, null));
    if (reached >= 2) {
      t = r.nextDouble() < SAME_TIME_SHARE ? t : later(t, days(r, 1.5, MAX_MATCH_DAYS), r);
      steps.add(new Step("matched", t, null));
    }
    long amount = AMOUNTS.get(category).sampleCents(r);
    if (reached >= 3) {
      t = later(t, 1 + days(r, 4, MAX_SIGN_DAYS - 1), r);
      steps.add(new Step("signed", t, amount));
    }
    if (reached >= 4) {
      t = completion(t, r);
      steps.add(new Step("completed", t, completedAmount(amount, r)));
    }
    if (reached < 4 || refunded) {
      t = refunded ? later(t, 3 + days(r, 10, MAX_REFUND_DAYS - 3), r) : later(t, 1 + days(r, 5, MAX_CANCEL_DAYS - 1), r);
      steps.add(new Step("cancelled", t, null));
    }
    return steps;
  }

  private static Moment completion(Moment signed, SplittableRandom r) {
    if (r.nextDouble() < SAME_TIME_SHARE) {
      return signed;
    }
    Moment done = later(signed, 3 + days(r, 15, MAX_COMPLETE_DAYS - 3), r);
    if (r.nextDouble() < FIRST_OF_MONTH_SHARE) {
      return new Moment(done.day().withDayOfMonth(1).plusMonths(1), r.nextInt(2 * 3_600), 0);
    }
    return done;
  }

  /** Usually the signed amount; sometimes adjusted at completion; sometimes left out, so the latest non-null wins. */
  private static Long completedAmount(long signed, SplittableRandom r) {
    double u = r.nextDouble();
    if (u < 0.7) {
      return signed;
    }
    return u < 0.8 ? Math.round(signed * (0.85 + 0.25 * r.nextDouble())) : null;
  }

  private static int days(SplittableRandom r, double mean, int max) {
    return (int) Math.min(max, r.nextExponential() * mean);
  }

  /** A moment {@code days} later in office hours; on the same day, a few minutes to hours later. */
  private static Moment later(Moment t, int days, SplittableRandom r) {
    if (days == 0) {
      return t.plusSeconds(60 + r.nextInt(4 * 3_600));
    }
    return Moment.of(t.day().plusDays(days), DayClock.OFFICE.randomSecond(r), r);
  }
}
