package org.tianfu.warehouse.state;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.tianfu.warehouse.store.DeltaReplace;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * {@code ops.dirty_periods}: months a stage must recompute, by stage. An upstream stage marks a
 * month before it changes what the month depends on; the stage clears it only after rewriting it.
 * A run killed in between leaves the month marked, and the next run finishes the job.
 */
public final class DirtyPeriods {
  public static final String TABLE = "ops.dirty_periods";
  /** Months whose actuals and completion rows must be recomputed (marked by conform). */
  public static final String KPIS = "kpis";
  /** Months whose scores and ranks must be recomputed (marked by the kpis stage). */
  public static final String SCORES = "scores";

  private final SparkSession spark;
  private final WarehouseLayout layout;
  /** Per stage, the months marked as this instance last read or wrote them: it is the table's one writer while its stage runs. */
  private final Map<String, TreeSet<YearMonth>> marked = new HashMap<>();

  public DirtyPeriods(SparkSession spark, WarehouseLayout layout) {
    this.spark = spark;
    this.layout = layout;
  }

  public TreeSet<YearMonth> read(String stage) {
    TreeSet<YearMonth> out = new TreeSet<>();
    if (layout.exists(TABLE)) {
      for (Row r : spark.read().format("delta").load(layout.path(TABLE)).where("stage = '" + stage + "'")
          .select("period").collectAsList()) {
        out.add(YearMonth.parse(r.getString(0)));
      }
    }
    return out;
  }

  /**
   * Marks the months dirty for the stage (months already marked are not written twice; the table is
   * read once per stage). Synchronized because conform's sources mark months side by side: each sees
   * the others' rows, and only one creates the table.
   */
  public synchronized void add(String stage, Collection<YearMonth> months) {
    TreeSet<YearMonth> known = marked.computeIfAbsent(stage, this::read);
    TreeSet<YearMonth> fresh = new TreeSet<>(months);
    fresh.removeAll(known);
    if (fresh.isEmpty()) {
      return;
    }
    List<Row> rows = new ArrayList<>();
    fresh.forEach(m -> rows.add(RowFactory.create(stage, m.toString())));
    spark.createDataFrame(rows, DataTypes.createStructType(List.of(
            DataTypes.createStructField("stage", DataTypes.StringType, false),
            DataTypes.createStructField("period", DataTypes.StringType, false))))
        .write().format("delta").mode("append").save(layout.path(TABLE));
    known.addAll(fresh);
  }

  public synchronized void remove(String stage, Collection<YearMonth> months) {
    marked.remove(stage);
    if (months.isEmpty() || !layout.exists(TABLE)) {
      return;
    }
    List<String> periods = months.stream().map(YearMonth::toString).toList();
    spark.sql("DELETE FROM delta.`" + layout.path(TABLE) + "` WHERE stage = '" + stage + "' AND "
        + DeltaReplace.in("period", periods));
  }
}
