package org.tianfu.warehouse.serve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.DescribeColumn;
import org.apache.spark.sql.catalyst.plans.logical.DescribeRelation;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ParsedStatement;
import org.apache.spark.sql.catalyst.plans.logical.ShowColumns;
import org.apache.spark.sql.catalyst.plans.logical.ShowTables;
import org.apache.spark.sql.execution.command.ExplainCommand;
import org.tianfu.warehouse.store.WarehouseLayout;

/** Answers SQL over the warehouse's Delta tables with Spark ({@code warehouse sql --engine spark}). */
public final class SparkSql implements QueryEngine {
  private final SparkSession spark;

  public SparkSql(SparkSession spark, WarehouseLayout layout) {
    this(spark, layout, AsOf.LATEST);
  }

  public SparkSql(SparkSession spark, WarehouseLayout layout, AsOf asOf) {
    this.spark = spark;
    SparkCatalog.register(spark, layout, asOf);
  }

  @Override
  public QueryResult query(String sql) {
    refuseWrites(sql);
    Dataset<Row> df = spark.sql(sql);
    List<String> columns = Arrays.asList(df.columns());
    List<List<Object>> rows = new ArrayList<>();
    for (Row r : df.collectAsList()) {
      List<Object> values = new ArrayList<>(r.size());
      for (int i = 0; i < r.size(); i++) {
        // Maps as Java maps, as DuckDB's JDBC driver gives them (ops.runs.rows_written).
        values.add(r.get(i) instanceof scala.collection.Map<?, ?> ? r.getJavaMap(i) : r.get(i));
      }
      rows.add(values);
    }
    return new QueryResult(columns, rows);
  }

  /**
   * Spark runs a command (INSERT, DELETE, MERGE, CREATE, SET, …) as soon as {@code spark.sql} sees
   * it, so the parsed statement is checked first: queries, DESCRIBE, SHOW and EXPLAIN only.
   */
  private void refuseWrites(String sql) {
    LogicalPlan plan;
    try {
      plan = spark.sessionState().sqlParser().parsePlan(sql);
    } catch (ParseException e) {
      throw new QueryError(e.getMessage(), e);
    }
    boolean command = plan instanceof Command || plan instanceof ParsedStatement;
    boolean reads = plan instanceof DescribeRelation || plan instanceof DescribeColumn || plan instanceof ShowTables
        || plan instanceof ShowColumns || plan instanceof ExplainCommand;
    if (command && !reads) {
      throw new QueryError("the warehouse is read-only here: only queries are answered"
          + " (SELECT, WITH, DESCRIBE, SHOW, EXPLAIN), not " + plan.nodeName());
    }
  }

  @Override
  public void close() {
    // The session belongs to the process: other work may still use it.
  }
}
