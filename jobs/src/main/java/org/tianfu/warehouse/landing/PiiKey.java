package org.tianfu.warehouse.landing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;

/** The HMAC key for personal data: from WAREHOUSE_PII_KEY, or the file named by WAREHOUSE_PII_KEY_FILE. */
public final class PiiKey {
  public static final String ENV_KEY = "WAREHOUSE_PII_KEY";
  public static final String ENV_KEY_FILE = "WAREHOUSE_PII_KEY_FILE";

  private PiiKey() {}

  /** Reads the configured key; a missing or empty one is a user error naming both settings. */
  public static byte[] fromEnvironment(Map<String, String> env) {
    String key = env.get(ENV_KEY);
    if (key != null && !key.isBlank()) {
      return key.strip().getBytes(StandardCharsets.UTF_8);
    }
    String file = env.get(ENV_KEY_FILE);
    if (file != null && !file.isBlank()) {
      try {
        String fromFile = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        if (!fromFile.isEmpty()) {
          return fromFile.getBytes(StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException(ENV_KEY_FILE + " names an empty file: " + file);
      } catch (IOException e) {
        throw new IllegalArgumentException(ENV_KEY_FILE + " names a file that cannot be read: " + file);
      }
    }
    throw new IllegalArgumentException("no key for personal data: set " + ENV_KEY
        + " or " + ENV_KEY_FILE + " (a file kept outside the repository); phone numbers are"
        + " stored only as keyed hashes");
  }

  /** A random key for throwaway demo warehouses, whose hashes need never match anything else. */
  public static byte[] throwaway() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
