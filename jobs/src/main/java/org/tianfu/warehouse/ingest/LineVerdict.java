package org.tianfu.warehouse.ingest;

/**
 * What validation made of one line: either the record's bronze values (in {@link
 * BronzeSchema#recordFields} order) and its id, or a reason code and the masked raw line.
 */
public record LineVerdict(String id, Object[] values, String reason, String raw) {
  static LineVerdict valid(String id, Object[] values) {
    return new LineVerdict(id, values, null, null);
  }

  static LineVerdict rejected(String reason, String raw) {
    return new LineVerdict(null, null, reason, raw);
  }

  public boolean isValid() {
    return reason == null;
  }
}
