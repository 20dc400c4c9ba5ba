package org.tianfu.warehouse.ingest;

import static org.apache.spark.sql.functions.broadcast;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The keys (dt, file, line_number) of a batch's duplicate lines, ready to be joined away from the
 * lines, and how many each file has, for the audit. A night's duplicates are few (1,617 of 316,824
 * lines at scale 1): their keys come to the driver in the one job that ranks the ids, are counted
 * there, and go back as a broadcast table, with no cache and no counting job. A large backfill batch
 * could have millions, so its keys stay on the executors, cached, and are counted by a Spark job.
 */
record DuplicateLines(Dataset<Row> keys, Map<String, Long> perFile, Runnable release) {

  static DuplicateLines of(Dataset<Row> keys, boolean toDriver) {
    Map<String, Long> perFile = new HashMap<>();
    if (toDriver) {
      List<Row> rows = keys.collectAsList();
      rows.forEach(r -> perFile.merge(fileKey(r.getString(0), r.getString(1)), 1L, Long::sum));
      return new DuplicateLines(broadcast(keys.sparkSession().createDataFrame(rows, keys.schema())), perFile, () -> {});
    }
    Dataset<Row> cached = keys.persist(StorageLevel.MEMORY_AND_DISK());
    cached.groupBy("dt", "file").count().collectAsList()
        .forEach(r -> perFile.put(fileKey(r.getString(0), r.getString(1)), r.getLong(2)));
    return new DuplicateLines(cached, perFile, cached::unpersist);
  }

  /** How many duplicates the file has. */
  long in(String dt, String file) {
    return perFile.getOrDefault(fileKey(dt, file), 0L);
  }

  private static String fileKey(String dt, String file) {
    return dt + "/" + file;
  }
}
