package org.tianfu.warehouse.store;

import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaHistory;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The one way a job writes a slice of a table: Delta's replaceWhere, which swaps the rows matching
 * a predicate for new ones in a single atomic commit. A rerun of the same slice therefore replaces
 * instead of appending, and a crash leaves either the old slice or the new one.
 */
public final class DeltaReplace {
  private DeltaReplace() {}

  /**
   * Replaces the slice and returns how many rows the commit wrote into it, as its own metrics say
   * ({@code numOutputRows} less {@code numCopiedRows}): the count of what was stored, without reading
   * the table again. The write tags its commit with a fresh {@code userMetadata}: the latest commit is
   * this one when it carries the tag (the run lock keeps other writers out), and none was made when
   * it does not. That spares reading the table's version before every write.
   */
  public static long replace(Dataset<Row> rows, String path, String predicate, String... partitionBy) {
    return replace(rows, path, predicate, null, partitionBy);
  }

  /** The same, for a table that keeps statistics on {@code stats} only (null: Delta's default, the first 32 columns). */
  public static long replace(Dataset<Row> rows, String path, String predicate, StatsColumns stats,
      String... partitionBy) {
    SparkSession spark = rows.sparkSession();
    String tag = "replace " + UUID.randomUUID();
    DataFrameWriter<Row> writer = rows.write()
        .format("delta")
        .mode("overwrite")
        .option("replaceWhere", predicate)
        .option("userMetadata", tag)
        .partitionBy(partitionBy);
    if (stats != null) {
      stats.ensure(spark, path);
      stats.onCreate(writer);
    }
    writer.save(path);
    DeltaHistory commit = TableLog.of(spark, path).lastCommit();
    if (!Option.apply(tag).equals(commit.userMetadata())) {
      return 0;   // Delta skips the commit when the slice was empty and no row is written
    }
    Map<String, String> parameters = CollectionConverters.asJava(commit.operationParameters());
    Map<String, String> metrics = commit.operationMetrics().isDefined()
        ? CollectionConverters.asJava(commit.operationMetrics().get()) : Map.of();
    if (!"WRITE".equals(commit.operation()) || !predicate.equals(parameters.get("predicate"))) {
      throw new IllegalStateException(path + ": the commit tagged " + tag + " is not the replace of "
          + predicate + ": " + commit);
    }
    String output = metrics.get("numOutputRows");
    if (output == null && !"0".equals(metrics.get("numFiles"))) {
      throw new IllegalStateException(path + ": the replace of " + predicate + " has no row count: " + commit);
    }
    // A file that also held rows outside the slice is rewritten: its other rows are counted as output
    // and as copied. A commit that adds no file carries no count.
    return output == null ? 0 : Long.parseLong(output) - Long.parseLong(metrics.getOrDefault("numCopiedRows", "0"));
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
