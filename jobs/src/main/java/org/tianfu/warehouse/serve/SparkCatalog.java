package org.tianfu.warehouse.serve;

import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;
import org.tianfu.warehouse.store.WarehouseLayout;

/** Names every Delta table of the warehouse in the session, so SQL can say {@code bronze.orders}. */
public final class SparkCatalog {
  private SparkCatalog() {}

  public static List<String> register(SparkSession spark, WarehouseLayout layout) {
    List<String> tables = layout.tables();
    TreeSet<String> layers = new TreeSet<>();
    for (String table : tables) {
      String layer = table.substring(0, table.indexOf('.'));
      if (layers.add(layer)) {
        spark.sql("CREATE DATABASE IF NOT EXISTS " + layer);
      }
      spark.sql("CREATE TABLE IF NOT EXISTS " + table + " USING delta LOCATION '"
          + layout.path(table).replace("'", "\\'") + "'");
    }
    return tables;
  }
}
