package org.tianfu.warehouse.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tianfu.warehouse.testing.TestSpark;

class DuplicateLinesTest {
  private static final StructType RANKED = BronzeSchema.LINE_KEY.add("_batch", DataTypes.IntegerType, false);

  private final SparkSession spark = TestSpark.session();

  /**
   * Collected to the driver (a night) or cached on the executors (a large batch): the same keys and
   * counts of the batch's duplicates, and the same displaced copies of another day, which are neither.
   */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void countsEachFilesDuplicatesAndJoinsThemAway(boolean toDriver) {
    Dataset<Row> ranked = spark.createDataFrame(List.of(RowFactory.create("2024-03-01", "a.jsonl", 2, 1),
        RowFactory.create("2024-03-01", "a.jsonl", 5, 1), RowFactory.create("2024-03-02", "a.jsonl", 1, 1),
        RowFactory.create("2024-03-04", "a.jsonl", 7, 0)), RANKED);
    Dataset<Row> lines = spark.createDataFrame(List.of(RowFactory.create("2024-03-01", "a.jsonl", 1),
        RowFactory.create("2024-03-01", "a.jsonl", 2), RowFactory.create("2024-03-01", "b.jsonl", 2),
        RowFactory.create("2024-03-02", "a.jsonl", 1)), BronzeSchema.LINE_KEY);

    DuplicateLines duplicates = DuplicateLines.of(ranked, toDriver);
    try {
      assertEquals(List.of(2L, 0L, 1L, 0L, 0L), List.of(duplicates.in("2024-03-01", "a.jsonl"),
          duplicates.in("2024-03-01", "b.jsonl"), duplicates.in("2024-03-02", "a.jsonl"),
          duplicates.in("2024-03-03", "a.jsonl"), duplicates.in("2024-03-04", "a.jsonl")));
      assertEquals(List.of("[2024-03-01,a.jsonl,1]", "[2024-03-01,b.jsonl,2]"),
          lines.join(duplicates.keys(), BronzeSchema.LINE_KEY.fieldNames(), "left_anti")
              .orderBy("file").collectAsList().stream().map(Row::toString).toList());
      assertEquals(List.of("[2024-03-04,a.jsonl,7]"), duplicates.displaced().stream().map(Row::toString).toList());
    } finally {
      duplicates.release().run();
    }
  }
}
