package org.tianfu.warehouse.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Locale;
import java.util.TreeSet;

/**
 * What DuckDB's own parser says of a query before anything runs: it must be exactly one SELECT
 * (FROM …, WITH …, DESCRIBE, SHOW and SUMMARIZE are SELECTs to DuckDB), so nothing can be created,
 * changed, copied out, attached, installed or set; and which warehouse tables it names, so that only
 * their snapshots are opened. DuckDB's {@code json_serialize_sql} serialises SELECT statements only.
 */
final class ReadOnlyQuery implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Connection parser;

  ReadOnlyQuery() {
    try {
      parser = DriverManager.getConnection("jdbc:duckdb:");
      // The parser needs no files; it gets none.
      try (Statement s = parser.createStatement()) {
        s.execute("SET enable_external_access = false");
        s.execute("SET lock_configuration = true");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot start DuckDB", e);
    }
  }

  /** The warehouse tables (of {@code known}, as {@code layer.table}) that the query reads; refuses anything but one SELECT. */
  TreeSet<String> tablesRead(String sql, Collection<String> known) {
    JsonNode parsed = serialize(sql);
    if (parsed.path("error").asBoolean()) {
      if (parsed.path("error_type").asText().equals("not implemented")) {
        // Which statement of several it was, the parser does not say.
        String what = sql.strip().replaceAll(";+$", "").contains(";") ? "one at a time" : "not " + firstWord(sql);
        throw new QueryError("the warehouse is read-only here: only queries are answered"
            + " (SELECT, FROM, WITH, DESCRIBE, SHOW, SUMMARIZE), " + what);
      }
      throw new QueryError("Parser Error: " + parsed.path("error_message").asText());
    }
    int statements = parsed.path("statements").size();
    if (statements != 1) {
      throw new QueryError(statements == 0 ? "no query given" : "one statement at a time, please (" + statements + " given)");
    }
    TreeSet<String> tables = new TreeSet<>();
    collectTables(parsed, known, tables);
    return tables;
  }

  private JsonNode serialize(String sql) {
    try (PreparedStatement p = parser.prepareStatement("SELECT json_serialize_sql(?::VARCHAR)")) {
      p.setString(1, sql);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return JSON.readTree(rs.getString(1));
      }
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("DuckDB could not parse the query", e);
    }
  }

  private static void collectTables(JsonNode node, Collection<String> known, TreeSet<String> out) {
    if (node.isObject() && node.path("type").asText().equals("BASE_TABLE")) {
      String name = (node.path("schema_name").asText() + "." + node.path("table_name").asText()).toLowerCase(Locale.ROOT);
      if (known.contains(name)) {
        out.add(name);
      }
    }
    node.forEach(child -> collectTables(child, known, out));
  }

  private static String firstWord(String sql) {
    String[] words = sql.strip().split("\\s+", 2);
    return words[0].toUpperCase(Locale.ROOT);
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
