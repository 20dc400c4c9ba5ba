package org.tianfu.warehouse.generate;

import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * A source whose records are born on a business day and numbered 0..n-1 there, each derived
 * from (day, index). A night's export scans the recent business days and keeps the records the
 * {@link ExportSchedule} sends that night: late ones first (older days), then the day's own.
 */
abstract class DailyRecordSource implements SourceExport {
  protected final GenerationContext context;
  private final LandingSource source;
  private final ExportSchedule schedule;
  private final String extrasStream;

  DailyRecordSource(GenerationContext context, LandingSource source) {
    this.context = context;
    this.source = source;
    this.schedule = new ExportSchedule(context.seeds(), source);
    this.extrasStream = "extra/" + source.dirName;
  }

  @Override
  public final LandingSource source() {
    return source;
  }

  @Override
  public final void export(LocalDate dt, Consumer<JsonLine> out) {
    for (LocalDate day = dt.minusDays(schedule.lookbackDays()); !day.isAfter(dt); day = day.plusDays(1)) {
      int count = context.volume().count(source, day);
      for (int i = 0; i < count; i++) {
        if (schedule.exportsOn(day, i, day, dt)) {
          JsonLine line = record(day, i, count);
          UnknownFields.maybeAdd(line, context.seeds().random(extrasStream, day, i));
          out.accept(line);
        }
      }
    }
  }

  /** Record {@code index} of the {@code count} born on {@code day}. */
  protected abstract JsonLine record(LocalDate day, int index, int count);
}
