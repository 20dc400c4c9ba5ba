package org.tianfu.warehouse.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Order status change events (CDC). A night's export holds the events, of orders of any age,
 * that the {@link ExportSchedule} sends that night, found by re-deriving every order created
 * in the last {@link OrderLifecycle#MAX_SPAN_DAYS} days plus the schedule's lookback. Events
 * are written in event-time order, as a CDC feed would.
 */
final class OrderSource implements SourceExport {
  private record Due(OrderLifecycle order, int step) {
    Moment at() {
      return order.steps.get(step).at();
    }
  }

  // Steps of one order at the very same instant come in no particular order (the id's hash
  // shuffles them), so only the contract's tie-break by lifecycle step gets them right.
  private static final Comparator<Due> EVENT_ORDER = Comparator
      .comparingLong((Due d) -> d.at().epochMilli())
      .thenComparingInt(d -> d.order().eventId(d.step()).hashCode())
      .thenComparing(d -> d.order().eventId(d.step()));

  private final GenerationContext context;
  private final ExportSchedule schedule;

  OrderSource(GenerationContext context) {
    this.context = context;
    this.schedule = new ExportSchedule(context.seeds(), LandingSource.ORDERS);
  }

  @Override
  public LandingSource source() {
    return LandingSource.ORDERS;
  }

  @Override
  public void export(LocalDate dt, Consumer<JsonLine> out) {
    List<Due> due = new ArrayList<>();
    int lookback = OrderLifecycle.MAX_SPAN_DAYS + schedule.lookbackDays();
    for (LocalDate created = dt.minusDays(lookback); !created.isAfter(dt); created = created.plusDays(1)) {
      int count = context.volume().count(LandingSource.ORDERS, created);
      for (int i = 0; i < count; i++) {
        OrderLifecycle order = OrderLifecycle.derive(context.seeds(), context.counties(), created, i);
        for (int s = 0; s < order.steps.size(); s++) {
          if (schedule.exportsOn(created, order.eventKey(s), order.steps.get(s).at().day(), dt)) {
            due.add(new Due(order, s));
          }
        }
      }
    }
    due.sort(EVENT_ORDER);
    for (Due d : due) {
      out.accept(event(d.order(), d.step()));
    }
  }

  private JsonLine event(OrderLifecycle order, int s) {
    OrderLifecycle.Step step = order.steps.get(s);
    SplittableRandom r = context.seeds().random("orders/event", order.created, order.eventKey(s));
    JsonLine line = new JsonLine()
        .text("event_id", order.eventId(s))
        .text("order_id", order.orderId)
        .text("status", step.status())
        .text("category", order.category)
        .text("supplier_id", order.supplierId)
        .text("supplier_county", order.supplier.code())
        .text("demander_id", order.demanderId)
        .text("demander_county", order.demander.code())
        .text("facilitator_county", order.facilitator == null ? null : order.facilitator.code())
        .number("amount_yuan", step.amountCents() == null ? null : AmountRange.literal(step.amountCents()))
        .text("event_time", IsoTimestamps.format(step.at(), r));
    UnknownFields.maybeAdd(line, r);
    return line;
  }
}
