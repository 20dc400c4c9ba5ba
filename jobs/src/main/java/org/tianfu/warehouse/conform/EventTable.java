package org.tianfu.warehouse.conform;

import static org.apache.spark.sql.functions.col;

import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.tianfu.warehouse.contract.SourceSpec;
import org.tianfu.warehouse.store.DayFiles;
import org.tianfu.warehouse.store.DeltaReplace;
import org.tianfu.warehouse.store.StatsColumns;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * A source's silver event table: its bronze rows, less {@code extra} and {@code run_id}, with the
 * Shanghai month they count in ({@code period}), replaced by export day.
 */
final class EventTable {
  /** Silver events are replaced and read by export day, and gold reads them by month. */
  private static final StatsColumns STATS = StatsColumns.of("dt", "period");

  private final SparkSession spark;
  private final WarehouseLayout layout;
  private final SourceSpec spec;

  EventTable(SparkSession spark, WarehouseLayout layout, SourceSpec spec) {
    this.spark = spark;
    this.layout = layout;
    this.spec = spec;
  }

  String name() {
    return "silver." + spec.silverTable();
  }

  /** The events the export days hold now; null when the table does not exist yet. */
  Dataset<Row> slice(TreeSet<String> dts) {
    return layout.exists(name()) ? spark.read().format("delta").load(layout.path(name())).where(DeltaReplace.in("dt", dts)) : null;
  }

  /** Bronze rows as events: the month they count in, by the source's period field. */
  Dataset<Row> events(Dataset<Row> bronze) {
    String timeColumn = switch (spec.field(spec.periodField()).type()) {
      case TIMESTAMP -> spec.periodField() + "_ts";
      case DATE -> spec.periodField();
      default -> throw new IllegalStateException(spec.name() + ": period_field must be a timestamp or a date");
    };
    return bronze.drop("extra", "run_id").withColumn("period", ShanghaiMonth.of(spark, col(timeColumn)));
  }

  /** Replaces the export days' events, laid out by {@link DayFiles}; returns the rows stored. */
  long replace(Dataset<Row> events, TreeSet<String> dts) {
    return DeltaReplace.replace(DayFiles.arrange(events, dts.size()), layout.path(name()), DeltaReplace.in("dt", dts), STATS);
  }
}
