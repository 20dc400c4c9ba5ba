package org.tianfu.warehouse.conform;

import static org.apache.spark.sql.functions.col;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.tianfu.warehouse.contract.SourceSpec;
import org.tianfu.warehouse.ingest.BronzeSchema;
import org.tianfu.warehouse.ingest.LoadedLinesSink;
import org.tianfu.warehouse.store.DirtyPeriods;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * The silver event tables of the sources that have no current state (postings, science-base
 * activity, popular-science deliveries). Their events are their bronze rows with a month, so ingest
 * writes them from its cache as it lands each batch, as a {@link LoadedLinesSink}, and conform does
 * not read their bronze back. The months of the days' old and new events are marked dirty before
 * the table changes.
 */
public final class AppendOnlyEvents implements LoadedLinesSink {
  private final SparkSession spark;
  private final WarehouseLayout layout;
  private final DirtyPeriods dirty;

  public AppendOnlyEvents(SparkSession spark, WarehouseLayout layout, DirtyPeriods dirty) {
    this.spark = spark;
    this.layout = layout;
    this.dirty = dirty;
  }

  @Override
  public Optional<String> table(SourceSpec spec) {
    return CurrentStateMerge.of(spec).isPresent() ? Optional.empty() : Optional.of(new EventTable(spark, layout, spec).name());
  }

  @Override
  public long write(SourceSpec spec, Dataset<Row> loaded, TreeSet<String> dts) {
    EventTable table = new EventTable(spark, layout, spec);
    Dataset<Row> events = table.events(loaded);
    Dataset<Row> previous = table.slice(dts);
    dirty.add(DirtyPeriods.KPIS, periodsOf(previous == null ? events : previous.select("period").union(events.select("period"))));
    return table.replace(events, dts);
  }

  /** Creates the source's table, empty, when it has none yet (no day of it ingested), so gold can read it. */
  void ensureExists(SourceSpec spec) {
    if (!layout.exists(new EventTable(spark, layout, spec).name())) {
      write(spec, spark.createDataFrame(List.of(), BronzeSchema.table(spec)), new TreeSet<>());
    }
  }

  private static Set<YearMonth> periodsOf(Dataset<Row> rows) {
    Set<YearMonth> out = new TreeSet<>();
    for (Row r : rows.select("period").where(col("period").isNotNull()).distinct().collectAsList()) {
      out.add(YearMonth.parse(r.getString(0)));
    }
    return out;
  }
}
