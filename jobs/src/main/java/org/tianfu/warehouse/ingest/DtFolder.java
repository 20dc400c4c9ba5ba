package org.tianfu.warehouse.ingest;

import java.nio.file.Path;
import java.util.List;

/** One export day of one source: the {@code .jsonl} files to read, in name order. */
public record DtFolder(String source, String dt, List<Path> files) {}
