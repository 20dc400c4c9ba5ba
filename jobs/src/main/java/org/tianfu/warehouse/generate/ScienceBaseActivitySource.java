package org.tianfu.warehouse.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.tianfu.warehouse.contract.County;

/** Activities held by science bases, reported by the base (often days later) with the day they took place. */
final class ScienceBaseActivitySource extends DailyRecordSource {
  private static final double BASE_NAME_SHARE = 0.9;

  private final ScienceBases bases;

  ScienceBaseActivitySource(GenerationContext context) {
    super(context, LandingSource.SCIENCE_BASE_ACTIVITY);
    this.bases = new ScienceBases(context.counties(), context.seeds());
  }

  @Override
  protected JsonLine record(LocalDate day, int index, int count) {
    SplittableRandom r = context.seeds().random("science_base_activity", day, index);
    County county = context.counties().pick(r);
    ScienceBases.Base base = bases.pick(county, r);
    ActivityKind kind = ActivityKind.CHOICE.pick(r);
    return new JsonLine()
        .text("activity_id", Ids.daily("A", day, index, 4))
        .text("base_id", base.id())
        .text("base_name", r.nextDouble() < BASE_NAME_SHARE ? base.name() : null)
        .text("county_code", county.code())
        .text("activity_date", day.toString())
        .text("kind", kind.code)
        .number("participants", Integer.toString(kind.participants(r)));
  }
}
