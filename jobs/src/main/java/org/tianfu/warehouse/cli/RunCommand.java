package org.tianfu.warehouse.cli;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.VersionInfo;
import org.tianfu.warehouse.landing.PiiKey;
import org.tianfu.warehouse.orchestrate.ReportTarget;
import org.tianfu.warehouse.orchestrate.RunRequest;
import org.tianfu.warehouse.orchestrate.Runner;
import org.tianfu.warehouse.orchestrate.TaskGraph;
import org.tianfu.warehouse.store.SparkSessions;
import org.tianfu.warehouse.store.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the nightly task graph (see 'warehouse plan'): ingest what is new, bring silver and gold up to date.")
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--landing", required = true, description = "landing directory (read only): a path, or a URI such as s3a://bucket/landing")
  String landing;

  @Option(names = "--warehouse", required = true, description = "warehouse directory: a path, or a URI such as s3a://bucket/warehouse")
  String warehouse;

  /** A backfill: the export days, run day by day. */
  @Mixin ExportDayRange days;

  @Option(names = "--only", paramLabel = "TASK", description = "run one task of the plan, e.g. ingest, conform, kpis")
  String only;

  @Option(names = "--rerun", paramLabel = "DT", description = "replace one export day with what its folders hold now")
  LocalDate rerun;

  @Option(names = "--full", description = "rebuild the warehouse from the whole landing directory")
  boolean full;

  @Option(names = "--reports", paramLabel = "DIR",
      description = "the reports task writes the latest month's county reports and leaderboard into DIR/YYYY-MM (none without it)")
  Path reports;

  @Mixin PdfOptions pdf;

  @Override
  public Integer call() {
    days.check();
    if (full && (rerun != null || only != null)) {
      throw new UserError("--full rebuilds everything; it does not combine with --rerun or --only");
    }
    if (rerun != null && days.given()) {
      throw new UserError("--rerun replaces one export day; it does not combine with --from/--to");
    }
    // A rerun forgets the day's ingest, so only the ingest task may take it; the later tasks take the
    // re-ingested day as any other (the DAG passes them --from DT --to DT).
    if (rerun != null && only != null && !only.equals(TaskGraph.INGEST)) {
      throw new UserError("--rerun runs with --only ingest, not --only " + only
          + ": the later tasks take the day with --from " + rerun + " --to " + rerun);
    }
    // A URI needs Spark's Hadoop configuration (spark.hadoop.*), so Spark starts before it is checked;
    // a local landing directory is checked first.
    Supplier<Configuration> hadoop = () -> SparkSessions.getOrCreate().sparkContext().hadoopConfiguration();
    if (!isFolder(landing, "--landing", hadoop)) {
      throw new UserError("--landing " + landing + ": no such directory");
    }
    isFolder(warehouse, "--warehouse", hadoop);   // reachable: a new warehouse is created by the run
    byte[] key = PiiKey.fromEnvironment(System.getenv());
    String command = "warehouse " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    RunRequest request = new RunRequest(landing, days.from, days.to, only, rerun, full, command);
    if (reports != null && request.runs(TaskGraph.REPORTS)) {
      // Before Spark starts: a missing browser or font is found now, not after the night's ingest.
      request = request.withReports(new ReportTarget(reports, pdf.printer()));
    }
    Runner runner = new Runner(SparkSessions.getOrCreate(), warehouse, key, System.err::println);
    if (only != null) {
      runner.graph().task(only);   // an unknown task is a user error, before anything runs
    }
    runner.run(request);
    return 0;
  }

  /**
   * Whether the location is a folder; a user error naming the option when it cannot be asked: an
   * unknown scheme, a store that refuses the credentials or cannot be reached.
   */
  private static boolean isFolder(String location, String option, Supplier<Configuration> hadoop) {
    try {
      return Storage.at(location, hadoop).isFolder("");
    } catch (UncheckedIOException | IllegalArgumentException e) {
      String problem = String.valueOf(e.getMessage());
      throw new UserError(option + " " + location + ": " + problem
          + (problem.contains("No FileSystem for scheme") ? " (its Hadoop connector is not on the classpath, and"
              + " bin/warehouse has none: for s3a://, run under spark-submit --packages org.apache.hadoop:hadoop-aws:"
              + VersionInfo.getVersion() + ", see docs/operations.md, \"Running on a Spark cluster\")" : ""));
    }
  }

  /** The other commands read a local warehouse (DuckDB reads its files directly). */
  static void requireDirectory(Path dir, String option) {
    if (Storage.isUri(dir.toString())) {
      throw new UserError(option + " " + dir + ": a URI; this command reads a warehouse in a local (or mounted)"
          + " directory; only 'warehouse run' takes object-store URIs");
    }
    if (!Files.isDirectory(dir)) {
      throw new UserError(option + " " + dir + ": no such directory");
    }
    if (!Files.isReadable(dir)) {
      throw new UserError(option + " " + dir + ": not readable");
    }
  }
}
