package org.tianfu.warehouse.ingest;

/** One file's account in {@code ops.ingest_audit}: every counted line is in exactly one column. */
public record IngestAuditRow(String source, String dt, String file, long linesRead, long loaded,
    long duplicates, long quarantined) {}
