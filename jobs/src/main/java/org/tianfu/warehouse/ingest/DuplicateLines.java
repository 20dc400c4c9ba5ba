package org.tianfu.warehouse.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.storage.StorageLevel;

/**
 * The copies that lose their id's ranking, from the rows (dt, file, line_number, _batch) of every copy
 * that is not its id's first: the batch's duplicate lines ({@code _batch} 1), ready to be joined away
 * from the lines and counted per file for the audit; and the bronze rows of other days that an
 * earlier copy in the batch displaces ({@code _batch} 0, see {@link LaterDayCopies}), on the driver.
 * A night's duplicates are few (1,617 of 316,824 lines at scale 1): their keys come to the driver in
 * the one job that ranks the ids, are counted there, and go back as a broadcast table, with no cache
 * and no counting job. A large backfill batch could have millions, so its keys stay on the executors,
 * cached, and are counted by a Spark job.
 */
record DuplicateLines(Dataset<Row> keys, Map<String, Long> perFile, List<Row> displaced, Runnable release) {
  static DuplicateLines of(Dataset<Row> ranked, boolean toDriver) {
    Map<String, Long> perFile = new HashMap<>();
    if (toDriver) {
      List<Row> batch = new ArrayList<>();
      List<Row> displaced = new ArrayList<>();
      for (Row r : ranked.collectAsList()) {
        (r.getInt(3) == 1 ? batch : displaced).add(RowFactory.create(r.get(0), r.get(1), r.get(2)));
      }
      batch.forEach(r -> perFile.merge(fileKey(r.getString(0), r.getString(1)), 1L, Long::sum));
      return new DuplicateLines(broadcast(ranked.sparkSession().createDataFrame(batch, BronzeSchema.LINE_KEY)),
          perFile, displaced, () -> {});
    }
    Dataset<Row> cached = ranked.persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> keys = cached.where(col("_batch").equalTo(1)).selectExpr(BronzeSchema.LINE_KEY.fieldNames());
    keys.groupBy("dt", "file").count().collectAsList()
        .forEach(r -> perFile.put(fileKey(r.getString(0), r.getString(1)), r.getLong(2)));
    // Displaced copies are other days' re-sends of the batch's ids: few even in a large batch.
    List<Row> displaced = cached.where(col("_batch").equalTo(0)).selectExpr(BronzeSchema.LINE_KEY.fieldNames())
        .collectAsList();
    return new DuplicateLines(keys, perFile, displaced, cached::unpersist);
  }

  /** How many duplicates the file has. */
  long in(String dt, String file) {
    return perFile.getOrDefault(fileKey(dt, file), 0L);
  }

  private static String fileKey(String dt, String file) {
    return dt + "/" + file;
  }
}
