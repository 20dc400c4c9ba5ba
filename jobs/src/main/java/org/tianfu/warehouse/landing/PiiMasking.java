package org.tianfu.warehouse.landing;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps phone numbers out of the warehouse: a keyed hash (HMAC-SHA256) lets analysts count and join
 * on a phone without seeing it; the masked form ({@code 139****5678}) lets staff recognise one.
 */
public final class PiiMasking implements Serializable {
  // A mainland mobile number, with or without +86, not part of a longer digit run; its groups may be
  // written apart by a space or a hyphen (139 1234 5678, 139-1234-5678), as people type them.
  private static final Pattern MOBILE =
      Pattern.compile("(?<![0-9])((?:\\+?86[ -]?)?1[3-9][0-9])[ -]?[0-9]{4}[ -]?([0-9]{4})(?![0-9])");

  private final byte[] key;
  private transient Mac mac;

  public PiiMasking(byte[] key) {
    this.key = key.clone();
  }

  public String hash(String value) {
    try {
      if (mac == null) {
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
      }
      return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** The display form of a personal value: first 3 and last 4 characters kept when it is long enough. */
  public static String mask(String value) {
    int n = value.length();
    if (n < 8) {
      return "*".repeat(n);
    }
    return value.substring(0, 3) + "*".repeat(n - 7) + value.substring(n - 4);
  }

  /** The text with every mobile number in it masked, for raw lines and free text. */
  public static String maskMobiles(String text) {
    Matcher m = MOBILE.matcher(text);
    return m.find() ? m.replaceAll("$1****$2") : text;
  }
}
