package org.tianfu.warehouse.models;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The SQL models on an in-memory DuckDB: what-if scoring, and milliseconds per case for hand-written test fixtures. */
public final class DuckDbEngine implements SqlEngine, AutoCloseable {
  private final Connection connection;

  public DuckDbEngine() {
    try {
      connection = DriverManager.getConnection("jdbc:duckdb:");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void register(Relation relation) {
    List<String> columns = new ArrayList<>();
    relation.columns().forEach(c -> columns.add(c.name() + " " + c.type()));
    execute("CREATE OR REPLACE TABLE " + relation.name() + " (" + String.join(", ", columns) + ")");
    if (relation.rows().isEmpty()) {
      return;
    }
    String marks = String.join(", ", java.util.Collections.nCopies(relation.columns().size(), "?"));
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO " + relation.name() + " VALUES (" + marks + ")")) {
      for (Object[] row : relation.rows()) {
        for (int i = 0; i < row.length; i++) {
          insert.setObject(i + 1, row[i]);
        }
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot fill " + relation.name(), e);
    }
  }

  @Override
  public void define(String name, String query) {
    execute("CREATE OR REPLACE VIEW " + name + " AS " + query);
  }

  public void execute(String sql) {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage() + "\n" + sql, e);
    }
  }

  public List<List<Object>> query(String sql) {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      List<List<Object>> rows = new ArrayList<>();
      while (rs.next()) {
        List<Object> row = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage() + "\n" + sql, e);
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
