package org.tianfu.warehouse.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.tianfu.warehouse.serve.QueryEngine;
import org.tianfu.warehouse.serve.ResultFormat;
import org.tianfu.warehouse.store.WarehouseLayout;

/**
 * {@code warehouse sql} with no query: a prompt with line editing, history (kept in the user's home,
 * never in the warehouse, which the SQL command does not write), tab completion of table names,
 * {@code .tables} and {@code describe <table>}. A statement ends with {@code ;} and may span lines.
 */
final class SqlShell {
  static final String HISTORY = ".warehouse_sql_history";
  private static final String HELP = """
      End a query with ';' (it may span lines). Tables are layer.table: bronze.<source>, silver.*, gold.*, ops.*.
        .tables             list the tables
        describe <table>    its columns and types
        .help               this text
        .quit               leave (or Ctrl-D)""";

  private final QueryEngine engine;
  private final WarehouseLayout layout;
  private final ResultFormat format;
  private final String reading;

  /** @param reading what the banner says is read: the engine, and the moment when not the latest */
  SqlShell(QueryEngine engine, WarehouseLayout layout, ResultFormat format, String reading) {
    this.engine = engine;
    this.layout = layout;
    this.format = format;
    this.reading = reading;
  }

  /** The history file: in $HOME, as shells keep theirs. */
  static Path historyFile() {
    String home = System.getenv("HOME");
    return Path.of(home != null ? home : System.getProperty("user.home"), HISTORY);
  }

  int run() throws IOException {
    List<String> tables = layout.tables();
    List<String> words = new ArrayList<>(tables);
    words.addAll(List.of(".tables", ".help", ".quit", "describe"));
    try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).encoding(StandardCharsets.UTF_8).build()) {
      LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("warehouse")
          .variable(LineReader.HISTORY_FILE, historyFile())
          .completer(new StringsCompleter(words))
          // "!=" is SQL, not a history event.
          .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
          .build();
      PrintStream out = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
      out.println("warehouse " + layout.root() + " (" + reading.toLowerCase(Locale.ROOT) + "): "
          + tables.size() + " tables. .help for help, .quit to leave.");
      StringBuilder statement = new StringBuilder();
      while (true) {
        String line;
        try {
          line = reader.readLine(statement.isEmpty() ? "sql> " : "...> ");
        } catch (UserInterruptException e) {
          statement.setLength(0);
          continue;
        } catch (EndOfFileException e) {
          break;
        }
        String text = line.strip();
        if (statement.isEmpty()) {
          if (text.isEmpty()) {
            continue;
          }
          if (text.startsWith(".")) {
            if (!dotCommand(text, tables, out)) {
              break;
            }
            continue;
          }
        }
        statement.append(line).append('\n');
        boolean describe = statement.toString().strip().toLowerCase(Locale.ROOT).startsWith("describe ");
        if (text.endsWith(";") || describe) {
          answer(statement.toString(), out);
          statement.setLength(0);
        }
      }
      reader.getHistory().save();
    }
    return 0;
  }

  /** Runs a dot command; false for .quit. */
  private static boolean dotCommand(String text, List<String> tables, PrintStream out) {
    switch (text.split("\\s+")[0]) {
      case ".quit", ".exit" -> {
        return false;
      }
      case ".tables" -> tables.forEach(out::println);
      case ".help" -> out.println(HELP);
      default -> out.println("error: unknown command " + text + " (.help lists them)");
    }
    return true;
  }

  private void answer(String sql, PrintStream out) {
    long start = System.nanoTime();
    try {
      format.print(engine.query(sql), out);
      out.printf("(%d ms)%n", (System.nanoTime() - start) / 1_000_000);
    } catch (Exception e) {
      // Spark's AnalysisException is checked in Java's eyes but thrown unannounced from Scala.
      if (!Warehouse.isUserError(e)) {
        throw e;
      }
      out.println("error: " + Warehouse.firstLine(e.getMessage()));
    }
  }
}
