package org.tianfu.warehouse.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.tianfu.warehouse.serve.QueryResult;
import org.tianfu.warehouse.store.WarehouseLayout;
import org.tianfu.warehouse.testing.DayByDayWarehouse;
import org.tianfu.warehouse.testing.TestSpark;

/**
 * docs/querying.md against a warehouse the pipeline built: its table reference lists every table, and
 * every column in the table's order with the type of its Delta schema; each query of its cookbook runs
 * on DuckDB (as {@code bin/warehouse sql} runs it) and answers with rows.
 */
class DocsIT {
  private static final MarkdownDoc QUERYING = MarkdownDoc.read(DocsTest.ROOT.resolve("docs/querying.md"));
  private static final Pattern TABLE_HEADING = Pattern.compile("^### `([a-z_]+\\.[a-z_]+)`\\s*$");
  private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z_0-9]+)`\\s*\\|\\s*([^|]+?)\\s*\\|.*");

  /** The documented tables: name → columns as "name type", in the order written. */
  static Map<String, List<String>> documented() {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    List<String> columns = null;
    for (String line : QUERYING.section("Tables").lines()) {
      Matcher heading = TABLE_HEADING.matcher(line);
      Matcher row = ROW.matcher(line);
      if (heading.matches()) {
        columns = new ArrayList<>();
        tables.put(heading.group(1), columns);
      } else if (line.startsWith("#")) {
        columns = null;
      } else if (columns != null && row.matches()) {
        columns.add(row.group(1) + " " + row.group(2).replace("\\|", "|").replace("`", ""));
      }
    }
    return tables;
  }

  @Test
  void theTableReferenceIsTheWarehouse() {
    WarehouseLayout layout = DayByDayWarehouse.get().layout();
    Map<String, List<String>> documented = documented();
    assertEquals(layout.tables(), documented.keySet().stream().sorted().toList(),
        "docs/querying.md must describe exactly the warehouse's tables");
    for (Map.Entry<String, List<String>> table : documented.entrySet()) {
      List<String> real = new ArrayList<>();
      for (StructField f : TestSpark.session().read().format("delta").load(layout.path(table.getKey())).schema().fields()) {
        real.add(f.name() + " " + f.dataType().simpleString());
      }
      assertEquals(real, table.getValue(), "docs/querying.md, the columns of " + table.getKey());
    }
  }

  @Test
  void everyCookbookQueryAnswers() {
    List<MarkdownDoc.CodeBlock> queries = QUERYING.section("Cookbook").codeBlocks().stream()
        .filter(b -> b.language().equals("sql")).toList();
    assertTrue(queries.size() >= 10, "cookbook queries: " + queries.size());
    for (MarkdownDoc.CodeBlock query : queries) {
      QueryResult result = DayByDayWarehouse.get().duckDb().query(String.join("\n", query.lines()));
      assertFalse(result.rows().isEmpty(), "no rows for the cookbook's \"" + query.heading() + "\"");
    }
  }
}
