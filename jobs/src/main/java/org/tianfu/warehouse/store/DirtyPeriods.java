package org.tianfu.warehouse.store;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code ops.dirty_periods}: months whose gold rows must be recomputed. Conform adds a month before
 * it changes silver in a way that moves that month's figures; gold removes it only after rewriting
 * it. So a run killed in between leaves the month dirty and the next run finishes the job.
 */
public final class DirtyPeriods {
  public static final String TABLE = "ops.dirty_periods";

  private final SparkSession spark;
  private final WarehouseLayout layout;

  public DirtyPeriods(SparkSession spark, WarehouseLayout layout) {
    this.spark = spark;
    this.layout = layout;
  }

  public TreeSet<YearMonth> read() {
    TreeSet<YearMonth> out = new TreeSet<>();
    if (layout.exists(TABLE)) {
      for (Row r : spark.read().format("delta").load(layout.path(TABLE)).collectAsList()) {
        out.add(YearMonth.parse(r.getString(0)));
      }
    }
    return out;
  }

  /** Marks the months dirty (a no-op for months already marked, so nothing is written twice). */
  public void add(Collection<YearMonth> months) {
    TreeSet<YearMonth> fresh = new TreeSet<>(months);
    fresh.removeAll(read());
    if (fresh.isEmpty()) {
      return;
    }
    List<Row> rows = new ArrayList<>();
    fresh.forEach(m -> rows.add(RowFactory.create(m.toString())));
    spark.createDataFrame(rows, DataTypes.createStructType(List.of(
            DataTypes.createStructField("period", DataTypes.StringType, false))))
        .write().format("delta").mode("append").save(layout.path(TABLE));
  }

  public void remove(Collection<YearMonth> months) {
    if (months.isEmpty() || !layout.exists(TABLE)) {
      return;
    }
    List<String> periods = months.stream().map(YearMonth::toString).toList();
    spark.sql("DELETE FROM delta.`" + layout.path(TABLE) + "` WHERE " + DeltaReplace.in("period", periods));
  }
}
