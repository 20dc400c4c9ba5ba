package org.tianfu.warehouse.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where each table lives: {@code <warehouse>/<layer>/<table>}, a Delta table, named
 * {@code <layer>.<table>} in SQL (bronze.orders, ops.quarantine, later silver.* and gold.*).
 * The warehouse is a local directory or a URI on a Hadoop filesystem (see {@link Storage}).
 */
public record WarehouseLayout(Storage storage) {
  public static final String QUARANTINE = "ops.quarantine";
  public static final String INGEST_AUDIT = "ops.ingest_audit";
  private static final Pattern COMMIT = Pattern.compile("\\d{20}\\.(json|checkpoint\\.parquet)");
  private static final String FIRST_COMMIT = "00000000000000000000.json";

  /** A warehouse in a local directory. */
  public WarehouseLayout(Path dir) {
    this(new LocalStorage(dir));
  }

  public static String bronze(String source) {
    return "bronze." + source;
  }

  /** The warehouse root: an absolute local path or a URI. */
  public String root() {
    return storage.root();
  }

  public String path(String table) {
    return storage.resolve(relative(table));
  }

  public boolean exists(String table) {
    return committed(relative(table));
  }

  private static String relative(String table) {
    int dot = table.indexOf('.');
    if (dot <= 0 || dot != table.lastIndexOf('.')) {
      throw new IllegalArgumentException("table names are <layer>.<table>: " + table);
    }
    return table.substring(0, dot) + "/" + table.substring(dot + 1);
  }

  /**
   * A directory is a table once its first commit is in the log. A run killed while creating a
   * table leaves data files and an empty {@code _delta_log} behind: that is no table yet, and the
   * next run creates it afresh (Delta ignores the unreferenced files). The first commit, kept for the
   * ten years of log retention, answers with one request; a log listing, which on an object store pages
   * through every commit of the table's years, is left for a table without it (its early commits
   * cleaned up: a checkpoint then stands for them) and for a table that does not exist.
   */
  private boolean committed(String table) {
    String log = table + "/_delta_log";
    return storage.isFile(log + "/" + FIRST_COMMIT)
        || storage.names(log).stream().anyMatch(n -> COMMIT.matcher(n).matches());
  }

  /** Every Delta table in the warehouse, as {@code layer.table}, sorted (a file has no log: it is no table). */
  public List<String> tables() {
    List<String> names = new ArrayList<>();
    for (String layer : storage.names("")) {
      for (String table : storage.names(layer)) {
        if (committed(layer + "/" + table)) {
          names.add(layer + "." + table);
        }
      }
    }
    return names;
  }
}
