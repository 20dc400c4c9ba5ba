package org.tianfu.warehouse.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * Answers SQL over the warehouse with DuckDB, reading each table from its Delta snapshot (the latest,
 * or the one {@code --as-of} names). Each query is checked by DuckDB's parser, the snapshots of the
 * tables it names are opened (all of them for a query that names none, such as SHOW ALL TABLES), and
 * it runs in a {@link SnapshotDatabase} of its own.
 */
public final class DuckDbSql implements QueryEngine {
  private final WarehouseLayout layout;
  private final AsOf asOf;
  private final DeltaLog log;
  private final ReadOnlyQuery parser = new ReadOnlyQuery();

  public DuckDbSql(WarehouseLayout layout, AsOf asOf) {
    this.layout = layout;
    this.asOf = asOf;
    this.log = new DeltaLog(layout);
  }

  @Override
  public QueryResult query(String sql) {
    try (SnapshotDatabase db = new SnapshotDatabase(snapshotsRead(sql), null)) {
      return db.query(sql);
    }
  }

  /** Writes the query's rows to {@code out} as one Parquet file: what the province's BI tools ingest. */
  public void exportParquet(String sql, Path out) {
    List<DeltaSnapshot> snapshots = snapshotsRead(sql);
    try {
      // The locked database may write into this fresh folder only; the file moves to --out afterwards.
      Path dir = Files.createTempDirectory("warehouse-extract");
      Path file = dir.resolve("extract.parquet");
      try {
        try (SnapshotDatabase db = new SnapshotDatabase(snapshots, dir)) {
          db.copyToParquet(sql, file);
        }
        Files.move(file, out, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(file);
        Files.delete(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out, e);
    }
  }

  private List<DeltaSnapshot> snapshotsRead(String sql) {
    List<String> tables = layout.tables();
    Set<String> named = parser.tablesRead(sql, tables);
    List<DeltaSnapshot> snapshots = new ArrayList<>();
    if (!named.isEmpty()) {
      named.forEach(t -> snapshots.add(log.snapshot(t, asOf)));
      return snapshots;
    }
    // A catalog question (SHOW ALL TABLES, information_schema): every table that existed as of then.
    for (String table : tables) {
      try {
        snapshots.add(log.snapshot(table, asOf));
      } catch (QueryError notYet) {
        // Created after the --as-of moment, or unreadable by DuckDB: not listed.
      }
    }
    return snapshots;
  }

  @Override
  public void close() {
    parser.close();
  }
}
