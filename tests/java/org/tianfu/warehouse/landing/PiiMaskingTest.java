package org.tianfu.warehouse.landing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PiiMaskingTest {
  @Test
  void mobilesAreMaskedWhereverTheyStand() {
    assertEquals("call 139****5678 or +86138****0000",
        PiiMasking.maskMobiles("call 13912345678 or +8613800000000"));
    assertEquals("手机 139****5678，+86 138****0000，139****5678",
        PiiMasking.maskMobiles("手机 139 1234 5678，+86 138-0000-0000，139-12345678"));
    // Not a mobile: 12 digits, or a landline.
    assertEquals("139123456789 139 1234 56789 028-85551234",
        PiiMasking.maskMobiles("139123456789 139 1234 56789 028-85551234"));
  }

  @Test
  void maskKeepsThreeAndFour() {
    assertEquals("139****5678", PiiMasking.mask("13912345678"));
    assertEquals("028*****1234", PiiMasking.mask("028-85551234"));
    assertEquals("*****", PiiMasking.mask("12345"));
  }

  @Test
  void hashIsKeyed() {
    String a = new PiiMasking("one".getBytes(StandardCharsets.UTF_8)).hash("13912345678");
    String b = new PiiMasking("two".getBytes(StandardCharsets.UTF_8)).hash("13912345678");
    assertNotEquals(a, b);
    // HMAC-SHA256 with key "one", computed independently: printf 13912345678 | openssl dgst -sha256 -hmac one
    assertEquals("76e9f5cbe994913887893fdb690507a81d64a2b2691ac535c199b57e1c084ed6", a);
  }

  @Test
  void noKeyIsAClearErrorNamingTheSettings() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PiiKey.fromEnvironment(Map.of()));
    assertTrue(e.getMessage().contains("set WAREHOUSE_PII_KEY or WAREHOUSE_PII_KEY_FILE"), e.getMessage());
  }
}
