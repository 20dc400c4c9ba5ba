package org.tianfu.warehouse.orchestrate;

import java.time.LocalDate;

/**
 * What a run is asked to do.
 *
 * @param landing the landing directory: a local path or a URI (see {@link org.tianfu.warehouse.store.Storage})
 * @param from first export day to run (null: every pending day at once)
 * @param to last export day to run (null: through the latest)
 * @param only a single task of the plan, or null for the whole graph
 * @param rerun an export day to replace with what its folders hold now, or null
 * @param full rebuild the warehouse from the whole landing directory
 * @param command the command line, as recorded in ops.runs
 * @param reports where the reports task writes, or null: it writes none
 */
public record RunRequest(String landing, LocalDate from, LocalDate to, String only, LocalDate rerun,
    boolean full, String command, ReportTarget reports) {

  public RunRequest(String landing, LocalDate from, LocalDate to, String only, LocalDate rerun, boolean full,
      String command) {
    this(landing, from, to, only, rerun, full, command, null);
  }

  public static RunRequest everything(String landing, String command) {
    return new RunRequest(landing, null, null, null, null, false, command);
  }

  /** Whether this run executes the graph's task {@code id}. */
  public boolean runs(String id) {
    return only == null || only.equals(id);
  }

  public RunRequest withReports(ReportTarget target) {
    return new RunRequest(landing, from, to, only, rerun, full, command, target);
  }
}
