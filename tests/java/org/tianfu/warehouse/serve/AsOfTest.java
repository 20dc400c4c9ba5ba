package org.tianfu.warehouse.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AsOfTest {
  @Test
  void aNumberIsAVersionAndTimesAreShanghaiUnlessTheySayOtherwise() {
    assertEquals(new AsOf(12L, null), AsOf.parse("12"));
    assertEquals(new AsOf(null, Instant.parse("2024-04-02T16:00:00Z")), AsOf.parse("2024-04-03"));
    assertEquals(new AsOf(null, Instant.parse("2024-04-03T01:00:00Z")), AsOf.parse("2024-04-03 09:00"));
    assertEquals(new AsOf(null, Instant.parse("2024-04-03T01:00:30Z")), AsOf.parse("2024-04-03T09:00:30"));
    assertEquals(new AsOf(null, Instant.parse("2024-04-03T09:00:00Z")), AsOf.parse("2024-04-03T09:00Z"));
    assertEquals(new AsOf(null, Instant.parse("2024-04-03T09:00:00Z")), AsOf.parse("2024-04-03T17:00+08:00"));
  }

  @Test
  void anythingElseIsRefusedWithTheFormsItTakes() {
    for (String text : new String[] {"last spring", "2024-13-01", "2024-04-03 25:00", "-3", ""}) {
      assertEquals("--as-of takes a table version (e.g. 12) or a timestamp (2024-04-03, '2024-04-03 09:00',"
          + " 2024-04-03T09:00+08:00): " + text,
          assertThrows(IllegalArgumentException.class, () -> AsOf.parse(text)).getMessage());
    }
  }
}
