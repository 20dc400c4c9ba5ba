package org.tianfu.warehouse.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Markdown file of the project's documentation, read as the docs check needs it: its headings (as
 * GitHub makes their anchors), its links, its fenced code blocks and the inline code of its prose.
 */
record MarkdownDoc(Path file, List<String> lines) {
  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern LINK = Pattern.compile("!?\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  private static final Pattern REFERENCE = Pattern.compile("^\\s*\\[[^\\]]+\\]:\\s*(\\S+)");
  private static final Pattern INLINE_CODE = Pattern.compile("(`+)(.+?)\\1");

  /** A fenced block: its language (empty if none), its lines, and the heading it stands under. */
  record CodeBlock(String language, List<String> lines, String heading, int firstLine) {}

  /** A link target as written, with the line it is on. */
  record Link(String target, int line) {}

  static MarkdownDoc read(Path file) {
    try {
      return new MarkdownDoc(file, Files.readAllLines(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines outside fenced code blocks, with their numbers (from 1); fenced lines are null. */
  private List<String> prose() {
    List<String> out = new ArrayList<>();
    boolean fenced = false;
    for (String line : lines) {
      boolean fence = line.strip().startsWith("```");
      out.add(fenced || fence ? null : line);
      if (fence) {
        fenced = !fenced;
      }
    }
    return out;
  }

  List<String> headings() {
    List<String> out = new ArrayList<>();
    for (String line : prose()) {
      Matcher m = line == null ? null : HEADING.matcher(line);
      if (m != null && m.matches()) {
        out.add(m.group(2));
      }
    }
    return out;
  }

  /** The anchors GitHub gives the headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
  Set<String> anchors() {
    Set<String> out = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String heading : headings()) {
      String slug = slug(heading);
      int n = seen.merge(slug, 1, Integer::sum);
      out.add(n == 1 ? slug : slug + "-" + (n - 1));
    }
    return out;
  }

  static String slug(String heading) {
    String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder();
    text.codePoints().forEach(c -> {
      if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
        b.appendCodePoint(c);
      } else if (c == ' ') {
        b.append('-');
      }
    });
    return b.toString();
  }

  List<Link> links() {
    List<Link> out = new ArrayList<>();
    List<String> prose = prose();
    for (int i = 0; i < prose.size(); i++) {
      String line = prose.get(i);
      if (line == null) {
        continue;
      }
      String text = INLINE_CODE.matcher(line).replaceAll("");
      Matcher m = LINK.matcher(text);
      while (m.find()) {
        out.add(new Link(m.group(1), i + 1));
      }
      Matcher r = REFERENCE.matcher(text);
      if (r.find()) {
        out.add(new Link(r.group(1), i + 1));
      }
    }
    return out;
  }

  List<CodeBlock> codeBlocks() {
    List<CodeBlock> out = new ArrayList<>();
    String heading = "";
    List<String> block = null;
    String language = null;
    int first = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.strip().startsWith("```")) {
        if (block == null) {
          block = new ArrayList<>();
          language = line.strip().substring(3).strip();
          first = i + 2;
        } else {
          out.add(new CodeBlock(language, List.copyOf(block), heading, first));
          block = null;
        }
      } else if (block != null) {
        block.add(line);
      } else {
        Matcher m = HEADING.matcher(line);
        if (m.matches()) {
          heading = m.group(2);
        }
      }
    }
    return out;
  }

  /** The inline code spans of the prose (tables included), a table's escaped bars unescaped. */
  List<String> inlineCode() {
    List<String> out = new ArrayList<>();
    for (String line : prose()) {
      if (line != null) {
        Matcher m = INLINE_CODE.matcher(line);
        while (m.find()) {
          out.add(m.group(2).replace("\\|", "|").strip());
        }
      }
    }
    return out;
  }

  /** The lines under a level-2 heading, up to the next level-2 heading. */
  MarkdownDoc section(String title) {
    int start = lines.indexOf("## " + title);
    if (start < 0) {
      throw new AssertionError(file + " has no section '## " + title + "'");
    }
    int end = start + 1;
    while (end < lines.size() && !lines.get(end).startsWith("## ")) {
      end++;
    }
    return new MarkdownDoc(file, lines.subList(start + 1, end));
  }
}
