package org.tianfu.warehouse.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.tianfu.warehouse.testing.TestSpark;

class DayFilesTest {
  private final SparkSession spark = TestSpark.session();

  /** {@code parts} partitions of ten rows each, their {@code dt} the given days in turn. */
  private Dataset<Row> rows(int parts, String... days) {
    return spark.range(0, parts * 10L, 1, parts).selectExpr(
        "element_at(array(" + String.join(", ", List.of(days).stream().map(d -> "'" + d + "'").toList())
            + "), CAST(id % " + days.length + " AS INT) + 1) AS dt");
  }

  /** Each task's days, as the write would see them. */
  private static List<List<String>> tasks(Dataset<Row> arranged) {
    return arranged.javaRDD().glom().collect().stream()
        .map(part -> part.stream().map(r -> r.getString(0)).distinct().sorted().toList())
        .filter(days -> !days.isEmpty()).toList();
  }

  @Test
  void aDayReadByMoreTasksThanSlotsIsWrittenByEverySlot() {
    int slots = spark.sparkContext().defaultParallelism();
    Dataset<Row> arranged = DayFiles.arrange(rows(slots + 1, "2024-03-01"), 1);
    assertEquals(slots, arranged.rdd().getNumPartitions());
    assertEquals(slots, tasks(arranged).size());
    assertEquals((slots + 1) * 10L, arranged.count());
  }

  @Test
  void aDayReadByOneTaskStaysInOneFile() {
    assertEquals(1, DayFiles.arrange(rows(1, "2024-03-01"), 1).rdd().getNumPartitions());
  }

  @Test
  void aBatchOfDaysPutsEachDayInOneTask() {
    Dataset<Row> arranged = DayFiles.arrange(rows(3, "2024-03-01", "2024-03-02", "2024-03-03"), 3);
    Map<String, Integer> tasksPerDay = new TreeMap<>();
    tasks(arranged).forEach(days -> days.forEach(d -> tasksPerDay.merge(d, 1, Integer::sum)));
    assertEquals(Map.of("2024-03-01", 1, "2024-03-02", 1, "2024-03-03", 1), tasksPerDay);
    assertEquals(30, arranged.count());
  }
}
