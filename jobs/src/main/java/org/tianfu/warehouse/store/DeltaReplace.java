package org.tianfu.warehouse.store;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The one way a job writes a slice of a table: Delta's replaceWhere, which swaps the rows matching
 * a predicate for new ones in a single atomic commit. A rerun of the same slice therefore replaces
 * instead of appending, and a crash leaves either the old slice or the new one.
 */
public final class DeltaReplace {
  private DeltaReplace() {}

  public static void replace(Dataset<Row> rows, String path, String predicate, String... partitionBy) {
    rows.write()
        .format("delta")
        .mode("overwrite")
        .option("replaceWhere", predicate)
        .partitionBy(partitionBy)
        .save(path);
  }

  /** {@code col IN ('a', 'b')} for string literals that come from folder names, not from users. */
  public static String in(String column, java.util.Collection<String> values) {
    if (values.isEmpty()) {
      return "FALSE";
    }
    StringBuilder sb = new StringBuilder(column).append(" IN (");
    String sep = "";
    for (String v : values) {
      if (v.indexOf('\'') >= 0 || v.indexOf('\\') >= 0) {
        throw new IllegalArgumentException("unexpected quote in " + v);
      }
      sb.append(sep).append('\'').append(v).append('\'');
      sep = ", ";
    }
    return sb.append(')').toString();
  }
}
