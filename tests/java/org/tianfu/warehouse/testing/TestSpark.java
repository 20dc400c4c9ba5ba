package org.tianfu.warehouse.testing;

import org.apache.spark.sql.SparkSession;
import org.tianfu.warehouse.store.SparkSessions;

/** One SparkSession per test JVM, configured as production configures it, with few partitions. */
public final class TestSpark {
  private TestSpark() {}

  public static synchronized SparkSession session() {
    SparkSession spark = SparkSessions.getOrCreate();
    spark.conf().set("spark.sql.shuffle.partitions", "2");
    return spark;
  }
}
