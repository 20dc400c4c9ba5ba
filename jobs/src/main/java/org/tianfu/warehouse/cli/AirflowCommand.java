package org.tianfu.warehouse.cli;

import java.util.concurrent.Callable;
import org.tianfu.warehouse.orchestrate.AirflowClient;
import org.tianfu.warehouse.orchestrate.AirflowSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "airflow", mixinStandardHelpOptions = true,
    description = "Drive the nightly DAG on Airflow (URL and credentials from the environment: see docs/operations.md).",
    subcommands = {AirflowCommand.Trigger.class, AirflowCommand.Status.class})
public final class AirflowCommand {
  static AirflowClient client() {
    return new AirflowClient(AirflowSettings.fromEnvironment(System.getenv()));
  }

  @Command(name = "trigger", mixinStandardHelpOptions = true,
      description = "Queue one DAG run per export day from --from to --to (a backfill, or a rerun of a day).")
  static final class Trigger implements Callable<Integer> {
    @Mixin ExportDayRange days;

    @Override
    public Integer call() {
      days.required();
      for (AirflowClient.Triggered t : client().trigger(days.from, days.to)) {
        System.out.println(t.day() + "  " + (t.runId() == null ? "-" : t.runId()) + "  " + t.outcome());
      }
      return 0;
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true, description = "Recent DAG runs and their failed tasks.")
  static final class Status implements Callable<Integer> {
    @Option(names = "--limit", defaultValue = "10", description = "how many runs (default ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() {
      for (AirflowClient.DagRun r : client().recentRuns(limit)) {
        System.out.printf("%-32s %-8s interval from %-26s started %-26s ended %s%s%n", r.runId(), r.state(),
            r.dataIntervalStart(), r.startDate(), r.endDate(),
            r.failedTasks().isEmpty() ? "" : "  failed: " + String.join(", ", r.failedTasks()));
      }
      return 0;
    }
  }
}
