package org.tianfu.warehouse.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tianfu.warehouse.models.Relation;
import org.tianfu.warehouse.models.SqlModels;
import org.tianfu.warehouse.models.DuckDbEngine;

/** The order-state and first-registration rules of landing.md and kpis.md, on DuckDB. */
class SilverSqlTest {
  private final List<Object[]> events = new ArrayList<>();
  private final List<Object[]> registrations = new ArrayList<>();

  /** An order event; {@code at} is an instant, {@code period} its Shanghai month as conform derives it. */
  private SilverSqlTest order(String order, String status, String at, String period, String amount,
      String dt, String file, int line) {
    events.add(new Object[] {"E" + events.size(), order, status, "service", "S", "510104", "D", "513401",
        "510107", amount == null ? null : new BigDecimal(amount), Timestamp.from(Instant.parse(at)), period,
        dt, file, line});
    return this;
  }

  private SilverSqlTest registration(String user, String op, String type, String county, String at,
      String period, String dt, int line) {
    registrations.add(new Object[] {user, op, type, county, null, null, null,
        Timestamp.from(Instant.parse(at)), period, dt, "a.jsonl", line});
    return this;
  }

  private List<List<Object>> orders() throws Exception {
    try (DuckDbEngine db = new DuckDbEngine()) {
      db.register(new Relation("order_events", Relation.columns("event_id VARCHAR", "order_id VARCHAR", "status VARCHAR",
          "category VARCHAR", "supplier_id VARCHAR", "supplier_county VARCHAR", "demander_id VARCHAR",
          "demander_county VARCHAR", "facilitator_county VARCHAR", "amount_yuan DECIMAL(24,6)",
          "event_time_ts TIMESTAMP", "period VARCHAR", "dt VARCHAR", "file VARCHAR", "line_number INT"), events));
      SqlModels.define(db, SqlModels.SILVER_ORDERS);
      return db.query("SELECT order_id, status, completed_period, CAST(amount_yuan AS VARCHAR), current_event_id"
          + " FROM orders ORDER BY order_id");
    }
  }

  private List<List<Object>> users() throws Exception {
    try (DuckDbEngine db = new DuckDbEngine()) {
      db.register(new Relation("registration_events", Relation.columns("user_id VARCHAR", "op VARCHAR", "user_type VARCHAR",
          "county_code VARCHAR", "display_name VARCHAR", "phone_hash VARCHAR", "phone_masked VARCHAR",
          "event_time_ts TIMESTAMP", "period VARCHAR", "dt VARCHAR", "file VARCHAR", "line_number INT"), registrations));
      SqlModels.define(db, SqlModels.SILVER_USERS);
      return db.query("SELECT user_id, county_code, deregistered, first_register_period, first_register_county,"
          + " first_register_type FROM users ORDER BY user_id");
    }
  }

  @Test
  void theLatestEventIsTheCurrentStateWhateverOrderItArrivedIn() throws Exception {
    order("O1", "completed", "2024-03-05T02:00:00Z", "2024-03", null, "2024-03-05", "a.jsonl", 1);
    order("O1", "signed", "2024-03-01T02:00:00Z", "2024-03", "500", "2024-03-09", "a.jsonl", 1);  // late
    order("O1", "created", "2024-02-20T02:00:00Z", "2024-02", null, "2024-02-20", "a.jsonl", 1);
    assertEquals(List.of(List.of("O1", "completed", "2024-03", "500.000000", "E0")), orders());
  }

  @Test
  void aRefundTakesTheOrderOutOfItsCompletedMonth() throws Exception {
    order("O1", "completed", "2024-01-31T16:30:00Z", "2024-02", "800", "2024-02-01", "a.jsonl", 1);
    order("O1", "cancelled", "2024-03-10T01:00:00Z", "2024-03", null, "2024-03-10", "a.jsonl", 4);
    List<Object> row = orders().get(0);
    assertEquals("cancelled", row.get(1));
    assertEquals(null, row.get(2));
  }

  @Test
  void onEqualTimeTheLaterLifecycleStepWinsAndCancelledIsLast() throws Exception {
    order("O1", "completed", "2024-03-05T02:00:00Z", "2024-03", null, "2024-03-05", "a.jsonl", 2);
    order("O1", "signed", "2024-03-05T02:00:00Z", "2024-03", null, "2024-03-05", "a.jsonl", 3);
    order("O2", "cancelled", "2024-03-05T02:00:00Z", "2024-03", null, "2024-03-05", "a.jsonl", 4);
    order("O2", "completed", "2024-03-05T02:00:00Z", "2024-03", null, "2024-03-05", "a.jsonl", 5);
    List<List<Object>> rows = orders();
    assertEquals("completed", rows.get(0).get(1));
    assertEquals("cancelled", rows.get(1).get(1));
  }

  @Test
  void onAFullTieTheLaterExportWinsByDtThenFileThenLine() throws Exception {
    String t = "2024-03-05T02:00:00Z";
    order("O1", "completed", t, "2024-03", "1", "2024-03-06", "a.jsonl", 9);
    order("O1", "completed", t, "2024-03", "2", "2024-03-07", "a.jsonl", 1);   // later dt wins
    order("O2", "completed", t, "2024-03", "1", "2024-03-06", "b.jsonl", 1);   // later file wins
    order("O2", "completed", t, "2024-03", "2", "2024-03-06", "a.jsonl", 7);
    order("O3", "completed", t, "2024-03", "1", "2024-03-06", "a.jsonl", 2);   // later line wins
    order("O3", "completed", t, "2024-03", "2", "2024-03-06", "a.jsonl", 1);
    assertEquals(List.of("E1", "E2", "E4"), orders().stream().map(r -> r.get(4)).toList());
  }

  @Test
  void theAmountIsTheLatestNonNullOne() throws Exception {
    order("O1", "signed", "2024-03-01T00:00:00Z", "2024-03", "1000", "2024-03-01", "a.jsonl", 1);
    order("O1", "signed", "2024-03-02T00:00:00Z", "2024-03", "1200.5", "2024-03-02", "a.jsonl", 1);
    order("O1", "completed", "2024-03-03T00:00:00Z", "2024-03", null, "2024-03-03", "a.jsonl", 1);
    assertEquals("1200.500000", orders().get(0).get(3));
  }

  @Test
  void aResentRegistrationDoesNotMoveTheFirstMonth() throws Exception {
    registration("U1", "register", "scientist", "510104", "2024-01-10T02:00:00Z", "2024-01", "2024-01-10", 1);
    registration("U1", "register", "enterprise", "510105", "2024-02-03T02:00:00Z", "2024-02", "2024-02-03", 1);
    registration("U1", "update", "enterprise", "510106", "2024-03-03T02:00:00Z", "2024-03", "2024-03-03", 1);
    registration("U2", "update", "team", "510104", "2024-03-03T02:00:00Z", "2024-03", "2024-03-03", 2);
    registration("U3", "register", "team", "510104", "2024-03-03T02:00:00Z", "2024-03", "2024-03-03", 3);
    registration("U3", "deregister", "team", "510104", "2024-03-04T02:00:00Z", "2024-03", "2024-03-04", 1);
    assertEquals(List.of(
            List.of("U1", "510106", false, "2024-01", "510104", "scientist"),
            java.util.Arrays.asList("U2", "510104", false, null, null, null),
            List.of("U3", "510104", true, "2024-03", "510104", "team")),
        users());
  }

}
