package org.tianfu.warehouse.conform;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tianfu.warehouse.models.SqlModels;
import org.tianfu.warehouse.store.WarehouseLayout;
import org.tianfu.warehouse.models.DuckDbEngine;
import org.tianfu.warehouse.testing.TestSpark;

/** Which months a recomputed user state marks dirty: only where a counted column moved. */
class CurrentStateMergeTest {
  private static final StructType USER = DataTypes.createStructType(List.of(
      DataTypes.createStructField("user_id", DataTypes.StringType, false),
      DataTypes.createStructField("display_name", DataTypes.StringType, true),
      DataTypes.createStructField("first_register_period", DataTypes.StringType, true),
      DataTypes.createStructField("first_register_county", DataTypes.StringType, true),
      DataTypes.createStructField("first_register_type", DataTypes.StringType, true)));

  @TempDir Path tmp;
  private SparkSession spark;
  private WarehouseLayout layout;

  @BeforeEach
  void setUp() {
    spark = TestSpark.session();
    layout = new WarehouseLayout(tmp);
    users(RowFactory.create("u1", "张三", "2024-04", "510104", "scientist"),
        RowFactory.create("u2", "李四", "2024-05", "510104", "enterprise"))
        .write().format("delta").save(layout.path("silver.users"));
  }

  private Dataset<Row> users(Row... rows) {
    return spark.createDataFrame(List.of(rows), USER);
  }

  private Set<YearMonth> touched(List<String> keys, Row... states) {
    Dataset<Row> keyRows = spark.createDataFrame(keys.stream().map(k -> RowFactory.create(k)).toList(),
        DataTypes.createStructType(List.of(DataTypes.createStructField("user_id", DataTypes.StringType, false))));
    return CurrentStateMerge.USERS.touchedPeriods(spark, layout, keyRows, users(states));
  }

  @Test
  void theKpiSqlReadsNoStateColumnBeyondTheCountedOnes() throws Exception {
    // DuckDB binds every column when it defines a view: a column the counted lists lack fails here,
    // and with it a KPI whose months a change of that column would never have marked dirty.
    try (DuckDbEngine duck = new DuckDbEngine()) {
      duck.execute("CREATE TABLE periods (period VARCHAR)");
      for (CurrentStateMerge state : List.of(CurrentStateMerge.ORDERS, CurrentStateMerge.USERS)) {
        List<String> columns = new ArrayList<>(List.of(state.key(), state.periodColumn()));
        columns.addAll(state.countedColumns());
        duck.execute("CREATE TABLE " + state.stateTable().substring("silver.".length()) + " ("
            + String.join(", ", columns.stream().map(c -> c + (c.equals("amount_yuan") ? " DECIMAL(18,2)" : " VARCHAR")).toList())
            + ")");
      }
      assertDoesNotThrow(() -> {
        duck.define("kpi_orders", SqlModels.text("gold/kpi_orders"));
        duck.define("kpi_users", SqlModels.text("gold/kpi_users"));
        duck.execute("SELECT * FROM kpi_orders UNION ALL SELECT * FROM kpi_users");
      });
    }
  }

  @Test
  void aProfileEditMovesNoMonth() {
    assertEquals(Set.of(), touched(List.of("u1"), RowFactory.create("u1", "张三丰", "2024-04", "510104", "scientist")));
  }

  @Test
  void aChangedCountedColumnMovesItsMonth() {
    assertEquals(Set.of(YearMonth.of(2024, 4)),
        touched(List.of("u1"), RowFactory.create("u1", "张三", "2024-04", "510105", "scientist")));
  }

  @Test
  void aMovedRegistrationMarksTheOldAndTheNewMonthAndNewOrVanishedKeysTheirOwn() {
    assertEquals(Set.of(YearMonth.of(2024, 3), YearMonth.of(2024, 4), YearMonth.of(2024, 5), YearMonth.of(2024, 6)),
        touched(List.of("u1", "u2", "u3"), RowFactory.create("u1", "张三", "2024-03", "510104", "scientist"),
            RowFactory.create("u3", "王五", "2024-06", "510104", "team")));
  }
}
