package org.tianfu.warehouse.serve;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import io.delta.kernel.types.StructField;

/**
 * One table as of one Delta version: its columns (in table order, partition columns included) and
 * the data files the log says are live, each with the partition values the log records for it.
 */
public record DeltaSnapshot(String table, long version, Instant committedAt, List<StructField> columns,
    List<String> partitionColumns, List<DataFile> files) {

  /** A live data file: its absolute local path and its partition values (null where the value is null). */
  public record DataFile(String path, Map<String, String> partitionValues) {}
}
