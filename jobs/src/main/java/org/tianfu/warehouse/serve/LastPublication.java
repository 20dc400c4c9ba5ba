package org.tianfu.warehouse.serve;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * The latest row of ops.publications: the Delta version of each gold table that the last run stood
 * behind and the export day it covers. A table read at its published version says what the reports
 * sent said, whatever has run since.
 */
public record LastPublication(String runId, String publishedAt, String dataAsOf, Map<String, Long> tableVersions) {
  static final String TABLE = "ops.publications";

  /** Empty when no run has published yet. */
  public static Optional<LastPublication> read(WarehouseLayout layout) {
    if (!layout.exists(TABLE)) {
      return Optional.empty();
    }
    try (DuckDbSql sql = new DuckDbSql(layout, AsOf.LATEST)) {
      List<List<Object>> rows = sql.query("SELECT run_id, published_at, data_as_of, table_versions FROM " + TABLE
          + " ORDER BY published_at DESC LIMIT 1").rows();
      if (rows.isEmpty()) {
        return Optional.empty();
      }
      List<Object> last = rows.get(0);
      Map<String, Long> versions = new TreeMap<>();
      ((Map<?, ?>) last.get(3)).forEach((table, version) -> versions.put(table.toString(), ((Number) version).longValue()));
      return Optional.of(new LastPublication((String) last.get(0), QueryResult.text(last.get(1)), (String) last.get(2),
          versions));
    }
  }
}
