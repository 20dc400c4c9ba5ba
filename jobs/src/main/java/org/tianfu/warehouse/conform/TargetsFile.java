package org.tianfu.warehouse.conform;

import java.util.List;

/** What one targets CSV held: accepted rows in file order, rejected rows, and rows read. */
public record TargetsFile(String folder, String file, long linesRead, List<TargetRow> accepted,
    List<RejectedLine> rejected) {}
