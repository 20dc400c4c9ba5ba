package org.tianfu.warehouse.conform;

import static org.apache.spark.sql.functions.date_format;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;
import org.tianfu.warehouse.contract.LandingTimestamps;

/**
 * The one place an instant becomes a month ({@code YYYY-MM}): Spark formats timestamps in the
 * session time zone, which must therefore be Asia/Shanghai (kpis.md, "Periods").
 */
final class ShanghaiMonth {
  private ShanghaiMonth() {}

  static Column of(SparkSession spark, Column timestampOrDate) {
    String zone = spark.conf().get("spark.sql.session.timeZone");
    if (!LandingTimestamps.SHANGHAI.getId().equals(zone)) {
      throw new IllegalStateException("spark.sql.session.timeZone is " + zone
          + "; months are Asia/Shanghai months, so the session must use Asia/Shanghai");
    }
    return date_format(timestampOrDate, "yyyy-MM");
  }
}
