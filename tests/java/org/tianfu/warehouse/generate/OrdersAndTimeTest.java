package org.tianfu.warehouse.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two months at scale 0.01, where orders are at their floor of three a day (relatively more of
 * them than deliveries): order lifecycles, and how times are written.
 */
class OrdersAndTimeTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Map<String, String> TIME_FIELD = Map.of("registrations", "event_time", "postings", "posted_at",
      "orders", "event_time", "popsci_deliveries", "delivered_at");

  @TempDir
  static Path landing;
  /** Valid order events, first seen per event_id, grouped by order in event-time order. */
  static Map<String, List<JsonNode>> orders = new LinkedHashMap<>();
  static Map<String, List<Valid>> valid = new HashMap<>();

  @BeforeAll
  static void generate() throws IOException {
    LandingFiles.generate(landing, "2024-01-10", "2024-03-08", 0.01, 9, 0.002);
    for (String source : LandingFiles.SOURCES) {
      valid.put(source, LandingFiles.records(landing, source).stream()
          .filter(LandingFiles.Record::valid).map(r -> new Valid(r.line(), r.node())).toList());
    }
    Map<String, JsonNode> events = new LinkedHashMap<>();
    for (Valid v : valid.get("orders")) {
      events.putIfAbsent(v.node().get("event_id").asText(), v.node());
    }
    events.values().stream()
        .sorted((a, b) -> instant(a.get("event_time").asText()).compareTo(instant(b.get("event_time").asText())))
        .forEach(e -> orders.computeIfAbsent(e.get("order_id").asText(), k -> new ArrayList<>()).add(e));
  }

  record Valid(LandingFiles.Line line, JsonNode node) {}

  static Instant instant(String timestamp) {
    return LineClassifier.instantOf(timestamp);
  }

  private static String text(JsonNode event, String field) {
    return event.path(field).asText("");
  }

  @Test
  void anOrderKeepsItsCategoryPartiesAndCounties() {
    assertTrue(orders.size() > 200, "orders: " + orders.size());
    for (List<JsonNode> events : orders.values()) {
      for (String field : List.of("category", "supplier_id", "supplier_county", "demander_id", "demander_county",
          "facilitator_county")) {
        assertEquals(1, events.stream().map(e -> text(e, field)).distinct().count(), field + " of " + events);
      }
    }
  }

  @Test
  void ordersGetCancelledOnTheWayAndSomeAreRefundedAfterCompletion() {
    long refunded = 0;
    long cancelledOnTheWay = 0;
    for (List<JsonNode> events : orders.values()) {
      List<String> statuses = events.stream().map(e -> text(e, "status")).toList();
      int completed = statuses.indexOf("completed");
      int cancelled = statuses.lastIndexOf("cancelled");
      refunded += completed >= 0 && cancelled > completed ? 1 : 0;
      cancelledOnTheWay += completed < 0 && cancelled >= 0 ? 1 : 0;
    }
    assertTrue(refunded >= 3, "completed then cancelled: " + refunded);
    assertTrue(cancelledOnTheWay >= 20, "cancelled before completion: " + cancelledOnTheWay);
  }

  @Test
  void someStepsOfAnOrderShareTheExactSameEventTime() {
    long ties = orders.values().stream().filter(events -> events.stream()
        .map(e -> instant(text(e, "event_time"))).distinct().count() < events.size()).count();
    assertTrue(ties >= 5, "orders with two steps at the same instant: " + ties);
  }

  @Test
  void amountsComeWithSignedEventsAndSometimesNotWithCompletedOnes() {
    List<JsonNode> all = orders.values().stream().flatMap(List::stream).toList();
    assertTrue(all.stream().filter(e -> text(e, "status").equals("signed")).allMatch(e -> e.has("amount_yuan")));
    long completedWithout = all.stream().filter(e -> text(e, "status").equals("completed") && !e.has("amount_yuan")).count();
    assertTrue(completedWithout > 5, "completed events without an amount: " + completedWithout);
    assertTrue(all.stream().filter(e -> e.has("amount_yuan"))
        .allMatch(e -> e.get("amount_yuan").decimalValue().signum() >= 0 && e.get("amount_yuan").decimalValue().scale() <= 2));
  }

  @Test
  void categoriesAndFacilitatorsComeInTheirUsualShares() {
    Map<String, Long> categories = orders.values().stream()
        .collect(Collectors.groupingBy(events -> text(events.get(0), "category"), Collectors.counting()));
    assertEquals(Set.of("service", "achievement", "project", "popsci"), categories.keySet());
    assertTrue(categories.get("service") > categories.get("achievement") + categories.get("popsci"), categories::toString);
    double facilitated = orders.values().stream().filter(events -> events.get(0).has("facilitator_county")).count()
        / (double) orders.size();
    assertTrue(facilitated > 0.5 && facilitated < 0.7, "share of orders with a facilitator: " + facilitated);
    double fromChengduOrMianyang = orders.values().stream()
        .filter(events -> text(events.get(0), "supplier_county").matches("510[17]\\d\\d")).count() / (double) orders.size();
    assertTrue(fromChengduOrMianyang > 0.7, "suppliers in Chengdu or Mianyang: " + fromChengduOrMianyang);
  }

  @Test
  void businessTimesAreNeverAfterTheExportDayAndSomeArriveLate() {
    for (String source : TIME_FIELD.keySet()) {
      long late = 0;
      for (Valid v : valid.get(source)) {
        LocalDate business = instant(text(v.node(), TIME_FIELD.get(source))).atZone(SHANGHAI).toLocalDate();
        assertTrue(!business.isAfter(v.line().dt()), source + " line from the future of " + v.line().dt() + ": " + v.node());
        late += business.isBefore(v.line().dt()) ? 1 : 0;
      }
      assertTrue(late > 0, source + " has late lines");
    }
    List<Valid> activities = valid.get("science_base_activity");
    assertTrue(activities.stream().allMatch(v -> !LocalDate.parse(text(v.node(), "activity_date")).isAfter(v.line().dt())));
    assertTrue(activities.stream().filter(v -> LocalDate.parse(text(v.node(), "activity_date")).isBefore(v.line().dt()))
        .count() > activities.size() / 10, "science base activities reported late");
  }

  @Test
  void timestampsComeInEveryIsoFormIncludingUtcThatCrossesAMonthEnd() {
    Map<String, Long> forms = new HashMap<>();
    long utcInAnotherMonth = 0;
    for (String source : TIME_FIELD.keySet()) {
      for (Valid v : valid.get(source)) {
        String t = text(v.node(), TIME_FIELD.get(source));
        forms.merge(t.endsWith("Z") ? "Z" : t.endsWith("+08:00") ? "+08:00" : "local", 1L, Long::sum);
        forms.merge(t.contains(".") ? "millis" : "seconds", 1L, Long::sum);
        if (t.endsWith("Z")) {
          Instant at = instant(t);
          utcInAnotherMonth += at.atZone(ZoneOffset.UTC).getMonth() != at.atZone(SHANGHAI).getMonth() ? 1 : 0;
        }
      }
    }
    assertEquals(Set.of("Z", "+08:00", "local", "millis", "seconds"), forms.keySet());
    assertTrue(forms.get("millis") * 10 < forms.get("seconds"), forms::toString);
    assertTrue(utcInAnotherMonth > 0, "UTC timestamps whose UTC month is not the Shanghai month: " + utcInAnotherMonth);
  }
}
