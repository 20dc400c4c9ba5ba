package org.tianfu.warehouse.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tianfu.warehouse.cli.Warehouse;
import picocli.CommandLine;

/**
 * The documentation stays true to the project: every relative link resolves (anchors included), every
 * {@code bin/warehouse} command it quotes parses, the contract's copy is the contract, the entry points
 * stay short, and no file speaks of work sessions. The table reference and the cookbook of
 * docs/querying.md are checked against a built warehouse by {@link DocsIT}.
 */
class DocsTest {
  static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Pattern OPTION = Pattern.compile("--[a-z][a-z0-9-]*");
  private static final Pattern SHELL_TOKEN = Pattern.compile("'([^']*)'|\"((?:\\\\.|[^\"\\\\])*)\"|(\\S+)");

  static List<MarkdownDoc> docs() throws IOException {
    List<MarkdownDoc> out = new ArrayList<>();
    out.add(MarkdownDoc.read(ROOT.resolve("README.md")));
    out.add(MarkdownDoc.read(ROOT.resolve("BENCHMARKS.md")));
    try (Stream<Path> files = Files.walk(ROOT.resolve("docs"))) {
      files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(f -> out.add(MarkdownDoc.read(f)));
    }
    return out;
  }

  @Test
  void everyRelativeLinkResolves() throws IOException {
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (MarkdownDoc doc : docs()) {
      for (MarkdownDoc.Link link : doc.links()) {
        String target = link.target();
        if (target.matches("^[a-z]+:.*")) {
          continue;   // https:, mailto:
        }
        checked++;
        int hash = target.indexOf('#');
        String path = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
        Path file = path.isEmpty() ? doc.file() : doc.file().getParent().resolve(path).normalize();
        String where = ROOT.relativize(doc.file()) + ":" + link.line() + " " + target;
        if (!Files.exists(file)) {
          broken.add(where + " (no such file)");
        } else if (hash >= 0 && file.toString().endsWith(".md")) {
          String anchor = URLDecoder.decode(target.substring(hash + 1), StandardCharsets.UTF_8);
          if (!MarkdownDoc.read(file).anchors().contains(anchor)) {
            broken.add(where + " (no such heading)");
          }
        }
      }
    }
    assertTrue(checked > 20, "links found: " + checked);
    assertEquals(List.of(), broken);
  }

  @Test
  void everyQuotedCommandParses() throws IOException {
    List<String> stale = new ArrayList<>();
    int complete = 0;
    int usages = 0;
    for (MarkdownDoc doc : docs()) {
      String name = ROOT.relativize(doc.file()).toString();
      for (MarkdownDoc.CodeBlock block : doc.codeBlocks()) {
        boolean shell = List.of("sh", "bash", "shell", "console").contains(block.language());
        for (int i = 0; i < block.lines().size(); i++) {
          String line = block.lines().get(i);
          int at = line.indexOf("bin/warehouse");
          if (at < 0) {
            continue;
          }
          String where = name + ":" + (block.firstLine() + i) + " " + line.strip();
          String problem = shell ? dryParse(commandPart(line.substring(at))) : usageProblem(line.substring(at));
          if (problem != null) {
            stale.add(where + " → " + problem);
          }
          if (shell) {
            complete++;
          } else {
            usages++;
          }
        }
      }
      for (String code : doc.inlineCode()) {
        if (code.startsWith("bin/warehouse")) {
          usages++;
          String problem = usageProblem(code);
          if (problem != null) {
            stale.add(name + " `" + code + "` → " + problem);
          }
        }
      }
    }
    assertTrue(complete >= 10 && usages >= 10, "commands found: " + complete + " complete, " + usages + " usages");
    assertEquals(List.of(), stale);
  }

  /** A shell line's command up to a comment, pipe, redirection or the next command. */
  static String commandPart(String line) {
    return line.split("\\s+(#|&&|\\|\\|?|;|>|2>)(\\s|$)", 2)[0].strip();
  }

