package org.tianfu.warehouse.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tianfu.warehouse.testing.TestSpark;

/** The row count a replace returns is what its commit stored, including the commits Delta skips. */
class DeltaReplaceTest {
  private static final StructType SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("dt", DataTypes.StringType, false),
      DataTypes.createStructField("n", DataTypes.IntegerType, false)));

  private final SparkSession spark = TestSpark.session();
  @TempDir Path tmp;

  private Dataset<Row> rows(String dt, int count) {
    List<Row> out = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(RowFactory.create(dt, i));
    }
    return spark.createDataFrame(out, SCHEMA);
  }

  private long stored(String path, String dt) {
    return spark.read().format("delta").load(path).where("dt = '" + dt + "'").count();
  }

  @Test
  void returnsTheRowsEachReplaceStored() {
    String path = tmp.resolve("t").toString();
    assertEquals(3, DeltaReplace.replace(rows("a", 3), path, "dt = 'a'"), "first write creates the table");
    assertEquals(2, DeltaReplace.replace(rows("b", 2), path, "dt = 'b'"));
    assertEquals(5, DeltaReplace.replace(rows("a", 5), path, "dt = 'a'"), "a rerun replaces the slice");
    assertEquals(5, stored(path, "a"));
    assertEquals(2, stored(path, "b"), "other slices are kept, not counted");
    assertEquals(0, DeltaReplace.replace(rows("a", 0), path, "dt = 'a'"), "emptying a slice stores nothing");
    assertEquals(0, stored(path, "a"));
    assertEquals(0, DeltaReplace.replace(rows("c", 0), path, "dt = 'c'"), "an empty slice left empty: Delta skips the commit");
    assertEquals(0, DeltaReplace.replace(rows("a", 0), path, "dt = 'a'"),
        "skipped again: the latest commit, which emptied the same slice, is not this one");
  }

  @Test
  void rowsOutsideTheSliceThatDeltaCopiesAreNotCounted() {
    String path = tmp.resolve("t").toString();
    assertEquals(7, DeltaReplace.replace(rows("a", 3).union(rows("b", 4)).coalesce(1), path, "dt IN ('a', 'b')"));
    assertEquals(2, DeltaReplace.replace(rows("a", 2), path, "dt = 'a'"), "b's 4 rows are copied out of the shared file");
    assertEquals(2, stored(path, "a"));
    assertEquals(4, stored(path, "b"));
  }
}
