package org.tianfu.warehouse.serve;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.MapValue;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.KernelException;
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * Reads the warehouse's Delta logs with Delta Kernel: which files make up a table at a version.
 * Kernel replays the log as the protocol says (checkpoints, then the JSON commits after them), so a
 * file that an overwrite, MERGE or DELETE removed is not listed even while it is still on disk.
 */
public final class DeltaLog {
  private final WarehouseLayout layout;
  // Hadoop's default resources (core-default.xml, …) are not needed to read local files.
  private final Engine engine = DefaultEngine.create(new Configuration(false));

  public DeltaLog(WarehouseLayout layout) {
    this.layout = layout;
  }

  /** The table's version as of {@code asOf}, for an engine that reads the log itself (Spark). */
  public long version(String table, AsOf asOf) {
    return load(table, asOf).getVersion();
  }

  public DeltaSnapshot snapshot(String table, AsOf asOf) {
    Snapshot snapshot = load(table, asOf);
    String mapping = snapshot.getTableProperties().getOrDefault("delta.columnMapping.mode", "none");
    if (!mapping.equals("none")) {
      // Parquet columns would carry physical names that only the log can translate.
      throw new QueryError(table + " uses column mapping (" + mapping + "), which the DuckDB engine does not read;"
          + " use --engine spark");
    }
    return new DeltaSnapshot(table, snapshot.getVersion(), Instant.ofEpochMilli(snapshot.getTimestamp(engine)),
        snapshot.getSchema().fields(), snapshot.getPartitionColumnNames(), liveFiles(table, snapshot));
  }

  private Snapshot load(String table, AsOf asOf) {
    String path = layout.path(table);
    try {
      if (asOf.version() != null) {
        return TableManager.loadSnapshot(path).atVersion(asOf.version()).build(engine);
      }
      Snapshot latest = TableManager.loadSnapshot(path).build(engine);
      // A moment after the last commit reads the last commit (Kernel refuses it: "after the latest version").
      if (asOf.isLatest() || asOf.timestamp().toEpochMilli() >= latest.getTimestamp(engine)) {
        return latest;
      }
      return TableManager.loadSnapshot(path).atTimestamp(asOf.timestamp().toEpochMilli(), latest).build(engine);
    } catch (KernelException e) {
      throw new QueryError(table + " has no snapshot as of " + asOf + ": " + e.getMessage(), e);
    }
  }

  private List<DeltaSnapshot.DataFile> liveFiles(String table, Snapshot snapshot) {
    Scan scan = snapshot.getScanBuilder().build();
    List<DeltaSnapshot.DataFile> files = new ArrayList<>();
    try (CloseableIterator<FilteredColumnarBatch> batches = scan.getScanFiles(engine)) {
      while (batches.hasNext()) {
        try (CloseableIterator<Row> rows = batches.next().getRows()) {
          while (rows.hasNext()) {
            files.add(dataFile(table, rows.next()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Delta log of " + table, e);
    }
    return files;
  }

  /** One scan-file row, read by the field names {@link Scan#getScanFiles} documents. */
  private static DeltaSnapshot.DataFile dataFile(String table, Row scanFile) {
    Row add = scanFile.getStruct(scanFile.getSchema().indexOf("add"));
    if (!add.isNullAt(add.getSchema().indexOf("deletionVector"))) {
      // The file's rows minus a deleted-row bitmap: DuckDB would read the deleted rows too.
      throw new QueryError(table + " has deletion vectors, which the DuckDB engine does not apply; use --engine spark");
    }
    String root = scanFile.getString(scanFile.getSchema().indexOf("tableRoot"));
    String path = add.getString(add.getSchema().indexOf("path"));
    MapValue values = add.getMap(add.getSchema().indexOf("partitionValues"));
    Map<String, String> partitionValues = new HashMap<>();
    ColumnVector keys = values.getKeys();
    ColumnVector vals = values.getValues();
    for (int i = 0; i < values.getSize(); i++) {
      partitionValues.put(keys.getString(i), vals.isNullAt(i) ? null : vals.getString(i));
    }
    return new DeltaSnapshot.DataFile(localPath(root, path), partitionValues);
  }

  /** The log holds paths as URIs, relative to the table root or absolute; DuckDB wants a local path. */
  static String localPath(String tableRoot, String path) {
    try {
      URI root = new URI(tableRoot.endsWith("/") ? tableRoot : tableRoot + "/");
      return Path.of(root.resolve(new URI(path))).toString();
    } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      throw new QueryError("not a local data file: " + path + " in " + tableRoot, e);
    }
  }
}
