package org.tianfu.warehouse.serve;

/** A query that cannot be answered as asked (bad SQL, a refused statement, no such snapshot); the asker can fix it. */
public final class QueryError extends RuntimeException {
  public QueryError(String message) {
    super(message);
  }

  public QueryError(String message, Throwable cause) {
    super(message, cause);
  }
}
