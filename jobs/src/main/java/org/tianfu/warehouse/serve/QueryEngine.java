package org.tianfu.warehouse.serve;

/** Answers read-only SQL over the warehouse's tables, named {@code layer.table}. */
public interface QueryEngine extends AutoCloseable {
  QueryResult query(String sql);

  @Override
  void close();
}
