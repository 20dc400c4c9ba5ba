package org.tianfu.warehouse.conform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tianfu.warehouse.contract.County;
import org.tianfu.warehouse.contract.CountyReference;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * silver.counties: the county reference the jar ships, as a table gold joins and analysts query.
 * Rewritten only when the reference changed, so a run with nothing new writes nothing.
 */
public final class CountiesConform {
  static final String TABLE = "silver.counties";
  private static final StructType SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("county_code", DataTypes.StringType, false),
      DataTypes.createStructField("county_name", DataTypes.StringType, false),
      DataTypes.createStructField("city_code", DataTypes.StringType, false),
      DataTypes.createStructField("city_name", DataTypes.StringType, false)));

  private CountiesConform() {}

  static void run(SparkSession spark, WarehouseLayout layout, CountyReference reference) {
    List<Row> rows = new ArrayList<>();
    for (County c : reference.all()) {
      rows.add(RowFactory.create(c.code(), c.name(), c.cityCode(), c.cityName()));
    }
    if (layout.exists(TABLE)
        && new HashSet<>(spark.read().format("delta").load(layout.path(TABLE)).collectAsList()).equals(Set.copyOf(rows))) {
      return;
    }
    spark.createDataFrame(rows, SCHEMA).write().format("delta").mode("overwrite").save(layout.path(TABLE));
  }
}
