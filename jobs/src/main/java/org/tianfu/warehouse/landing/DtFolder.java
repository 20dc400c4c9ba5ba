package org.tianfu.warehouse.landing;

import java.util.List;
import org.tianfu.warehouse.store.Storage.FileEntry;

/**
 * One export day of one source: the {@code .jsonl} files to read, in name order, and a warning for
 * each other file in the folder, which is not read.
 */
public record DtFolder(String source, String dt, List<FileEntry> files, List<String> skipped) {}
