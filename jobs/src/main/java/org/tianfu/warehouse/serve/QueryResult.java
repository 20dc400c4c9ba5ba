package org.tianfu.warehouse.serve;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.tianfu.warehouse.contract.LandingTimestamps;

/** A query's column names and rows, engine-neutral, small enough to print. */
public record QueryResult(List<String> columns, List<List<Object>> rows) {
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

  /** A value as text: decimals without exponent, timestamps in Asia/Shanghai (Spark's and DuckDB's alike). */
  static String text(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    Instant instant = instant(v);
    if (instant != null) {
      return LocalDateTime.ofInstant(instant, LandingTimestamps.SHANGHAI).format(TIMESTAMP);
    }
    if (v instanceof java.util.Map<?, ?> m) {
      return new java.util.TreeMap<>(m).toString();   // key order, whichever engine read it
    }
    return v.toString();
  }

  /** The instant a timestamp value names: Spark gives Timestamp or Instant, DuckDB OffsetDateTime. */
  static Instant instant(Object v) {
    if (v instanceof Timestamp t) {
      return t.toInstant();
    }
    if (v instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    return v instanceof Instant i ? i : null;
  }
}
