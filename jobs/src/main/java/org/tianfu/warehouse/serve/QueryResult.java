package org.tianfu.warehouse.serve;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.tianfu.warehouse.contract.LandingTimestamps;

/** A query's column names and rows, engine-neutral, small enough to print. */
public record QueryResult(List<String> columns, List<List<Object>> rows) {
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

  /** A value as text: decimals without exponent, timestamps in Asia/Shanghai. */
  static String text(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof Timestamp t) {
      return LocalDateTime.ofInstant(t.toInstant(), LandingTimestamps.SHANGHAI).format(TIMESTAMP);
    }
    if (v instanceof Instant i) {
      return LocalDateTime.ofInstant(i, LandingTimestamps.SHANGHAI).format(TIMESTAMP);
    }
    return v.toString();
  }
}
