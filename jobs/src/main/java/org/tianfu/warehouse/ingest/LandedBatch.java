package org.tianfu.warehouse.ingest;

import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tianfu.warehouse.store.DeltaReplace;

/**
 * A batch of one source whose loaded lines are in bronze, waiting for its quarantined lines and audit
 * rows to be written. {@code quarantined} is read from a cache that {@code release} frees; {@code displaced}
 * and {@code reloaded} count the later days' copies it made duplicates or loaded ({@link LaterDayCopies}).
 */
public record LandedBatch(String source, TreeSet<String> dts, List<IngestAuditRow> audit,
    Dataset<Row> quarantined, long displaced, long reloaded, Runnable release) {

  /** The batch's slice of the ops tables, which are partitioned by source. */
  String opsSlice() {
    return "(source = '" + source + "' AND " + DeltaReplace.in("dt", dts) + ")";
  }

  long quarantinedLines() {
    return audit.stream().mapToLong(IngestAuditRow::quarantined).sum();
  }
}
