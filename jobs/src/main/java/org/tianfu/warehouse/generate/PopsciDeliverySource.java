package org.tianfu.warehouse.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/** Precise popular-science pushes (精准科普): the high-volume source, mostly to anonymous readers. */
final class PopsciDeliverySource extends DailyRecordSource {
  private static final int RESOURCES = 20_000;
  private static final double KNOWN_READER_SHARE = 0.4;
  private static final double OPENED_SHARE = 0.3;
  private static final double NOT_OPENED_SHARE = 0.5; // the rest leave "opened" out

  PopsciDeliverySource(GenerationContext context) {
    super(context, LandingSource.POPSCI_DELIVERIES);
  }

  @Override
  protected JsonLine record(LocalDate day, int index, int count) {
    SplittableRandom r = context.seeds().random("popsci_deliveries", day, index);
    Moment at = Moment.of(day, DayClock.READING.orderedSecond(index, count, r), r);
    // u^3 puts most pushes on a few popular resources, as recommendation feeds do.
    int resource = (int) (RESOURCES * Math.pow(r.nextDouble(), 3));
    double opened = r.nextDouble();
    return new JsonLine()
        .text("delivery_id", Ids.daily("D", day, index, 7))
        .text("resource_id", "KP" + Ids.padded(resource, 6))
        .text("user_id", r.nextDouble() < KNOWN_READER_SHARE ? context.users().pickEarlierId(day, 45, r) : null)
        .text("county_code", context.counties().pick(r).code())
        .text("delivered_at", IsoTimestamps.format(at, r))
        .bool("opened", opened < OPENED_SHARE ? Boolean.TRUE : opened < OPENED_SHARE + NOT_OPENED_SHARE ? Boolean.FALSE : null);
  }
}
