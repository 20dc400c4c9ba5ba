package org.tianfu.warehouse.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A fresh in-memory DuckDB with one view per table snapshot, then locked down: from then on it reads
 * only the snapshots' files (and writes only into the export folder, when there is one), loads no
 * extension, reaches no network and cannot change a setting. One per query, so that a query sees
 * exactly the snapshots it was opened on.
 */
final class SnapshotDatabase implements AutoCloseable {
  private final Connection connection;
  // Large sorts and joins spill here rather than into the current directory (DuckDB's default).
  private final Path spill = Path.of(System.getProperty("java.io.tmpdir"), "warehouse-duckdb-" + UUID.randomUUID());

  /** @param exportDir a folder queries may write into (Parquet extracts), or null */
  SnapshotDatabase(Collection<DeltaSnapshot> snapshots, Path exportDir) {
    try {
      connection = DriverManager.getConnection("jdbc:duckdb:");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot start DuckDB", e);
    }
    try {
      createViews(snapshots);
      lockDown(snapshots, exportDir);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private void createViews(Collection<DeltaSnapshot> snapshots) {
    // As the Spark session: instants shown and bucketed in Shanghai time, the contract's zone, and
    // NULLs sorted as Spark sorts them, so that the same query lists rows in the same order.
    execute("SET TimeZone = 'Asia/Shanghai'");
    execute("SET default_null_order = 'nulls_first_on_asc_last_on_desc'");
    TreeSet<String> schemas = new TreeSet<>();
    for (DeltaSnapshot snapshot : snapshots) {
      String layer = snapshot.table().substring(0, snapshot.table().indexOf('.'));
      if (schemas.add(layer)) {
        execute("CREATE SCHEMA " + DuckDbView.quote(layer));
      }
      execute(DuckDbView.create(snapshot, fileTypes(snapshot)));
    }
  }

  private void lockDown(Collection<DeltaSnapshot> snapshots, Path exportDir) {
    List<String> files = new ArrayList<>();
    snapshots.forEach(s -> s.files().forEach(f -> files.add(DuckDbView.literal(f.path()))));
    execute("SET allowed_paths = [" + String.join(", ", files) + "]");
    if (exportDir != null) {
      execute("SET allowed_directories = [" + DuckDbView.literal(exportDir + "/") + "]");
    }
    execute("SET temp_directory = " + DuckDbView.literal(spill.toString()));
    execute("SET autoinstall_known_extensions = false");
    execute("SET autoload_known_extensions = false");
    execute("SET allow_community_extensions = false");
    execute("SET enable_external_access = false");
    execute("SET lock_configuration = true");
  }

  QueryResult query(String sql) {
    try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
      ResultSetMetaData meta = rs.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(meta.getColumnLabel(i));
      }
      List<List<Object>> rows = new ArrayList<>();
      while (rs.next()) {
        List<Object> row = new ArrayList<>(columns.size());
        for (int i = 1; i <= columns.size(); i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
      return new QueryResult(columns, rows);
    } catch (SQLException e) {
      throw new QueryError(e.getMessage(), e);
    }
  }

  /** Writes the query's rows to {@code file} (inside the export folder) as Parquet. */
  void copyToParquet(String sql, Path file) {
    // The newline keeps a trailing "-- comment" in the query from swallowing the closing parenthesis.
    String copy = "COPY (" + sql.strip().replaceAll(";+$", "") + "\n) TO " + DuckDbView.literal(file.toString())
        + " (FORMAT parquet)";
    try (Statement statement = connection.createStatement()) {
      statement.execute(copy);
    } catch (SQLException e) {
      throw new QueryError(e.getMessage(), e);
    }
  }

  /** The column types DuckDB reads from the snapshot's Parquet files (their first file's schema). */
  private Map<String, String> fileTypes(DeltaSnapshot snapshot) {
    Map<String, String> types = new LinkedHashMap<>();
    if (snapshot.files().isEmpty()) {
      return types;
    }
    String first = DuckDbView.literal(snapshot.files().get(0).path());
    try (Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("DESCRIBE SELECT * FROM read_parquet([" + first + "])")) {
      while (rs.next()) {
        types.put(rs.getString("column_name"), rs.getString("column_type"));
      }
    } catch (SQLException e) {
      throw new QueryError("cannot read " + snapshot.table() + " version " + snapshot.version() + ": " + e.getMessage(), e);
    }
    return types;
  }

  private void execute(String sql) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage() + "\n" + sql, e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    try {
      // DuckDB removes its spill files when it closes, but not the folder.
      Files.deleteIfExists(spill);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove DuckDB's spill folder " + spill, e);
    }
  }
}
