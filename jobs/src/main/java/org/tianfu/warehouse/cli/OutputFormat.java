package org.tianfu.warehouse.cli;

import org.tianfu.warehouse.serve.ResultFormat;

/** What {@code sql --format} names: a rendering of the rows, or Parquet, which DuckDB writes itself. */
enum OutputFormat {
  CSV(ResultFormat.CSV), JSON(ResultFormat.JSON), TABLE(ResultFormat.TABLE), XLSX(ResultFormat.XLSX), PARQUET(null);

  /** The rendering, or null for Parquet. */
  final ResultFormat rendering;

  OutputFormat(ResultFormat rendering) {
    this.rendering = rendering;
  }

  /** Whether it can go to a terminal (XLSX and Parquet are files). */
  boolean isText() {
    return rendering != null && rendering.isText();
  }
}
