package org.tianfu.warehouse.conform;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import io.delta.tables.DeltaTable;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.tianfu.warehouse.models.SqlModels;
import org.tianfu.warehouse.store.StatsColumns;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * Keeps a state table (silver.orders, silver.users) current from its event table: the keys whose
 * events changed are recomputed from all their events by the state's SQL model and MERGEd in, so
 * late and out-of-order events land where they belong; a key left with no events (a re-exported
 * day that dropped them) is deleted.
 *
 * @param periodColumn the state's month that a KPI counts it in (completed_period, first_register_period)
 * @param countedColumns every column of the state that the KPI SQL reads (jobs/sql/gold/kpi_orders.sql,
 *     kpi_users.sql): a key whose counted columns did not change moves no KPI
 */
record CurrentStateMerge(String model, String eventsTable, String eventsView, String stateTable,
    String key, String periodColumn, List<String> countedColumns) {

  static final CurrentStateMerge ORDERS = new CurrentStateMerge(SqlModels.SILVER_ORDERS,
      "silver.order_events", "order_events", "silver.orders", "order_id", "completed_period",
      List.of("status", "category", "supplier_county", "demander_county", "facilitator_county", "amount_yuan"));
  static final CurrentStateMerge USERS = new CurrentStateMerge(SqlModels.SILVER_USERS,
      "silver.registration_events", "registration_events", "silver.users", "user_id", "first_register_period",
      List.of("first_register_county", "first_register_type"));

  /** The recomputed states of {@code keys} (a one-column dataset named like the key). */
  Dataset<Row> recompute(SparkSession spark, WarehouseLayout layout, Dataset<Row> keys) {
    spark.read().format("delta").load(layout.path(eventsTable)).join(keys, key)
        .createOrReplaceTempView(eventsView);
    return spark.sql(SqlModels.text(model));
  }

  /**
   * Months whose KPI counts change: where a key counted before and where it counts now, for the keys
   * whose counted columns changed. A profile edit of a user registered last spring moves no month.
   */
  Set<YearMonth> touchedPeriods(SparkSession spark, WarehouseLayout layout, Dataset<Row> keys, Dataset<Row> states) {
    Dataset<Row> now = states.select(counted()).as("now");
    Dataset<Row> moved = now.select(col(periodColumn));
    if (layout.exists(stateTable)) {
      Dataset<Row> before = spark.read().format("delta").load(layout.path(stateTable)).join(keys, key)
          .select(counted()).as("before");
      // A key is one row on each side: a full join pairs a key's state before and now, and a key whose
      // counted columns differ (or that is on one side only) moves both its months.
      Column same = lit(true);
      for (String c : countedNames()) {
        same = same.and(col("now." + c).eqNullSafe(col("before." + c)));
      }
      moved = now.join(before, col("now." + key).equalTo(col("before." + key)), "full_outer").where(not(same))
          .select(explode(array(col("now." + periodColumn), col("before." + periodColumn))).as(periodColumn));
    }
    Set<YearMonth> out = new TreeSet<>();
    for (Row r : moved.where(col(periodColumn).isNotNull()).distinct().collectAsList()) {
      out.add(YearMonth.parse(r.getString(0)));
    }
    return out;
  }

  private List<String> countedNames() {
    List<String> names = new ArrayList<>(List.of(key, periodColumn));
    names.addAll(countedColumns);
    return names;
  }

  private Column[] counted() {
    return countedNames().stream().map(c -> col(c)).toArray(Column[]::new);
  }

  /** Replaces the keys' states: MERGE the recomputed ones, delete the ones that no longer have events. */
  void merge(SparkSession spark, WarehouseLayout layout, Dataset<Row> keys, Dataset<Row> states) {
    String path = layout.path(stateTable);
    // Gold reads a state by the month it counts in.
    StatsColumns stats = StatsColumns.of(periodColumn);
    if (!layout.exists(stateTable)) {
      stats.onCreate(states.write().format("delta")).save(path);
      return;
    }
    stats.ensure(spark, path);
    DeltaTable table = DeltaTable.forPath(spark, path);
    Dataset<Row> vanished = keys.join(states.select(key), keys.col(key).equalTo(states.col(key)), "left_anti");
    if (!vanished.isEmpty()) {
      table.as("t").merge(vanished.as("v"), "t." + key + " = v." + key).whenMatched().delete().execute();
    }
    table.as("t")
        .merge(states.as("s"), "t." + key + " = s." + key)
        .whenMatched().updateAll()
        .whenNotMatched().insertAll()
        .execute();
  }
}
