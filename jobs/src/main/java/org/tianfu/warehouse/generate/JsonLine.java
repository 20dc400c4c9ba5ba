package org.tianfu.warehouse.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * One landing record as ordered JSON members holding their raw JSON text. Built by hand rather
 * than through an object mapper because a day holds hundreds of thousands of them, and kept as
 * members (not a finished string) so a bad-line injector can bend any one field.
 */
final class JsonLine {
  private final List<String> names;
  private final List<String> values;

  JsonLine() {
    this(new ArrayList<>(12), new ArrayList<>(12));
  }

  private JsonLine(List<String> names, List<String> values) {
    this.names = names;
    this.values = values;
  }

  /** A string member; null leaves it out, as exporters do with absent optional fields. */
  JsonLine text(String name, String value) {
    return value == null ? this : put(name, quote(value));
  }

  /** A number member from its JSON literal; null leaves it out. */
  JsonLine number(String name, String literal) {
    return literal == null ? this : put(name, literal);
  }

  JsonLine bool(String name, Boolean value) {
    return value == null ? this : put(name, value.toString());
  }

  /** Sets a member to raw JSON text, replacing it where it already is. */
  JsonLine put(String name, String rawJson) {
    int i = names.indexOf(name);
    if (i >= 0) {
      values.set(i, rawJson);
    } else {
      names.add(name);
      values.add(rawJson);
    }
    return this;
  }

  JsonLine remove(String name) {
    int i = names.indexOf(name);
    if (i >= 0) {
      names.remove(i);
      values.remove(i);
    }
    return this;
  }

  /** The member's raw JSON text, or null when absent. */
  String raw(String name) {
    int i = names.indexOf(name);
    return i < 0 ? null : values.get(i);
  }

  /** The member's value without JSON quotes (our own values never need unescaping), or null. */
  String unquoted(String name) {
    String raw = raw(name);
    return raw != null && raw.length() >= 2 && raw.charAt(0) == '"' ? raw.substring(1, raw.length() - 1) : raw;
  }

  JsonLine copy() {
    return new JsonLine(new ArrayList<>(names), new ArrayList<>(values));
  }

  String render() {
    StringBuilder sb = new StringBuilder(192).append('{');
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append('"').append(names.get(i)).append("\":").append(values.get(i));
    }
    return sb.append('}').toString();
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
