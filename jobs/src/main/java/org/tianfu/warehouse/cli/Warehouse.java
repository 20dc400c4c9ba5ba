package org.tianfu.warehouse.cli;

import java.io.PrintWriter;
import org.apache.spark.sql.AnalysisException;
import org.tianfu.warehouse.landing.LandingFileException;
import org.tianfu.warehouse.orchestrate.AirflowUnavailableException;
import org.tianfu.warehouse.orchestrate.WarehouseBusyException;
import org.tianfu.warehouse.serve.QueryError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code warehouse} command line: one entry point for every stage and tool. */
@Command(name = "warehouse", mixinStandardHelpOptions = true, version = "warehouse 0.1.0",
    description = "天府科技云 county performance warehouse: landing → bronze → silver → gold.",
    subcommands = {DemoCommand.class, GenerateCommand.class, RunCommand.class, SqlCommand.class,
        PlanCommand.class, StatusCommand.class, AirflowCommand.class,
        ReportCommand.class, ScoreCommand.class})
public final class Warehouse implements Runnable {
  static final int USER_ERROR = 2;
  /** Another run holds the warehouse: nothing was done, try again later. */
  static final int BUSY = 3;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'warehouse demo'");
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** The command line as {@link #execute} parses it; the docs check dry-parses the commands it quotes with it. */
  public static CommandLine commandLine() {
    return new CommandLine(new Warehouse()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  public static int execute(String... args) {
    CommandLine cli = commandLine();
    cli.setParameterExceptionHandler((e, a) -> {
      PrintWriter err = e.getCommandLine().getErr();
      err.println("error: " + e.getMessage() + " (see: "
          + e.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
      return USER_ERROR;
    });
    // An unknown command is an error even when --help follows it (picocli would print the top-level help).
    cli.setExecutionStrategy(parseResult -> {
      for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
        if (!p.unmatched().isEmpty()) {
          throw new CommandLine.UnmatchedArgumentException(p.commandSpec().commandLine(), p.unmatched());
        }
      }
      return new CommandLine.RunLast().execute(parseResult);
    });
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof WarehouseBusyException) {
        commandLine.getErr().println("error: " + e.getMessage());
        return BUSY;
      }
      if (isUserError(e)) {
        commandLine.getErr().println("error: " + firstLine(e.getMessage()));
        return USER_ERROR;
      }
      throw e;
    });
    return cli.execute(args);
  }

  static boolean isUserError(Exception e) {
    return e instanceof UserError || e instanceof IllegalArgumentException || e instanceof AirflowUnavailableException
        || e instanceof LandingFileException || e instanceof AnalysisException || e instanceof QueryError;
  }

  static String firstLine(String message) {
    if (message == null) {
      return "failed";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
