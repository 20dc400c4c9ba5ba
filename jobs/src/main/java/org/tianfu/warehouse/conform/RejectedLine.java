package org.tianfu.warehouse.conform;

/** A line that goes to ops.quarantine: where it came from, why, and its masked raw text. */
public record RejectedLine(String source, String dt, String file, long lineNumber, String reason, String raw) {}
