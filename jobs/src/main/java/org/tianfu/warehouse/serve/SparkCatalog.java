package org.tianfu.warehouse.serve;

import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * Names every Delta table of the warehouse in the session, so SQL can say {@code bronze.orders}: a
 * view over the table's path, at the version {@code asOf} resolves to (the same version the DuckDB
 * engine reads). Views, not catalog tables, so that no statement through these names can write to a
 * table, and so that registering another warehouse or another moment re-points every name.
 */
public final class SparkCatalog {
  private SparkCatalog() {}

  public static List<String> register(SparkSession spark, WarehouseLayout layout, AsOf asOf) {
    List<String> tables = layout.tables();
    DeltaLog log = asOf.isLatest() ? null : new DeltaLog(layout);
    TreeSet<String> layers = new TreeSet<>();
    for (String table : tables) {
      String layer = table.substring(0, table.indexOf('.'));
      if (layers.add(layer)) {
        spark.sql("CREATE DATABASE IF NOT EXISTS " + layer);
      }
      String source = "delta.`" + layout.path(table).replace("`", "``") + "`";
      if (log != null) {
        try {
          source += " VERSION AS OF " + log.version(table, asOf);
        } catch (QueryError notYet) {
          spark.sql("DROP VIEW IF EXISTS " + table);
          continue;
        }
      }
      spark.sql("CREATE OR REPLACE VIEW " + table + " AS SELECT * FROM " + source);
    }
    return tables;
  }
}
