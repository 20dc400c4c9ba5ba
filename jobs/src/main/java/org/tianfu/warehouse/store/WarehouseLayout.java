package org.tianfu.warehouse.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where each table lives: {@code <warehouse>/<layer>/<table>}, a Delta table, named
 * {@code <layer>.<table>} in SQL (bronze.orders, ops.quarantine, later silver.* and gold.*).
 */
public record WarehouseLayout(Path root) {
  public static final String QUARANTINE = "ops.quarantine";
  public static final String INGEST_AUDIT = "ops.ingest_audit";
  private static final Pattern COMMIT = Pattern.compile("\\d{20}\\.(json|checkpoint\\.parquet)");

  public static String bronze(String source) {
    return "bronze." + source;
  }

  public String path(String table) {
    int dot = table.indexOf('.');
    if (dot <= 0 || dot != table.lastIndexOf('.')) {
      throw new IllegalArgumentException("table names are <layer>.<table>: " + table);
    }
    return root.resolve(table.substring(0, dot)).resolve(table.substring(dot + 1)).toString();
  }

  public boolean exists(String table) {
    return committed(Path.of(path(table)));
  }

  /**
   * A directory is a table once its first commit is in the log. A run killed while creating a
   * table leaves data files and an empty {@code _delta_log} behind: that is no table yet, and the
   * next run creates it afresh (Delta ignores the unreferenced files).
   */
  private static boolean committed(Path table) {
    Path log = table.resolve("_delta_log");
    if (!Files.isDirectory(log)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(log)) {
      return entries.anyMatch(e -> COMMIT.matcher(e.getFileName().toString()).matches());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the Delta log " + log, e);
    }
  }

  /** Every Delta table in the warehouse, as {@code layer.table}, sorted. */
  public List<String> tables() {
    List<String> names = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return names;
    }
    try (Stream<Path> layers = Files.list(root)) {
      for (Path layer : layers.sorted().toList()) {
        if (!Files.isDirectory(layer)) {
          continue;
        }
        try (Stream<Path> tables = Files.list(layer)) {
          tables.filter(WarehouseLayout::committed).sorted()
              .forEach(t -> names.add(layer.getFileName() + "." + t.getFileName()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the warehouse " + root, e);
    }
    return names;
  }
}
