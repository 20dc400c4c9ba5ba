package org.tianfu.warehouse.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tianfu.warehouse.testing.TestSpark;

/** A table keeps statistics on its declared columns only, whether a write creates it or finds it without the setting. */
class StatsColumnsTest {
  private static final StructType SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("dt", DataTypes.StringType, false),
      DataTypes.createStructField("n", DataTypes.IntegerType, false)));
  private static final StatsColumns DT = StatsColumns.of("dt");

  private final SparkSession spark = TestSpark.session();
  @TempDir Path tmp;

  private Dataset<Row> rows(String dt) {
    return spark.createDataFrame(List.of(RowFactory.create(dt, 7), RowFactory.create(dt, 3)), SCHEMA).coalesce(1);
  }

  /** The minimum values of the file that the commit at {@code version} added, as Delta's log stores them. */
  private String minValues(String path, long version) {
    String commit = String.format("%s/_delta_log/%020d.json", path, version);
    return spark.read().json(commit).where("add IS NOT NULL")
        .selectExpr("get_json_object(add.stats, '$.minValues')").first().getString(0);
  }

  private List<String> operations(String path) {
    return DeltaTable.forPath(spark, path).history().orderBy("version").select("operation")
        .as(Encoders.STRING()).collectAsList();
  }

  @Test
  void theWriteThatCreatesTheTableSetsIt() {
    String path = tmp.resolve("t").toString();
    DeltaReplace.replace(rows("a"), path, "dt = 'a'", DT);
    DeltaReplace.replace(rows("b"), path, "dt = 'b'", DT);
    assertEquals(List.of("WRITE", "WRITE"), operations(path), "no commit of its own");
    assertEquals("{\"dt\":\"a\"}", minValues(path, 0));
    assertEquals("{\"dt\":\"b\"}", minValues(path, 1));
  }

  @Test
  void aTableWrittenWithoutItGetsItOnceAndOnlyLaterFilesFollow() {
    String path = tmp.resolve("t").toString();
    DeltaReplace.replace(rows("a"), path, "dt = 'a'");
    assertEquals("{\"dt\":\"a\",\"n\":3}", minValues(path, 0), "Delta's default: every column");
    DeltaReplace.replace(rows("b"), path, "dt = 'b'", DT);
    DeltaReplace.replace(rows("c"), path, "dt = 'c'", DT);
    assertEquals(List.of("WRITE", "SET TBLPROPERTIES", "WRITE", "WRITE"), operations(path));
    assertEquals("{\"dt\":\"b\"}", minValues(path, 2));
    assertEquals("{\"dt\":\"a\",\"n\":3}", minValues(path, 0), "files written before keep theirs");
    assertEquals(4, spark.read().format("delta").load(path).where("dt = 'c' OR n = 3").count(),
        "a filter on a column without statistics still finds every row");
  }

  @Test
  void aPathWithABacktickIsQuoted() {
    String path = tmp.resolve("odd`name").toString();
    DeltaReplace.replace(rows("a"), path, "dt = 'a'");
    DeltaReplace.replace(rows("b"), path, "dt = 'b'", DT);
    assertEquals(List.of("WRITE", "SET TBLPROPERTIES", "WRITE"), operations(path));
  }

  @Test
  void aColumnTheTableLacksIsRefused() {
    String path = tmp.resolve("t").toString();
    DeltaReplace.replace(rows("a"), path, "dt = 'a'");
    Exception e = assertThrows(Exception.class, () -> StatsColumns.of("dt", "nosuch").ensure(spark, path));
    assertTrue(e.getMessage().contains("nosuch"), e.getMessage());
  }

  @Test
  void onlyPlainColumnNamesAreAccepted() {
    assertThrows(IllegalArgumentException.class, () -> StatsColumns.of("dt') --"));
    assertThrows(IllegalArgumentException.class, () -> StatsColumns.of());
  }
}
