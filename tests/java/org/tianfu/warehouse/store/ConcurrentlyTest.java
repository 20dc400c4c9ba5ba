package org.tianfu.warehouse.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.tianfu.warehouse.testing.TestSpark;

class ConcurrentlyTest {
  @Test
  void resultsComeInItemOrder() {
    assertEquals(List.of(2, 4, 6), Concurrently.each(List.of(1, 2, 3), i -> i * 2));
  }

  /** Spark throws AnalysisException, checked to Java, from Scala unannounced: it must not be lost. */
  @Test
  void aSparkErrorOfOneItemReachesTheCallerAsItIs() {
    SparkSession spark = TestSpark.session();
    AnalysisException e = assertThrows(AnalysisException.class, () -> Concurrently.each(List.of("range(3)", "missing_table"),
        table -> spark.sql("SELECT count(*) FROM " + table).first().getLong(0)));
    assertEquals("TABLE_OR_VIEW_NOT_FOUND", e.getCondition());
  }
}
