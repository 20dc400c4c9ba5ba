package org.tianfu.warehouse.serve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.tianfu.warehouse.store.WarehouseLayout;

/** Answers SQL over the warehouse's Delta tables with Spark. */
public final class SparkSql {
  private final SparkSession spark;

  public SparkSql(SparkSession spark, WarehouseLayout layout) {
    this.spark = spark;
    SparkCatalog.register(spark, layout);
  }

  public QueryResult query(String sql) {
    Dataset<Row> df = spark.sql(sql);
    List<String> columns = Arrays.asList(df.columns());
    List<List<Object>> rows = new ArrayList<>();
    for (Row r : df.collectAsList()) {
      List<Object> values = new ArrayList<>(r.size());
      for (int i = 0; i < r.size(); i++) {
        values.add(r.get(i));
      }
      rows.add(values);
    }
    return new QueryResult(columns, rows);
  }
}
