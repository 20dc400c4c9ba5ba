package org.tianfu.warehouse.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tianfu.warehouse.contract.CountyReference;
import org.tianfu.warehouse.contract.SourceSpec;
import org.tianfu.warehouse.landing.PiiMasking;

class LineValidatorTest {
  private static final CountyReference COUNTIES = CountyReference.load();
  private static final PiiMasking PII = new PiiMasking("k".getBytes(StandardCharsets.UTF_8));

  private static final String ORDER = "{\"event_id\":\"E1\",\"order_id\":\"O1\",\"status\":\"completed\","
      + "\"category\":\"service\",\"supplier_id\":\"S1\",\"supplier_county\":\"510104\","
      + "\"demander_id\":\"D1\",\"demander_county\":\"513401\",\"facilitator_county\":\"510107\","
      + "\"amount_yuan\":12345.67,\"event_time\":\"2024-01-31T16:30:00Z\"}";

  private static LineVerdict check(String source, String line) {
    return new LineValidator(SourceSpec.load(source), COUNTIES, PII).validate(line.getBytes(StandardCharsets.UTF_8));
  }

  private static String order(String field, String json) {
    return ORDER.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[0-9.]+)",
        Matcher.quoteReplacement("\"" + field + "\":" + json));
  }

  @Test
  void validOrderKeepsItsFieldsTyped() {
    LineVerdict v = check("orders", ORDER);
    assertTrue(v.isValid());
    assertEquals("E1", v.id());
    Object[] expected = {"E1", "O1", "completed", "service", "S1", "510104", "D1", "513401", "510107",
        new BigDecimal("12345.670000"), "2024-01-31T16:30:00Z",
        Timestamp.from(Instant.parse("2024-01-31T16:30:00Z")), null};
    assertArrayEquals(expected, v.values());
  }

  @ParameterizedTest(name = "{0} = {1} → {2}")
  @CsvSource(delimiter = '|', value = {
      "event_id | null | missing_field:event_id",
      "event_id | \"\" | missing_field:event_id",
      "event_id | \"  \" | missing_field:event_id",
      "event_id | \"\\t\\n\" | missing_field:event_id",
      "event_id | \"\u3000\" | missing_field:event_id",
      "event_id | \"\u00a0 \" | missing_field:event_id",
      "status | \" \" | missing_field:status",
      "supplier_id | \"  \" | missing_field:supplier_id",
      "supplier_county | \" \" | missing_field:supplier_county",
      "event_time | \" \" | missing_field:event_time",
      "event_id | 42 | bad_value:event_id",
      "status | \"refunded\" | bad_value:status",
      "status | \"Completed\" | bad_value:status",
      "supplier_county | \"510199\" | unknown_county:supplier_county",
      "supplier_county | 510104 | bad_value:supplier_county",
      "facilitator_county | \"110101\" | unknown_county:facilitator_county",
      "amount_yuan | -1 | bad_value:amount_yuan",
      "amount_yuan | \"100\" | bad_value:amount_yuan",
      "event_time | \"2024-03-01\" | bad_timestamp:event_time",
      "event_time | \"2024/03/01 10:00\" | bad_timestamp:event_time",
      "event_time | \"2024-02-30T10:00:00\" | bad_timestamp:event_time",
      "event_time | 1709258400 | bad_value:event_time",
  })
  void eachContractViolationHasItsReason(String field, String json, String reason) {
    LineVerdict v = check("orders", order(field, json));
    assertEquals(reason, v.reason());
    assertNull(v.values());
  }

  @Test
  void anAbsentRequiredFieldIsMissing() {
    assertEquals("missing_field:order_id", check("orders", ORDER.replace("\"order_id\":\"O1\",", "")).reason());
  }

  @Test
  void optionalFieldsMayBeAbsentNullOrEmpty() {
    LineVerdict absent = check("orders", ORDER.replace("\"facilitator_county\":\"510107\",", ""));
    LineVerdict empty = check("orders", order("facilitator_county", "\"\""));
    LineVerdict nulled = check("orders", order("amount_yuan", "null"));
    // An empty string is missing for every field (landing.md), a number's too.
    LineVerdict emptyNumber = check("orders", order("amount_yuan", "\"\""));
    assertTrue(absent.isValid() && empty.isValid() && nulled.isValid() && emptyNumber.isValid());
    assertNull(absent.values()[8]);
    assertNull(empty.values()[8]);
    assertNull(nulled.values()[9]);
    assertNull(emptyNumber.values()[9]);
  }

  @Test
  void aWhitespaceOnlyOptionalValueIsAbsent() {
    LineVerdict blankCounty = check("orders", order("facilitator_county", "\"\u3000\""));
    LineVerdict blankNumber = check("orders", order("amount_yuan", "\" \\t\""));
    assertTrue(blankCounty.isValid() && blankNumber.isValid());
    assertNull(blankCounty.values()[8]);
    assertNull(blankNumber.values()[9]);
    String reg = "{\"event_id\":\"R1\",\"op\":\"register\",\"user_id\":\"U1\",\"user_type\":\"team\","
        + "\"county_code\":\"510104\",\"display_name\":\"  \",\"phone\":\"\u00a0\","
        + "\"event_time\":\"2024-02-01T00:30:00\"}";
    LineVerdict blankName = check("registrations", reg);
    assertTrue(blankName.isValid());
    assertNull(blankName.values()[5]);
    assertNull(blankName.values()[6]);
    assertNull(blankName.values()[7]);
  }

  @Test
  void aValueWithTextAroundItsSpacesIsKeptAsSent() {
    LineVerdict padded = check("orders", order("supplier_id", "\" S1 \""));
    assertTrue(padded.isValid());
    assertEquals(" S1 ", padded.values()[4]);
  }

  @Test
  void theFirstProblemInContractOrderWins() {
    String twoProblems = order("status", "\"bogus\"").replace("\"510104\"", "\"999999\"");
    assertEquals("bad_value:status", check("orders", twoProblems).reason());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"event_id\":\"E1\"",
      "[1,2]",
      "\"just a string\"",
      "42",
      "{\"event_id\":\"E1\"} trailing",
      "{\"event_id\":\"E1\",\"event_id\":\"E2\"}",
  })
  void notOneJsonObjectIsMalformed(String line) {
    assertEquals("malformed_json", check("orders", line).reason());
  }

  @Test
  void bytesThatAreNotUtf8AreBadEncodingAndKeptEscaped() {
    byte[] gbk = "{\"display_name\":\"张三\"}".getBytes(Charset.forName("GBK"));
    LineVerdict v = new LineValidator(SourceSpec.load("registrations"), COUNTIES, PII).validate(gbk);
    assertEquals("bad_encoding", v.reason());
    assertEquals("{\"display_name\":\"\\xD5\\xC5\\xC8\\xFD\"}", v.raw());
  }

  @Test
  void phoneIsStoredOnlyHashedAndMaskedEvenInQuarantine() {
    String reg = "{\"event_id\":\"R1\",\"op\":\"register\",\"user_id\":\"U1\",\"user_type\":\"scientist\","
        + "\"county_code\":\"510104\",\"display_name\":\"李四 13912345678\",\"phone\":\"13912345678\","
        + "\"event_time\":\"2024-03-01T09:00:00\",\"wechat\":\"+8613812345678\"}";
    LineVerdict ok = check("registrations", reg);
    assertTrue(ok.isValid());
    assertEquals("李四 139****5678", ok.values()[5]);
    assertEquals(PII.hash("13912345678"), ok.values()[6]);
    assertEquals("139****5678", ok.values()[7]);
    assertEquals("{\"wechat\":\"+86138****5678\"}", ok.values()[10]);
    for (Object value : ok.values()) {
      assertFalse(String.valueOf(value).contains("13912345678"));
    }
    LineVerdict bad = check("registrations", reg.replace("\"scientist\"", "\"alien\""));
    assertEquals("bad_value:user_type", bad.reason());
    assertFalse(bad.raw().contains("13912345678"));
    assertTrue(bad.raw().contains("\"phone\":\"139****5678\""));
  }

  @Test
  void timestampWithoutOffsetIsShanghaiTime() {
    String reg = "{\"event_id\":\"R1\",\"op\":\"register\",\"user_id\":\"U1\",\"user_type\":\"team\","
        + "\"county_code\":\"510104\",\"event_time\":\"2024-02-01T00:30:00\"}";
    assertEquals(Timestamp.from(Instant.parse("2024-01-31T16:30:00Z")), check("registrations", reg).values()[9]);
  }

  @Test
  void activityChecksIntegersDatesAndMinimums() {
    String act = "{\"activity_id\":\"A1\",\"base_id\":\"B1\",\"county_code\":\"513301\","
        + "\"activity_date\":\"2024-03-01\",\"kind\":\"lecture\",\"participants\":120}";
    LineVerdict ok = check("science_base_activity", act);
    assertTrue(ok.isValid());
    assertEquals(Date.valueOf("2024-03-01"), ok.values()[4]);
    assertEquals(120L, ok.values()[6]);
    assertEquals("bad_value:participants", check("science_base_activity", act.replace("120", "-3")).reason());
    assertEquals("bad_value:participants", check("science_base_activity", act.replace("120", "12.5")).reason());
    assertEquals("bad_value:participants", check("science_base_activity", act.replace("120", "\"120\"")).reason());
    assertEquals("bad_timestamp:activity_date",
        check("science_base_activity", act.replace("2024-03-01", "2024-3-1")).reason());
    assertEquals("bad_timestamp:activity_date",
        check("science_base_activity", act.replace("2024-03-01", "2024-03-01T00:00:00")).reason());
  }

  @Test
  void openedDefaultsToFalseAndMustBeBoolean() {
    String d = "{\"delivery_id\":\"P1\",\"resource_id\":\"R\",\"county_code\":\"510104\","
        + "\"delivered_at\":\"2024-03-01T10:00:00+08:00\"}";
    assertEquals(Boolean.FALSE, check("popsci_deliveries", d).values()[6]);
    assertEquals(Boolean.FALSE, check("popsci_deliveries", d.replace("}", ",\"opened\":\"\"}")).values()[6]);
    assertEquals(Boolean.FALSE, check("popsci_deliveries", d.replace("}", ",\"opened\":\" \"}")).values()[6]);
    assertEquals("bad_value:opened", check("popsci_deliveries", d.replace("}", ",\"opened\":\"yes\"}")).reason());
    assertEquals(Boolean.TRUE, check("popsci_deliveries", d.replace("}", ",\"opened\":true}")).values()[6]);
  }
}