  /** Why a complete command line does not parse, or null. */
  static String dryParse(String command) {
    List<String> args = new ArrayList<>();
    Matcher m = SHELL_TOKEN.matcher(command.substring("bin/warehouse".length()));
    while (m.find()) {
      args.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1") : m.group(3));
    }
    try {
      CommandLine.ParseResult result = Warehouse.commandLine().parseArgs(args.toArray(String[]::new));
      for (CommandLine.ParseResult p = result; p != null; p = p.subcommand()) {
        if (!p.unmatched().isEmpty()) {
          return "unmatched " + p.unmatched();
        }
      }
      return null;
    } catch (CommandLine.ParameterException e) {
      return e.getMessage();
    }
  }

  /**
   * Why a usage line ({@code bin/warehouse run --landing DIR [--full]}) names a command or an option
   * that does not exist, or null. Placeholders ({@code <command>}, {@code …}) stand for anything.
   */
  static String usageProblem(String usage) {
    String[] words = usage.substring("bin/warehouse".length()).strip().split("\\s+");
    CommandLine command = Warehouse.commandLine();
    int i = 0;
    while (i < words.length && words[i].matches("[a-z]+") && command.getSubcommands().containsKey(words[i])) {
      command = command.getSubcommands().get(words[i++]);
    }
    if (i == 0 && words.length > 0 && words[0].matches("[a-z]+")) {
      return "no command '" + words[0] + "'";
    }
    for (; i < words.length; i++) {
      Matcher m = OPTION.matcher(words[i]);
      while (m.find()) {
        if (command.getCommandSpec().findOption(m.group()) == null) {
          return command.getCommandName() + " has no option " + m.group();
        }
      }
    }
    return null;
  }

  @Test
  void theChecksCatchAStaleCommand() {
    assertEquals("run has no option --fast", usageProblem("bin/warehouse run --landing DIR [--fast]"));
    assertEquals("no command 'nosuch'", usageProblem("bin/warehouse nosuch --help"));
    assertEquals(null, usageProblem("bin/warehouse sql --warehouse DIR [--engine duckdb|spark] [\"SELECT …\"]"));
    assertEquals(null, dryParse(commandPart("bin/warehouse sql --warehouse /data/w \"SELECT 1\"  # one query")));
    assertTrue(dryParse("bin/warehouse run --landing /data/landing").startsWith("Missing required option"));
  }

  @Test
  void theContractCopyIsTheContract() throws IOException {
    Path shared = ROOT.resolveSibling("shared").resolve("contract");
    assumeTrue(Files.isDirectory(shared), "no ../shared/contract beside this checkout to compare with");
    for (String name : List.of("landing.md", "kpis.md")) {
      assertEquals(Files.readString(shared.resolve(name)), Files.readString(ROOT.resolve("docs/contract").resolve(name)),
          "docs/contract/" + name + " differs from ../shared/contract/" + name + ": copy it again");
    }
  }

  @Test
  void theEntryPointsStayShort() throws IOException {
    assertTrue(Files.size(ROOT.resolve("README.md")) <= 12 * 1024, "README.md is over 12 KB: move details to docs/");
    assertTrue(Files.size(ROOT.resolve("BENCHMARKS.md")) <= 25 * 1024, "BENCHMARKS.md is over 25 KB: a report, not a log");
  }

  @Test
  void noFileSpeaksOfWorkSessions() throws Exception {
    Process git = new ProcessBuilder("git", "ls-files").directory(ROOT.toFile()).start();
    List<String> files = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    assertEquals(0, git.waitFor());
    Pattern diary = Pattern.compile("(?i)\\bsessions? [0-9]+");
    List<String> found = new ArrayList<>();
    for (String name : files) {
      Path file = ROOT.resolve(name);
      if (!name.matches(".*\\.(png|jsa|jar|xlsx|pdf)$") && Files.isRegularFile(file)) {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        if (diary.matcher(text).find()) {
          found.add(name);
        }
      }
    }
    assertTrue(files.size() > 100, "files listed: " + files.size());
    assertEquals(List.of(), found);
  }
}
