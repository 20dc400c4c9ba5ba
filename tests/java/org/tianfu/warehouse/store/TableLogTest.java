package org.tianfu.warehouse.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaHistory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tianfu.warehouse.testing.TestSpark;
import scala.Option;

/** The log read on the driver says what DESCRIBE DETAIL and DESCRIBE HISTORY say, and is never stale. */
class TableLogTest {
  private static final StructType SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("source", DataTypes.StringType, false),
      DataTypes.createStructField("n", DataTypes.IntegerType, false)));

  private final SparkSession spark = TestSpark.session();
  @TempDir Path tmp;

  private Dataset<Row> rows(int... ns) {
    return spark.createDataFrame(java.util.Arrays.stream(ns).mapToObj(n -> RowFactory.create("a", n)).toList(), SCHEMA);
  }

  @Test
  void aPathWithoutATableHasNoVersion() {
    assertEquals(-1, TableLog.of(spark, tmp.resolve("none").toString()).version());
  }

  @Test
  void itSeesEveryCommitWithItsPartitioningPropertiesAndRecord() {
    String path = tmp.resolve("t").toString();
    rows(1, 2, 3).write().format("delta").partitionBy("source")
        .option("delta.dataSkippingStatsColumns", "n").option("userMetadata", "first").save(path);
    TableLog first = TableLog.of(spark, path);
    assertEquals(0, first.version());
    assertEquals(List.of("source"), first.partitionColumns());
    assertEquals("n", first.properties().get("delta.dataSkippingStatsColumns"));

    rows(4, 5).write().format("delta").mode("append").option("userMetadata", "second").save(path);
    TableLog second = TableLog.of(spark, path);
    assertEquals(1, second.version());
    DeltaHistory commit = second.lastCommit();
    assertEquals("WRITE", commit.operation());
    assertEquals(Option.apply("second"), commit.userMetadata());
    Map<String, String> metrics = scala.jdk.javaapi.CollectionConverters.asJava(commit.operationMetrics().get());
    assertEquals("2", metrics.get("numOutputRows"));
    Row history = spark.sql("DESCRIBE HISTORY delta.`" + path + "` LIMIT 1").first();
    assertEquals(history.getLong(history.fieldIndex("version")), second.version());
    assertEquals(history.getJavaMap(history.fieldIndex("operationParameters")),
        scala.jdk.javaapi.CollectionConverters.asJava(commit.operationParameters()));
    assertEquals(history.getJavaMap(history.fieldIndex("operationMetrics")), metrics);
  }
}
