package org.tianfu.warehouse.models;

/** What the SQL models need from an engine: small relations to read, and named views over SQL. */
public interface SqlEngine {
  void register(Relation relation);

  /** Makes {@code name} a view over the query, replacing any earlier one. */
  void define(String name, String query);
}
