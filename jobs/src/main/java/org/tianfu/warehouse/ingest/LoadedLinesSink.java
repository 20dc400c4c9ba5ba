package org.tianfu.warehouse.ingest;

import java.util.Optional;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tianfu.warehouse.contract.SourceSpec;

/**
 * A second table that a source's loaded lines go to while the batch is still cached, so the layer
 * after bronze need not read bronze back (conform's event tables of the sources that have no current
 * state). Written after bronze and before the audit row: a batch cut short in between is redone whole.
 */
public interface LoadedLinesSink {
  /** The table the source's loaded lines also go to; empty when they go to bronze only. */
  Optional<String> table(SourceSpec spec);

  /**
   * Replaces the export days' slice of the source's table with {@code loaded} (bronze's columns);
   * returns the rows stored.
   */
  long write(SourceSpec spec, Dataset<Row> loaded, TreeSet<String> dts);
}
